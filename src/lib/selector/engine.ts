/**
 * The method selector's engine: answers in, one recommendation out (objective × parameter strategy), with reasons,
 * runner-up, the input changes that flip the answer, prerequisites, the per-GPU estimate and calculator state.
 * Deterministic and total: any input gives exactly one recommendation and never throws.
 * Texts are kept short: this module ships in the island (15 kB page JS budget).
 */
import type { ShardingId } from '../memory/index.ts';
import { inputParamName } from '../memory/names.ts';
import {
  KEEP_SKILLS_CARDS,
  MEMORY_CARDS,
  OBJECTIVE_CARDS,
  OVERVIEW_CARD,
  PREREQUISITE_CARDS,
  STRATEGY_CARDS,
} from './cited-cards.ts';
import { headlineOf, STRATEGY_LABELS } from './labels.ts';
import { trainingInputFor } from './memory-inputs.ts';
import { formatCount as n, gb } from './numbers.ts';
import { MEMORY_GPUS, MEMORY_MODELS } from './model-gpu-presets.ts';
import { bestFigure, gpuMemoryGB, gpuName, modelName, modelSize, usableBytes } from './memory-figures.ts';
import {
  COUNTED_DATA,
  NO_TRAINING,
  OBJECTIVE_RULES,
  type ObjectiveRule,
  type RuleContext,
  STRATEGY_RULES,
  type StrategyRule,
} from './rules.ts';
import { CPT_MIN_TOKENS, LARGE_DATA, MIN_EXAMPLES, PPO_MIN_PAIRS } from './thresholds.ts';
import { normalizeInput } from './input.ts';
import {
  type CardRef,
  type Flip,
  GOALS,
  type InputKey,
  type MemoryFigure,
  type Objective,
  type Prerequisite,
  PRESERVE_LEVELS,
  type Reason,
  type Recommendation,
  type SelectorInput,
  type Strategy,
  type StrategyRunnerUp,
} from './types.ts';

// ---------------------------------------------------------------------------------------------------------------
// Core decision: objective (rules table), then strategy (the first in the strategy rule's order that fits).

interface Core {
  rule: ObjectiveRule;
  objective: Objective;
  strategy: Strategy;
  /** Strategies tried in order, with their best figure. */
  tried: MemoryFigure[];
  memory: MemoryFigure | null;
  capacity: boolean;
}

export function ruleContext(input: SelectorInput): RuleContext {
  let ppo: boolean | undefined;
  return {
    input,
    tooFew:
      input.data === 'none' ||
      input.data === 'few' ||
      (COUNTED_DATA.includes(input.data) && input.examples < MIN_EXAMPLES),
    bigCorpus: input.data === 'corpus' && input.tokens >= CPT_MIN_TOKENS,
    ppoFullFits: () => {
      ppo ??= bestFigure('rlhf-ppo', 'full', input.model, input.gpu, input.gpus)?.fits === true;
      return ppo;
    },
  };
}

export function objectiveRuleFor(input: SelectorInput): ObjectiveRule {
  const ctx = ruleContext(input);
  return OBJECTIVE_RULES.find((r) => r.test(ctx)) ?? (OBJECTIVE_RULES.at(-1) as ObjectiveRule);
}

function chooseStrategy(objective: Objective, input: SelectorInput): Omit<Core, 'rule' | 'objective'> {
  if (NO_TRAINING.includes(objective)) return { strategy: 'none', tried: [], memory: null, capacity: false };
  // The last strategy rule always matches.
  const rule = STRATEGY_RULES.find((r) => r.test(objective, input)) ?? (STRATEGY_RULES.at(-1) as StrategyRule);
  const tried: MemoryFigure[] = [];
  for (const method of rule.order) {
    const f = bestFigure(objective, method, input.model, input.gpu, input.gpus);
    if (f) tried.push(f);
    if (f?.fits) return { strategy: method, tried, memory: f, capacity: rule.id === 'capacity' };
  }
  // Nothing fits: show the smallest footprint tried.
  const smallest = tried.reduce<MemoryFigure | null>((s, f) => (!s || f.perGpuBytes < s.perGpuBytes ? f : s), null);
  return { strategy: 'does-not-fit', tried, memory: smallest, capacity: rule.id === 'capacity' };
}

const coreCache = /* @__PURE__ */ new Map<string, Core>();

function decideCore(input: SelectorInput): Core {
  // quality and eval do not change the objective or the strategy (they add prerequisites).
  const { goal, data, examples, tokens, sft, model, gpu, gpus, preserve } = input;
  const key = [goal, data, examples, tokens, sft, model, gpu, gpus, preserve].join();
  let core = coreCache.get(key);
  if (!core) {
    const rule = objectiveRuleFor(input);
    core = { rule, objective: rule.objective, ...chooseStrategy(rule.objective, input) };
    if (coreCache.size > 5000) coreCache.clear();
    coreCache.set(key, core);
  }
  return core;
}

// ---------------------------------------------------------------------------------------------------------------
// Texts.

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const label = (s: Strategy) => STRATEGY_LABELS[s];

function shardingText(f: MemoryFigure, gpus: number): string {
  if (gpus <= 1) return '';
  return f.sharding === 'none'
    ? ` (data parallel on ${gpus} GPUs)`
    : ` (sharded with ${f.sharding === 'fsdp' ? 'FSDP' : 'ZeRO-3'} across ${gpus} GPUs)`;
}

function memoryReasons(core: Core, input: SelectorInput): Reason[] {
  const f = core.memory;
  if (!f) return [];
  const where: InputKey = input.gpus > 1 ? 'gpus' : 'gpu';
  const each = `the ${gb(f.usableBytes)} of each ${gpuName(input.gpu)}`;
  if (core.strategy === 'does-not-fit') {
    return [
      {
        input: 'model',
        text: `${modelName(input.model)} does not fit ${input.gpus}× ${gpuName(input.gpu)}, not even with ${label(f.method)}: about ${gb(f.perGpuBytes)} per GPU against ${gb(f.usableBytes)}. Use a smaller model or more GPUs.`,
      },
    ];
  }
  const out: Reason[] = core.tried
    .filter((t) => !t.fits)
    .map((t) => ({
      input: where,
      text: `${cap(label(t.method))} needs about ${gb(t.perGpuBytes)} per GPU, more than ${each}.`,
    }));
  const extra = f.extraBytes > 0 ? `, with ${gb(f.extraBytes)} for ${f.extraNote}` : '';
  out.push({
    input: where,
    text: `${cap(label(f.method))} fits${shardingText(f, input.gpus)}: about ${gb(f.perGpuBytes)} per GPU${extra}, of ${each}.`,
  });
  if (core.capacity) {
    const why =
      core.objective === 'continued-pretraining'
        ? 'Forgetting is acceptable, and continued pretraining learns more with full fine-tuning than with LoRA'
        : `Forgetting is acceptable, and ${n(input.examples)} examples can use full fine-tuning's capacity`;
    out.push({
      input: 'preserve',
      text: f.method === 'full' ? `${why}.` : `${why}; ${label(f.method)} is the closest that fits.`,
    });
  } else {
    out.push(
      input.preserve === 'high'
        ? { input: 'preserve', text: 'General skills must be kept: adapters forget less than full fine-tuning.' }
        : {
            input: 'preserve',
            text: 'Adapters are the default: far less memory and less forgetting than full fine-tuning.',
          },
    );
  }
  return out;
}

function prerequisitesOf(input: SelectorInput): Prerequisite[] {
  const p: Prerequisite[] = [];
  if (input.eval === 'no') p.push('eval-set');
  if (input.quality === 'noisy' && input.data !== 'none') p.push('curate-data');
  return p;
}

function prerequisiteReasons(input: SelectorInput): Reason[] {
  const out: Reason[] = [
    input.eval === 'no'
      ? {
          input: 'eval',
          text: 'First build a held-out eval set and a task metric: without them you cannot tell if anything helps.',
        }
      : { input: 'eval', text: 'Score the untrained baseline on your held-out set before changing anything.' },
  ];
  if (input.quality === 'noisy' && input.data !== 'none') {
    out.push({
      input: 'quality',
      text: 'Curate first: quality beats quantity. Deduplicate, fix or drop bad examples before training.',
    });
  }
  return out;
}

const STRATEGY_RUNNER_UP: Partial<Record<Strategy, StrategyRunnerUp>> = {
  full: { strategy: 'lora', when: 'When general skills must be kept (LoRA forgets less), or to save memory.' },
  dora: { strategy: 'lora', when: "When speed matters: DoRA's weight normalization costs compute and memory." },
  lora: { strategy: 'qlora', when: 'When memory is tighter: longer sequences, bigger batches or a bigger model.' },
  qlora: { strategy: 'lora', when: 'When it fits: faster, and no 4-bit quantization error.' },
};

// ---------------------------------------------------------------------------------------------------------------
// Flips: single input changes that change (objective, strategy), computed by re-running the decision.

interface Change {
  input: InputKey;
  patch: Partial<SelectorInput>;
  phrase: string;
  /** Hardware or model change: "X fits" wording, one per input. */
  hw?: boolean;
}

const GOAL_PHRASES: Record<string, string> = {
  format: 'only a format to follow',
  style: 'only a style to learn',
  task: 'a narrow task as the goal',
  chat: 'instruction following as the goal',
  knowledge: 'stable knowledge as the goal',
  'fresh-facts': 'changing facts as the goal',
  alignment: 'alignment as the goal',
  verifiable: 'a checkable goal',
};

function changes(input: SelectorInput, core: Core): Change[] {
  const out: Change[] = [];
  if (core.strategy !== 'none') {
    for (const g of [2, 4, 8, 16, 32, 64]) {
      if (g > input.gpus)
        out.push({ input: 'gpus', patch: { gpus: g }, phrase: `${g}×${gpuMemoryGB(input.gpu)} GB GPUs`, hw: true });
    }
    const own = usableBytes(input.gpu);
    for (const [id, name] of MEMORY_GPUS.filter((g) => g[3] > own).sort((a, b) => a[3] - b[3])) {
      out.push({ input: 'gpu', patch: { gpu: id }, phrase: `${input.gpus}× ${name}`, hw: true });
    }
    if (core.strategy === 'does-not-fit') {
      const size = (id: string) => modelSize(id);
      const smaller = MEMORY_MODELS.filter((m) => size(m[0]) < size(input.model));
      smaller.sort((a, b) => size(b[0]) - size(a[0]) || (a[0] < b[0] ? -1 : 1));
      for (const [id, name] of smaller)
        out.push({ input: 'model', patch: { model: id }, phrase: `a smaller model such as ${name}`, hw: true });
    }
  }
  const k = Math.max(input.examples, MIN_EXAMPLES);
  const data: [SelectorInput['data'], string][] = [
    ['demonstrations', `${n(k)} demonstrations`],
    ['preferences', `${n(k)} preference pairs`],
    ['binary-feedback', `${n(k)} thumbs up/down labels`],
  ];
  for (const [d, phrase] of data)
    if (d !== input.data) out.push({ input: 'data', patch: { data: d, examples: k }, phrase });
  const t = Math.max(input.tokens, CPT_MIN_TOKENS);
  if (input.data !== 'corpus')
    out.push({ input: 'data', patch: { data: 'corpus', tokens: t }, phrase: `a ${n(t)}-token corpus` });
  if (COUNTED_DATA.includes(input.data)) {
    for (const x of [MIN_EXAMPLES, LARGE_DATA, PPO_MIN_PAIRS]) {
      if (input.examples < x)
        out.push({ input: 'examples', patch: { examples: x }, phrase: `at least ${n(x)} examples` });
    }
  }
  if (input.data === 'corpus' && input.tokens < t)
    out.push({ input: 'tokens', patch: { tokens: t }, phrase: `${n(t)}+ tokens` });
  out.push(
    input.sft === 'yes'
      ? { input: 'sft', patch: { sft: 'no' }, phrase: 'a base model' }
      : { input: 'sft', patch: { sft: 'yes' }, phrase: 'an instruction-tuned model' },
  );
  for (const p of PRESERVE_LEVELS) {
    if (p !== input.preserve) out.push({ input: 'preserve', patch: { preserve: p }, phrase: `preserve set to ${p}` });
  }
  return out;
}

function collectFlips(input: SelectorInput, core: Core, candidates: Change[], allowNoFit = false): Flip[] {
  const flips: Flip[] = [];
  const seen = new Set([`${core.objective}/${core.strategy}`]);
  for (const c of candidates) {
    // One flip per input for hardware (the smallest change), at most two for the others.
    if (flips.filter((f) => f.input === c.input).length >= (c.hw ? 1 : 2)) continue;
    const next = decideCore({ ...input, ...c.patch });
    const answer = `${next.objective}/${next.strategy}`;
    if (seen.has(answer) && !(c.hw && answer !== `${core.objective}/${core.strategy}`)) continue;
    if (next.strategy === 'does-not-fit' && !allowNoFit) continue;
    seen.add(answer);
    const fits = c.hw && next.objective === core.objective && next.memory;
    flips.push({
      input: c.input,
      value: String(c.patch[c.input]),
      patch: c.patch,
      objective: next.objective,
      strategy: next.strategy,
      text:
        fits && next.memory
          ? `With ${c.phrase}, ${label(next.strategy)} fits${shardingText(next.memory, c.patch.gpus ?? input.gpus)}.`
          : `With ${c.phrase}: ${headlineOf(next.objective, next.strategy)}.`,
    });
  }
  return flips.slice(0, 5);
}

function flipsOf(input: SelectorInput, core: Core): Flip[] {
  const flips = collectFlips(input, core, changes(input, core));
  if (flips.length > 0) return flips;
  // Only the goal changes the answer: say what other goals would get.
  const goals = GOALS.filter((g) => g !== input.goal).map(
    (g): Change => ({ input: 'goal', patch: { goal: g }, phrase: GOAL_PHRASES[g] ?? g }),
  );
  const byGoal = collectFlips(input, core, goals);
  return (byGoal.length > 0 ? byGoal : collectFlips(input, core, goals, true)).slice(0, 2);
}

// ---------------------------------------------------------------------------------------------------------------
// Cards and calculator.

function cardsOf(input: SelectorInput, core: Core, prerequisites: Prerequisite[]): CardRef[] {
  const slugs: string[] = [...PREREQUISITE_CARDS['eval-set']];
  if (prerequisites.includes('curate-data')) slugs.push(...PREREQUISITE_CARDS['curate-data']);
  slugs.push(...OBJECTIVE_CARDS[core.objective], core.rule.source, ...(STRATEGY_CARDS[core.strategy] ?? []));
  if (core.memory) {
    if (core.memory.sharding !== 'none') slugs.push(...MEMORY_CARDS.sharded);
    slugs.push(...MEMORY_CARDS.always);
  }
  if (core.strategy !== 'none' && input.preserve === 'high') slugs.push(...KEEP_SKILLS_CARDS);
  slugs.push(OVERVIEW_CARD);
  return [...new Set(slugs)].map((slug) => ({ slug }));
}

/**
 * Calculator URL state for a memory figure, with the calculator's parameter names (the parameter table's naming
 * rule, src/lib/memory/names.ts; booleans 1/0).
 */
export function calculatorState(input: SelectorInput, f: MemoryFigure): Record<string, string> {
  const t = trainingInputFor(f.method, input.model, input.gpus, f.sharding as ShardingId, f.batch);
  const s: Record<string, string> = {};
  for (const [k, v] of Object.entries(t)) s[inputParamName(k)] = typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
  s.gpu = input.gpu;
  return s;
}

// ---------------------------------------------------------------------------------------------------------------

/** The recommendation for a set of answers (missing or invalid answers take their defaults). */
export function recommend(raw?: Partial<SelectorInput> | null): Recommendation {
  const input = normalizeInput(raw);
  const prerequisites = prerequisitesOf(input);
  try {
    const core = decideCore(input);
    const runner = core.rule.runnerUp;
    return {
      input,
      rule: core.rule.id,
      objective: core.objective,
      strategy: core.strategy,
      prerequisites,
      reasons: [...prerequisiteReasons(input), ...core.rule.reasons(ruleContext(input)), ...memoryReasons(core, input)],
      runnerUp: { objective: runner, strategy: chooseStrategy(runner, input).strategy, when: core.rule.runnerUpWhen },
      strategyRunnerUp: STRATEGY_RUNNER_UP[core.strategy] ?? null,
      flips: flipsOf(input, core),
      memory: core.memory,
      calculator: core.memory ? calculatorState(input, core.memory) : null,
      cards: cardsOf(input, core, prerequisites),
      headline: headlineOf(core.objective, core.strategy),
    };
  } catch {
    // Never reached in tests (they check rule !== 'error'); keeps the island alive if a bug slips through, with the
    // fallback rule's answer.
    const fallback = OBJECTIVE_RULES.at(-1) as ObjectiveRule;
    return {
      input,
      rule: 'error',
      objective: fallback.objective,
      strategy: 'none',
      prerequisites,
      reasons: fallback.reasons(ruleContext(input)),
      runnerUp: { objective: fallback.runnerUp, strategy: 'lora', when: fallback.runnerUpWhen },
      strategyRunnerUp: null,
      flips: [],
      memory: null,
      calculator: null,
      cards: [{ slug: fallback.source }],
      headline: headlineOf(fallback.objective, 'none'),
    };
  }
}
