import { describe, expect, it } from 'vitest';
import { GPU_PRESETS, SELECTOR_MODEL_PRESETS } from '../../../src/lib/memory/index.ts';
import {
  CITED_CARDS,
  DATA_KINDS,
  DEFAULT_INPUT,
  GOALS,
  INPUT_KEYS,
  MIN_EXAMPLES,
  OBJECTIVE_RULES,
  OBJECTIVES,
  PREREQUISITES,
  PRESERVE_LEVELS,
  QUALITIES,
  recommend,
  type Recommendation,
  type SelectorInput,
  STRATEGIES,
  YES_NO,
} from '../../../src/lib/selector/index.ts';
import { GPU24, GPU80 } from './helpers.ts';

function* answers(hardware: Pick<SelectorInput, 'model' | 'gpu' | 'gpus'>[]): Generator<SelectorInput> {
  for (const goal of GOALS)
    for (const data of DATA_KINDS)
      for (const examples of data === 'demonstrations' || data === 'preferences' || data === 'binary-feedback'
        ? [10, MIN_EXAMPLES, 3000, 100_000]
        : [1000])
        for (const tokens of data === 'corpus' ? [5e6, 5e8] : [DEFAULT_INPUT.tokens])
          for (const quality of QUALITIES)
            for (const ev of YES_NO)
              for (const sft of YES_NO)
                for (const preserve of PRESERVE_LEVELS)
                  for (const hw of hardware)
                    yield { goal, data, examples, tokens, quality, eval: ev, sft, preserve, ...hw };
}

/** Checks one recommendation; returns the problems found (plain checks: this runs ~15,000 times). */
function problems(r: Recommendation): string[] {
  const out: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) out.push(what);
  };
  check((OBJECTIVES as readonly string[]).includes(r.objective), `objective ${r.objective}`);
  check((STRATEGIES as readonly string[]).includes(r.strategy), `strategy ${r.strategy}`);
  check(r.rule !== 'error', 'engine error');
  check(r.reasons.length > 0, 'no reason');
  for (const reason of r.reasons) {
    check(INPUT_KEYS.includes(reason.input), `reason input ${reason.input}`);
    check(reason.text.length > 0 && !/undefined|NaN/.test(reason.text), `reason text ${reason.text}`);
  }
  for (const p of r.prerequisites) check((PREREQUISITES as readonly string[]).includes(p), `prerequisite ${p}`);
  check(new Set(r.prerequisites).size === r.prerequisites.length, 'duplicate prerequisite');
  check(r.prerequisites.includes('eval-set') === (r.input.eval === 'no'), 'eval-set iff no eval');
  check(
    r.prerequisites.includes('curate-data') === (r.input.quality === 'noisy' && r.input.data !== 'none'),
    'curate-data iff noisy data',
  );
  if (r.prerequisites.includes('eval-set')) {
    check(r.prerequisites[0] === 'eval-set', 'eval-set first');
    check(r.reasons[0]?.input === 'eval', 'eval reason first');
  }
  const trains = r.objective !== 'prompting' && r.objective !== 'rag';
  check((r.strategy === 'none') === !trains, 'strategy none iff no training');
  if (trains) {
    check(r.memory !== null, 'memory figure');
    check(r.memory?.fits === (r.strategy !== 'does-not-fit'), 'fits iff strategy fits');
    if (r.strategy !== 'does-not-fit') {
      check(r.memory?.method === r.strategy, 'figure is for the strategy');
      check((r.memory?.perGpuBytes ?? Infinity) <= (r.memory?.usableBytes ?? 0), 'fits the GPU');
      check(r.calculator?.method === r.strategy, 'calculator method');
    }
  } else {
    check(r.memory === null && r.calculator === null, 'no memory without training');
  }
  if (r.input.preserve !== 'low') check(r.strategy !== 'full', 'full only with preserve low');
  check(!(r.runnerUp.objective === r.objective && r.runnerUp.strategy === r.strategy), 'runner-up differs');
  check(r.runnerUp.when.length > 0, 'runner-up when');
  check(r.cards.length > 0, 'cards');
  for (const c of r.cards) check(CITED_CARDS.includes(c.slug), `card ${c.slug}`);
  check(r.flips.length > 0, 'at least one flip');
  for (const f of r.flips) {
    check(f.strategy !== 'does-not-fit' || r.flips.every((x) => x.input === 'goal'), 'flip to something that fits');
    check(!(f.objective === r.objective && f.strategy === r.strategy), 'flip changes the answer');
    check(!/undefined|NaN/.test(f.text), `flip text ${f.text}`);
  }
  return out.map((x) => `${x} for ${JSON.stringify(r.input)}`);
}

function checkOne(r: Recommendation) {
  expect(problems(r)).toEqual([]);
}

describe('every combination of answers', () => {
  it('yields exactly one valid recommendation with a reason, never throws, same output for same input', () => {
    const hardware = [
      { model: 'llama-3.1-8b', gpu: GPU24(), gpus: 1 },
      { model: 'llama-3.1-70b', gpu: GPU24(), gpus: 1 },
      { model: 'mistral-7b', gpu: GPU80(), gpus: 1 },
      { model: 'qwen2.5-72b', gpu: GPU80(), gpus: 8 },
      { model: 'llama-3.2-1b', gpu: GPU80(), gpus: 1 },
    ];
    const objectives = new Set<string>();
    const strategies = new Set<string>();
    const rules = new Set<string>();
    let n = 0;
    const failures: string[] = [];
    for (const input of answers(hardware)) {
      const r = recommend(input);
      const p = problems(r);
      if (p.length > 0 || !INPUT_KEYS.every((k) => r.input[k] === input[k]))
        failures.push(...p, `input ${JSON.stringify(input)}`);
      objectives.add(r.objective);
      strategies.add(r.strategy);
      rules.add(r.rule);
      n++;
      if (n % 97 === 0 && JSON.stringify(recommend(structuredClone(input))) !== JSON.stringify(r))
        failures.push(`not deterministic: ${JSON.stringify(input)}`);
    }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(n).toBeGreaterThan(10_000);
    // Every objective and strategy is reachable except PPO/DoRA which need special hardware (checked below).
    for (const o of OBJECTIVES.filter((x) => x !== 'rlhf-ppo')) expect(objectives).toContain(o);
    for (const s of ['full', 'lora', 'qlora', 'none', 'does-not-fit']) expect(strategies).toContain(s);
    for (const rule of OBJECTIVE_RULES.filter((x) => x.id !== 'fallback' && x.id !== 'ppo'))
      expect(rules).toContain(rule.id);
  }, 300_000);

  it('every model × GPU × count gives a valid answer for training objectives', () => {
    const seen = new Set<string>();
    const probes: Partial<SelectorInput>[] = [
      { goal: 'chat', data: 'demonstrations', examples: 3000, sft: 'no' },
      { goal: 'alignment', data: 'preferences', examples: 100_000, sft: 'yes' },
      { goal: 'knowledge', data: 'corpus', tokens: 5e8, preserve: 'low' },
      { goal: 'task', data: 'demonstrations', examples: 100_000, preserve: 'low' },
    ];
    for (const m of SELECTOR_MODEL_PRESETS)
      for (const g of GPU_PRESETS)
        for (const gpus of [1, 2, 8])
          for (const p of probes) {
            const r = recommend({ ...p, model: m.id, gpu: g.id, gpus, eval: 'yes' });
            checkOne(r);
            seen.add(r.strategy);
            seen.add(r.objective);
          }
    expect(seen).toContain('rlhf-ppo');
    expect(seen).toContain('dora');
    expect(seen).toContain('full');
    expect(seen).toContain('does-not-fit');
  }, 300_000);

  it('flips are truthful: applying a flip gives the answer it announces', () => {
    const inputs: Partial<SelectorInput>[] = [
      { goal: 'chat', data: 'demonstrations', examples: 3000, sft: 'no', model: 'llama-3.1-70b', gpu: GPU24() },
      { goal: 'knowledge', data: 'corpus', tokens: 5e8, model: 'llama-3.1-8b', gpu: GPU80(), preserve: 'low' },
      { goal: 'alignment', data: 'preferences', examples: 10000, sft: 'yes', model: 'mistral-7b', gpu: GPU80() },
      { goal: 'task', data: 'few' },
      { goal: 'knowledge', data: 'corpus', tokens: 5e6 },
      { goal: 'verifiable', data: 'demonstrations', examples: 40 },
    ];
    for (const i of inputs) {
      const r = recommend(i);
      expect(r.flips.length).toBeGreaterThan(0);
      for (const f of r.flips) {
        const next = recommend({ ...r.input, ...f.patch });
        expect([next.objective, next.strategy]).toEqual([f.objective, f.strategy]);
        expect(f.patch[f.input]).toBeDefined();
      }
    }
  });

  it('survives garbage input without throwing', () => {
    const junk = [
      undefined,
      {},
      { goal: 'nope' },
      { examples: -5 },
      { examples: Number.NaN },
      { gpus: 0 },
      { gpus: 1e9 },
      { model: 'gpt-9' },
      { gpu: 42 },
      null,
    ];
    for (const j of junk) {
      const r = recommend(j as never);
      checkOne(r);
    }
  });
});
