import { describe, expect, it } from 'vitest';
import { estimateMemory } from '../../../src/lib/memory/index.ts';
import { decodeState } from '../../../src/lib/memory/url-state.ts';
import {
  ASSUMPTIONS,
  CPT_MIN_TOKENS,
  formatCount,
  GOALS,
  MIN_EXAMPLES,
  type Objective,
  recommend,
  type SelectorInput,
  type Strategy,
  WORKED_EXAMPLES,
} from '../../../src/lib/selector/index.ts';
import { GPU24, GPU80, perGpu, trainingInputFromState, usable } from './helpers.ts';

/** Loosely typed so the table reads plainly; values are checked by the engine's types at the call. */
type Case = {
  name: string;
  input: Record<string, string | number>;
  objective: string | string[];
  strategy?: string | string[];
  prerequisites?: string[];
  rule?: string;
};

const base: Record<string, string> = { quality: 'curated', eval: 'yes', preserve: 'medium' };

// The worked examples' scenarios and many more. GPUs are resolved lazily so the table reads like the situations.
const cases = (): Case[] => [
  // Worked example: facts that change weekly -> RAG (fine-tuning only for format on top).
  ...(['none', 'few', 'demonstrations', 'preferences', 'binary-feedback', 'corpus'] as const).map((data) => ({
    name: `fresh facts with data=${data} -> RAG`,
    input: {
      ...base,
      goal: 'fresh-facts',
      data,
      examples: 5000,
      tokens: 1e9,
      preserve: 'low',
    } as Partial<SelectorInput>,
    objective: 'rag' as Objective,
    strategy: 'none' as Strategy,
    rule: 'fresh-facts',
  })),
  // Worked example: base 8B -> chat assistant, 3,000 curated instruction pairs, one 24 GB GPU -> SFT with (Q)LoRA.
  {
    name: 'base 8B chat, 3k curated pairs, 1x24 GB',
    input: {
      ...base,
      goal: 'chat',
      data: 'demonstrations',
      examples: 3000,
      sft: 'no',
      model: 'llama-3.1-8b',
      gpu: GPU24(),
      gpus: 1,
    },
    objective: 'sft',
    strategy: ['lora', 'qlora'],
  },
  {
    name: 'base 8B chat, 3k pairs, preserve low still not full on 24 GB',
    input: {
      ...base,
      goal: 'chat',
      data: 'demonstrations',
      examples: 3000,
      sft: 'no',
      model: 'llama-3.1-8b',
      gpu: GPU24(),
      preserve: 'low',
    },
    objective: 'sft',
    strategy: ['lora', 'qlora'],
  },
  // Worked example: 70B on one 24 GB GPU -> does not fit, not even QLoRA.
  ...['llama-3.1-70b', 'llama-2-70b', 'qwen2.5-72b'].map((model) => ({
    name: `${model} on 1x24 GB does not fit`,
    input: { ...base, goal: 'chat', data: 'demonstrations', examples: 3000, sft: 'no', model, gpu: GPU24(), gpus: 1 },
    objective: 'sft' as Objective,
    strategy: 'does-not-fit' as Strategy,
  })),
  // Worked example: 10k preference pairs on an SFT'd 7B, one 80 GB GPU -> DPO (LoRA); base -> ORPO; thumbs -> KTO.
  ...['mistral-7b', 'llama-2-7b', 'qwen2.5-7b'].flatMap((model) => [
    {
      name: `${model}: 10k pairs, SFT'd, 1x80 GB -> DPO LoRA`,
      input: {
        ...base,
        goal: 'alignment',
        data: 'preferences',
        examples: 10_000,
        sft: 'yes',
        model,
        gpu: GPU80(),
        gpus: 1,
      },
      objective: 'dpo' as Objective,
      strategy: 'lora' as Strategy,
      rule: 'dpo',
    },
    {
      name: `${model}: 10k pairs, base model -> ORPO`,
      input: {
        ...base,
        goal: 'alignment',
        data: 'preferences',
        examples: 10_000,
        sft: 'no',
        model,
        gpu: GPU80(),
        gpus: 1,
      },
      objective: 'orpo' as Objective,
      strategy: 'lora' as Strategy,
    },
    {
      name: `${model}: thumbs labels -> KTO`,
      input: {
        ...base,
        goal: 'alignment',
        data: 'binary-feedback',
        examples: 10_000,
        sft: 'yes',
        model,
        gpu: GPU80(),
        gpus: 1,
      },
      objective: 'kto' as Objective,
      strategy: 'lora' as Strategy,
    },
  ]),
  // Worked example: 500M-token corpus, 8B, 8x80 GB, forgetting acceptable -> continued pretraining, full (sharded), then SFT.
  {
    name: '500M-token corpus, 8B, 8x80 GB, preserve low -> CPT full',
    input: {
      ...base,
      goal: 'knowledge',
      data: 'corpus',
      tokens: 500_000_000,
      model: 'llama-3.1-8b',
      gpu: GPU80(),
      gpus: 8,
      preserve: 'low',
    },
    objective: 'continued-pretraining',
    strategy: 'full',
    rule: 'cpt-knowledge',
  },
  {
    name: 'same corpus, preserve medium -> CPT with adapters',
    input: {
      ...base,
      goal: 'knowledge',
      data: 'corpus',
      tokens: 500_000_000,
      model: 'llama-3.1-8b',
      gpu: GPU80(),
      gpus: 8,
      preserve: 'medium',
    },
    objective: 'continued-pretraining',
    strategy: ['lora', 'qlora'],
  },
  {
    name: 'same corpus, preserve high -> RAG',
    input: {
      ...base,
      goal: 'knowledge',
      data: 'corpus',
      tokens: 500_000_000,
      model: 'llama-3.1-8b',
      gpu: GPU80(),
      gpus: 8,
      preserve: 'high',
    },
    objective: 'rag',
    strategy: 'none',
  },
  {
    name: 'small corpus (5M tokens) for knowledge -> RAG',
    input: { ...base, goal: 'knowledge', data: 'corpus', tokens: 5_000_000, preserve: 'low' },
    objective: 'rag',
    strategy: 'none',
    rule: 'corpus-knowledge',
  },
  // Worked example: math with an automatic checker, SFT'd model -> GRPO/RLVR.
  ...(['demonstrations', 'preferences', 'binary-feedback'] as const).map((data) => ({
    name: `verifiable, SFT'd, ${data} -> GRPO`,
    input: {
      ...base,
      goal: 'verifiable',
      data,
      examples: 5000,
      sft: 'yes',
      model: 'qwen2.5-7b',
      gpu: GPU80(),
    } as Partial<SelectorInput>,
    objective: 'grpo' as Objective,
    strategy: 'lora' as Strategy,
  })),
  {
    name: 'verifiable, base model, demonstrations -> SFT first',
    input: {
      ...base,
      goal: 'verifiable',
      data: 'demonstrations',
      examples: 5000,
      sft: 'no',
      model: 'qwen2.5-7b',
      gpu: GPU80(),
    },
    objective: 'sft',
  },
  {
    name: 'verifiable, few problems -> prompting',
    input: { ...base, goal: 'verifiable', data: 'few', sft: 'yes' },
    objective: 'prompting',
    strategy: 'none',
  },
  // Worked example: noisy data of 100k examples -> curate first.
  {
    name: 'noisy 100k demonstrations -> curate first, eval set exists',
    input: { ...base, goal: 'task', data: 'demonstrations', examples: 100_000, quality: 'noisy' },
    objective: 'sft',
    prerequisites: ['curate-data'],
  },
  {
    name: 'noisy 100k demonstrations, no eval -> eval set then curate',
    input: { ...base, goal: 'task', data: 'demonstrations', examples: 100_000, quality: 'noisy', eval: 'no' },
    objective: 'sft',
    prerequisites: ['eval-set', 'curate-data'],
  },
  {
    name: 'noisy preference pairs -> curate first',
    input: {
      ...base,
      goal: 'alignment',
      data: 'preferences',
      examples: 100_000,
      quality: 'noisy',
      sft: 'yes',
      model: 'llama-3.2-1b',
      gpu: GPU80(),
    },
    objective: ['dpo', 'rlhf-ppo'],
    prerequisites: ['curate-data'],
  },
  // Eval prerequisite.
  {
    name: 'no eval set -> eval-set prerequisite',
    input: { ...base, goal: 'format', data: 'demonstrations', examples: 2000, eval: 'no' },
    objective: 'sft',
    prerequisites: ['eval-set'],
  },
  {
    name: 'curated with eval -> no prerequisites',
    input: { ...base, goal: 'format', data: 'demonstrations', examples: 2000 },
    objective: 'sft',
    prerequisites: [],
  },
  {
    name: 'no data and noisy quality: nothing to curate',
    input: { ...base, goal: 'style', data: 'none', quality: 'noisy' },
    objective: 'prompting',
    prerequisites: [],
  },
  // SFT for format, style, task.
  ...(['format', 'style', 'task'] as const).map((goal) => ({
    name: `${goal} with 2,000 demonstrations on 7B, 1x24 GB -> SFT adapters`,
    input: {
      ...base,
      goal,
      data: 'demonstrations',
      examples: 2000,
      model: 'mistral-7b',
      gpu: GPU24(),
    } as Partial<SelectorInput>,
    objective: 'sft' as Objective,
    strategy: ['lora', 'qlora'] as Strategy[],
  })),
  {
    name: 'small model on a big GPU -> LoRA, not QLoRA',
    input: { ...base, goal: 'task', data: 'demonstrations', examples: 2000, model: 'qwen2.5-0.5b', gpu: GPU80() },
    objective: 'sft',
    strategy: 'lora',
  },
  {
    name: '200k examples, forgetting acceptable, 1B model on 80 GB -> full',
    input: {
      ...base,
      goal: 'task',
      data: 'demonstrations',
      examples: 200_000,
      model: 'llama-3.2-1b',
      gpu: GPU80(),
      preserve: 'low',
    },
    objective: 'sft',
    strategy: 'full',
  },
  {
    name: '200k examples, preserve high -> adapters only',
    input: {
      ...base,
      goal: 'task',
      data: 'demonstrations',
      examples: 200_000,
      model: 'llama-3.2-1b',
      gpu: GPU80(),
      preserve: 'high',
    },
    objective: 'sft',
    strategy: 'lora',
  },
  // Alignment.
  {
    name: 'alignment with demonstrations only -> SFT first',
    input: { ...base, goal: 'alignment', data: 'demonstrations', examples: 5000, sft: 'no' },
    objective: 'sft',
    rule: 'sft-alignment',
  },
  {
    name: 'alignment, 100k pairs, SFT 1B, 8x80 GB -> PPO',
    input: {
      ...base,
      goal: 'alignment',
      data: 'preferences',
      examples: 100_000,
      sft: 'yes',
      model: 'llama-3.2-1b',
      gpu: GPU80(),
      gpus: 8,
    },
    objective: 'rlhf-ppo',
    rule: 'ppo',
  },
  {
    name: 'alignment, 100k pairs on 70B, 1x80 GB -> DPO (PPO does not fit)',
    input: {
      ...base,
      goal: 'alignment',
      data: 'preferences',
      examples: 100_000,
      sft: 'yes',
      model: 'llama-3.1-70b',
      gpu: GPU80(),
      gpus: 1,
    },
    objective: 'dpo',
  },
  {
    name: 'style with preference pairs on an SFT model -> DPO',
    input: { ...base, goal: 'style', data: 'preferences', examples: 3000, sft: 'yes' },
    objective: 'dpo',
  },
  {
    name: 'chat from a base model with pairs -> ORPO',
    input: { ...base, goal: 'chat', data: 'preferences', examples: 3000, sft: 'no' },
    objective: 'orpo',
  },
  {
    name: 'task with thumbs labels -> KTO',
    input: { ...base, goal: 'task', data: 'binary-feedback', examples: 3000 },
    objective: 'kto',
  },
  {
    name: 'alignment with 20 pairs -> prompting first',
    input: { ...base, goal: 'alignment', data: 'preferences', examples: 20 },
    objective: 'prompting',
    rule: 'few-alignment',
  },
  // Knowledge.
  {
    name: 'knowledge with Q&A demonstrations -> RAG',
    input: { ...base, goal: 'knowledge', data: 'demonstrations', examples: 5000 },
    objective: 'rag',
    rule: 'knowledge',
  },
  {
    name: 'knowledge with no data -> prompting',
    input: { ...base, goal: 'knowledge', data: 'none' },
    objective: 'prompting',
  },
  // Corpus for other goals.
  {
    name: 'format with a raw corpus -> prompting (wrong data)',
    input: { ...base, goal: 'format', data: 'corpus', tokens: 1e9 },
    objective: 'prompting',
    rule: 'corpus-other',
  },
  {
    name: 'task with a 1B-token corpus, preserve low -> CPT',
    input: {
      ...base,
      goal: 'task',
      data: 'corpus',
      tokens: 1e9,
      model: 'llama-3.2-3b',
      gpu: GPU80(),
      gpus: 2,
      preserve: 'low',
    },
    objective: 'continued-pretraining',
    strategy: 'full',
  },
  // Boundary: exactly MIN_EXAMPLES examples is enough to fine-tune.
  {
    name: `exactly ${MIN_EXAMPLES} demonstrations -> SFT`,
    input: { ...base, goal: 'task', data: 'demonstrations', examples: MIN_EXAMPLES },
    objective: 'sft',
  },
  {
    name: `${MIN_EXAMPLES - 1} demonstrations -> prompting`,
    input: { ...base, goal: 'task', data: 'demonstrations', examples: MIN_EXAMPLES - 1 },
    objective: 'prompting',
  },
  {
    name: `exactly ${formatCount(CPT_MIN_TOKENS)} tokens -> CPT`,
    input: {
      ...base,
      goal: 'knowledge',
      data: 'corpus',
      tokens: CPT_MIN_TOKENS,
      preserve: 'low',
      model: 'llama-3.2-1b',
      gpu: GPU80(),
    },
    objective: 'continued-pretraining',
  },
];

describe('selector scenarios (table-driven)', () => {
  it.each(cases().map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const r = recommend(c.input as Partial<SelectorInput>);
    const objectives = Array.isArray(c.objective) ? c.objective : [c.objective];
    expect(objectives).toContain(r.objective);
    if (c.strategy !== undefined) {
      const strategies = Array.isArray(c.strategy) ? c.strategy : [c.strategy];
      expect(strategies).toContain(r.strategy);
    }
    if (c.prerequisites) expect(r.prerequisites).toEqual(c.prerequisites);
    if (c.rule) expect(r.rule).toBe(c.rule);
    expect(r.reasons.length).toBeGreaterThan(0);
  });
});

describe(`fewer than ${MIN_EXAMPLES} examples: prompting first, never fine-tuning`, () => {
  const goals = GOALS.filter((g) => g !== 'alignment');
  const fewInputs: Partial<SelectorInput>[] = [
    { data: 'none' },
    { data: 'few' },
    { data: 'demonstrations', examples: 10 },
    { data: 'demonstrations', examples: MIN_EXAMPLES - 1 },
    { data: 'preferences', examples: 30 },
    { data: 'binary-feedback', examples: 0 },
  ];
  for (const goal of goals) {
    it.each(fewInputs.map((d) => [JSON.stringify(d), d] as const))(`${goal} %s`, (_n, d) => {
      for (const sft of ['yes', 'no'] as const) {
        for (const preserve of ['low', 'medium', 'high'] as const) {
          const r = recommend({ ...d, goal, sft, preserve });
          expect(r.strategy).toBe('none');
          // Fresh facts still go to retrieval; every other goal starts with prompting.
          expect(r.objective).toBe(goal === 'fresh-facts' ? 'rag' : 'prompting');
        }
      }
    });
  }
});

describe('memory: the recommended strategy fits, and is the best that fits', () => {
  it('chat 8B on 24 GB: LoRA when LoRA fits, otherwise QLoRA; never full', () => {
    const gpu = GPU24();
    const r = recommend({
      goal: 'chat',
      data: 'demonstrations',
      examples: 3000,
      sft: 'no',
      model: 'llama-3.1-8b',
      gpu,
      gpus: 1,
    });
    const lora = perGpu({
      model: 'llama-3.1-8b',
      method: 'lora',
      seq: ASSUMPTIONS.seq,
      batch: 1,
      gradCheckpointing: true,
      attention: 'flash',
      rank: ASSUMPTIONS.rank,
      targets: ASSUMPTIONS.targets,
    });
    expect(r.strategy).toBe(lora <= usable(gpu) ? 'lora' : 'qlora');
    expect(r.memory?.fits).toBe(true);
    expect(r.memory?.perGpuBytes).toBeLessThanOrEqual(usable(gpu));
    expect(r.calculator?.seq).toBe('2048');
    expect(r.calculator?.method).toBe(r.strategy);
  });

  it('70B on one 24 GB GPU: not even QLoRA fits, and the answer offers more GPUs and a smaller model', () => {
    const gpu = GPU24();
    const r = recommend({ goal: 'chat', data: 'demonstrations', examples: 3000, model: 'llama-3.1-70b', gpu, gpus: 1 });
    expect(r.strategy).toBe('does-not-fit');
    const q = perGpu({
      model: 'llama-3.1-70b',
      method: 'qlora',
      seq: 2048,
      batch: 1,
      gradCheckpointing: true,
      rank: 16,
      targets: 'all-linear',
      optimizer: 'paged-adamw-8bit',
      doubleQuant: true,
    });
    expect(q).toBeGreaterThan(usable(gpu));
    expect(r.memory?.method).toBe('qlora');
    expect(r.memory?.fits).toBe(false);
    const inputs = r.flips.map((f) => f.input);
    expect(inputs).toContain('gpus');
    expect(inputs).toContain('model');
    for (const f of r.flips.filter((x) => x.input === 'gpus' || x.input === 'model'))
      expect(f.strategy).not.toBe('does-not-fit');
    expect(r.reasons.some((x) => /smaller model or more GPUs/.test(x.text))).toBe(true);
  });

  it('continued pretraining on 8B with one 80 GB GPU: the flip names the GPU count where full fine-tuning fits', () => {
    const gpu = GPU80();
    const input = {
      goal: 'knowledge',
      data: 'corpus',
      tokens: 500e6,
      model: 'llama-3.1-8b',
      gpu,
      gpus: 1,
      preserve: 'low',
    } as const;
    const r = recommend(input);
    expect(r.objective).toBe('continued-pretraining');
    expect(r.strategy).not.toBe('full');
    const flip = r.flips.find((f) => f.input === 'gpus' && f.strategy === 'full');
    expect(flip, JSON.stringify(r.flips)).toBeDefined();
    expect(flip?.text).toMatch(/^With \d+×80 GB GPUs, full fine-tuning fits/);
    // It is the smallest count that works.
    const n = Number(flip?.value);
    expect(recommend({ ...input, gpus: n }).strategy).toBe('full');
    for (const smaller of [2, 4, 8, 16, 32].filter((x) => x < n))
      expect(recommend({ ...input, gpus: smaller }).strategy).not.toBe('full');
  });

  it('500M-token CPT on 8x80 GB is sharded with ZeRO-3 and the calculator link carries it', () => {
    const r = recommend({
      goal: 'knowledge',
      data: 'corpus',
      tokens: 500e6,
      model: 'llama-3.1-8b',
      gpu: GPU80(),
      gpus: 8,
      preserve: 'low',
    });
    expect(r.strategy).toBe('full');
    expect(r.memory?.sharding).toBe('zero3');
    expect(r.calculator).toMatchObject({
      method: 'full',
      gpus: '8',
      sharding: 'zero3',
      seq: '2048',
      'grad-checkpointing': '1',
    });
    expect(r.cards.map((c) => c.slug)).toContain('zero-and-fsdp');
  });

  it('calculator state reproduces the training estimate exactly', () => {
    const inputs: Partial<SelectorInput>[] = [
      { goal: 'chat', data: 'demonstrations', examples: 3000, sft: 'no', model: 'llama-3.1-8b', gpu: GPU24() },
      { goal: 'alignment', data: 'preferences', examples: 10000, sft: 'yes', model: 'mistral-7b', gpu: GPU80() },
      { goal: 'knowledge', data: 'corpus', tokens: 5e8, model: 'llama-3.1-8b', gpu: GPU80(), gpus: 8, preserve: 'low' },
      {
        goal: 'verifiable',
        data: 'demonstrations',
        examples: 5000,
        sft: 'yes',
        model: 'qwen2.5-14b',
        gpu: GPU24(),
        gpus: 2,
      },
    ];
    for (const i of inputs) {
      const r = recommend(i);
      expect(r.calculator).not.toBeNull();
      // The calculator's own URL decoder reads the link without errors and to the same input.
      const qs = new URLSearchParams(r.calculator as Record<string, string>).toString();
      const decoded = decodeState(qs);
      expect(decoded.errors).toEqual([]);
      expect(decoded.state.gpu).toBe(r.input.gpu);
      const t = trainingInputFromState(r.calculator as Record<string, string>);
      expect(decoded.state.input).toEqual(t);
      const e = estimateMemory(t);
      expect(e.ok).toBe(true);
      if (e.ok) expect(Math.abs(e.estimate.perGpuBytes - (r.memory?.trainingBytes ?? -1))).toBeLessThan(3e6);
      expect(r.memory?.perGpuBytes).toBe((r.memory?.trainingBytes ?? 0) + (r.memory?.extraBytes ?? 0));
    }
  });

  it('DPO and ORPO estimate a pair (2 sequences); DPO with full fine-tuning adds a reference model', () => {
    const dpo = recommend({
      goal: 'alignment',
      data: 'preferences',
      examples: 10000,
      sft: 'yes',
      model: 'llama-3.2-1b',
      gpu: GPU80(),
      preserve: 'low',
    });
    expect(dpo.memory?.batch).toBe(2);
    const full = recommend({
      goal: 'alignment',
      data: 'preferences',
      examples: 60000,
      sft: 'yes',
      model: 'llama-3.2-1b',
      gpu: GPU80(),
      preserve: 'low',
    });
    if (full.strategy === 'full' && full.objective === 'dpo') expect(full.memory?.extraBytes).toBeGreaterThan(0);
    const kto = recommend({
      goal: 'alignment',
      data: 'binary-feedback',
      examples: 10000,
      model: 'llama-3.2-1b',
      gpu: GPU80(),
    });
    expect(kto.memory?.batch).toBe(1);
    expect(kto.memory?.extraBytes).toBe(0); // adapters: the reference is the base with adapters off
  });
});

describe('runner-up, flips and texts', () => {
  it('DPO: runner-up is PPO; flips offer ORPO without an SFT model and KTO with thumbs labels', () => {
    const r = recommend({
      goal: 'alignment',
      data: 'preferences',
      examples: 10000,
      sft: 'yes',
      model: 'mistral-7b',
      gpu: GPU80(),
    });
    expect(r.runnerUp.objective).toBe('rlhf-ppo');
    expect(r.runnerUp.when.length).toBeGreaterThan(10);
    expect(r.flips.find((f) => f.input === 'sft')?.objective).toBe('orpo');
    expect(r.flips.find((f) => f.input === 'data' && f.value === 'binary-feedback')?.objective).toBe('kto');
  });

  it('fresh facts: runner-up is SFT for the format on top', () => {
    const r = recommend({ goal: 'fresh-facts', data: 'demonstrations', examples: 2000 });
    expect(r.runnerUp.objective).toBe('sft');
    expect(r.runnerUp.when).toMatch(/format/);
  });

  it('QLoRA chosen: the strategy runner-up is LoRA, and a bigger GPU flips to it', () => {
    const r = recommend({ goal: 'task', data: 'demonstrations', examples: 3000, model: 'qwen2.5-14b', gpu: GPU24() });
    if (r.strategy === 'qlora') {
      expect(r.strategyRunnerUp?.strategy).toBe('lora');
      const f = r.flips.find((x) => x.input === 'gpu');
      expect(f?.strategy).toBe('lora');
      expect(f?.text).toMatch(/LoRA fits/);
    }
  });

  it('eval prerequisite comes first when there is no eval set', () => {
    const r = recommend({ eval: 'no', quality: 'noisy', data: 'demonstrations', examples: 100000 });
    expect(r.prerequisites[0]).toBe('eval-set');
    expect(r.reasons[0]?.input).toBe('eval');
    expect(r.reasons[1]?.input).toBe('quality');
    expect(r.reasons[1]?.text).toMatch(/Curate first/);
    expect(r.cards[0]?.slug).toBe('define-metrics-first');
  });

  it('the headline names both axes', () => {
    expect(recommend({ goal: 'fresh-facts' }).headline).toBe('Retrieval-augmented generation (RAG)');
    const r = recommend({
      goal: 'alignment',
      data: 'preferences',
      examples: 10000,
      sft: 'yes',
      model: 'mistral-7b',
      gpu: GPU80(),
    });
    expect(r.headline).toBe('DPO with LoRA');
  });
});

describe('worked examples on /selector/ (rendered at build time)', () => {
  const expected: [string, string[], string[]][] = [
    ['prompting', ['none'], ['eval-set']],
    ['rag', ['none'], []],
    ['sft', ['lora', 'qlora'], []],
    ['sft', ['does-not-fit'], []],
    ['dpo', ['lora'], []],
    ['orpo', ['lora'], []],
    ['kto', ['lora'], []],
    ['continued-pretraining', ['full'], []],
    ['grpo', ['lora'], []],
    ['sft', ['lora', 'qlora'], ['eval-set', 'curate-data']],
  ];
  it.each(WORKED_EXAMPLES.map((ex, i) => [ex.title, ex, expected[i]] as const))('%s', (_t, ex, want) => {
    expect(want).toBeDefined();
    const r = recommend(ex.input);
    expect(r.objective).toBe(want?.[0]);
    expect(want?.[1]).toContain(r.strategy);
    expect(r.prerequisites).toEqual(want?.[2]);
  });
});
