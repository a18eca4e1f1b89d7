import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CalculatorState,
  DEFAULT_STATE,
  decodeState,
  encodeState,
  estimateMemory,
  GPU_PRESETS,
  MODEL_PRESETS,
  paramName,
  vramFigure,
  VramPropError,
} from '../../../src/lib/memory/index.ts';

const arbState: fc.Arbitrary<CalculatorState> = fc.record({
  input: fc.record({
    model: fc.oneof(
      fc.constantFrom(...MODEL_PRESETS.map((m) => m.id)),
      fc.record({
        hidden: fc.integer({ min: 64, max: 16384 }),
        layers: fc.integer({ min: 1, max: 128 }),
        heads: fc.constant(32),
        kvHeads: fc.constantFrom(1, 8, 32),
        headDim: fc.constantFrom(64, 128),
        intermediate: fc.integer({ min: 1, max: 65536 }),
        vocab: fc.integer({ min: 2, max: 262144 }),
        tiedEmbeddings: fc.boolean(),
        qkvBias: fc.boolean(),
        mlp: fc.constantFrom('gated' as const, 'plain' as const),
        norm: fc.constantFrom('rmsnorm' as const, 'layernorm' as const),
        normsPerLayer: fc.integer({ min: 1, max: 4 }),
        experts: fc.constant(8),
        activeExperts: fc.constant(2),
        contextLength: fc.integer({ min: 1, max: 1_000_000 }),
        oBias: fc.boolean(),
        mlpBias: fc.boolean(),
        qkNorm: fc.boolean(),
        sinks: fc.boolean(),
        sharedExperts: fc.integer({ min: 0, max: 2 }),
        denseLayers: fc.integer({ min: 0, max: 1 }),
        denseIntermediate: fc.integer({ min: 0, max: 4096 }),
        routerBias: fc.boolean(),
      }),
    ),
    method: fc.constantFrom('full' as const, 'lora' as const, 'qlora' as const, 'dora' as const),
    precision: fc.constantFrom('mixed-bf16' as const, 'pure-bf16' as const, 'fp32' as const),
    optimizer: fc.constantFrom('adamw' as const, 'adamw-8bit' as const, 'sgd' as const, 'adafactor' as const),
    rank: fc.integer({ min: 1, max: 4096 }),
    targets: fc.constantFrom('qv' as const, 'attention' as const, 'all-linear' as const),
    seq: fc.integer({ min: 1, max: 2_000_000 }),
    batch: fc.integer({ min: 1, max: 65536 }),
    gradCheckpointing: fc.boolean(),
    attention: fc.constantFrom('flash' as const, 'eager' as const),
    gpus: fc.integer({ min: 1, max: 65536 }),
    sharding: fc.constantFrom('none' as const, 'zero1' as const, 'zero2' as const, 'zero3' as const, 'fsdp' as const),
    doubleQuant: fc.boolean(),
    chunkedLoss: fc.boolean(),
    trainer: fc.constantFrom(
      'sft' as const,
      'dpo' as const,
      'orpo' as const,
      'simpo' as const,
      'kto' as const,
      'grpo' as const,
      'ppo' as const,
    ),
    reference: fc.constantFrom('model' as const, 'precomputed' as const),
    klPenalty: fc.boolean(),
    generations: fc.integer({ min: 2, max: 1024 }),
    completion: fc.integer({ min: 1, max: 1_048_576 }),
    vllmShare: fc.integer({ min: 0, max: 95 }),
  }),
  gpu: fc.oneof(fc.constant(null), fc.constantFrom(...GPU_PRESETS.map((g) => g.id))),
  unit: fc.constantFrom('GB' as const, 'GiB' as const),
});

/** decode(encode(s)) gives the same estimate input (defaults filled in). */
function normalized(s: CalculatorState) {
  const r = estimateMemory(s.input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return { input: r.estimate.input, gpu: s.gpu, unit: s.unit };
}

describe('calculator URL state', () => {
  it('round-trips any state', () => {
    fc.assert(
      fc.property(arbState, (s) => {
        const { state, errors } = decodeState(encodeState(s));
        expect(errors).toEqual([]);
        expect(normalized(state)).toEqual(normalized(s));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves defaults out of the URL and uses the CLI flag names', () => {
    expect(encodeState(DEFAULT_STATE)).toBe('model=llama-3.1-8b&method=qlora');
    const q = encodeState({
      input: { model: 'mistral-7b', method: 'lora', gradCheckpointing: true, doubleQuant: true, seq: 4096 },
      gpu: 'a100-80gb',
      unit: 'GiB',
    });
    expect(q).toBe('model=mistral-7b&method=lora&seq=4096&grad-checkpointing=1&double-quant=1&gpu=a100-80gb&unit=GiB');
    expect(paramName('gradCheckpointing')).toBe('grad-checkpointing');
    expect(paramName('model.kvHeads')).toBe('kv-heads');
  });

  it('writes the post-training fields under their URL names and reads them back', () => {
    const s: CalculatorState = {
      input: {
        model: 'llama-3.1-8b',
        method: 'lora',
        trainer: 'grpo',
        klPenalty: true,
        generations: 16,
        completion: 1024,
        vllmShare: 30,
      },
      gpu: 'h100-80gb',
      unit: 'GB',
    };
    const q = encodeState(s);
    expect(q).toBe(
      'model=llama-3.1-8b&method=lora&trainer=grpo&kl-penalty=1&generations=16&completion=1024&vllm-share=30&gpu=h100-80gb',
    );
    const back = decodeState(q);
    expect(back.errors).toEqual([]);
    expect(back.state.input).toMatchObject(s.input);
    expect(decodeState('trainer=dpo&reference=precomputed').state.input).toMatchObject({
      trainer: 'dpo',
      reference: 'precomputed',
    });
  });

  it('reads the method selector’s links (same parameter names)', () => {
    const { state, errors } = decodeState(
      'model=llama-3.1-8b&method=qlora&precision=mixed-bf16&optimizer=paged-adamw-8bit&rank=16&targets=all-linear&seq=2048&batch=1&grad-checkpointing=1&attention=flash&gpus=1&sharding=none&double-quant=1&gpu=rtx-4090',
    );
    expect(errors).toEqual([]);
    expect(state.input).toMatchObject({
      optimizer: 'paged-adamw-8bit',
      rank: 16,
      gradCheckpointing: true,
      doubleQuant: true,
    });
    expect(state.gpu).toBe('rtx-4090');
  });

  it('accepts preset= as an alias of model= (the embed loader)', () => {
    expect(decodeState('preset=gemma-2-9b&method=lora').state.input.model).toBe('gemma-2-9b');
  });

  it('reports malformed parameters by name and falls back to defaults', () => {
    const { state, errors } = decodeState('model=gpt-5&rank=abc&grad-checkpointing=maybe&gpu=tpu&unit=MB');
    expect(errors.map((e) => e.field)).toEqual(['model', 'rank', 'grad-checkpointing', 'gpu', 'unit']);
    expect(state.input.model).toBe(DEFAULT_STATE.input.model);
    expect(state.input.rank).toBeUndefined();
    expect(state.gpu).toBe(DEFAULT_STATE.gpu);
    expect(state.unit).toBe('GB');
  });

  it('passes out-of-range numbers through for the model to reject with a typed error', () => {
    const { state } = decodeState('model=llama-2-7b&method=lora&rank=0');
    const r = estimateMemory(state.input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.field).toBe('rank');
  });
});

describe('<Vram> props', () => {
  it('renders the figure with its unit', () => {
    expect(
      vramFigure({ model: 'llama-2-7b', method: 'full', precision: 'mixed-bf16', optimizer: 'adamw', show: 'states' })
        .text,
    ).toBe('107.8 GB');
    expect(vramFigure({ model: 'llama-2-7b', method: 'full', show: 'states', unit: 'GiB' }).text).toBe('100.4 GiB');
    expect(vramFigure({ model: 'llama-2-7b', method: 'full', precision: 'pure-bf16', show: 'states' }).text).toBe(
      '53.9 GB',
    );
  });

  it('accepts numbers and booleans written as strings in MDX', () => {
    const a = vramFigure({
      model: 'llama-3.1-8b',
      method: 'qlora',
      rank: '16',
      gradCheckpointing: 'true',
      doubleQuant: true,
    });
    const b = vramFigure({
      model: 'llama-3.1-8b',
      method: 'qlora',
      rank: 16,
      gradCheckpointing: true,
      doubleQuant: 'true',
    });
    expect(a.bytes).toBe(b.bytes);
  });

  it.each([
    [{ model: 'llama-9', method: 'lora' }, 'model'],
    [{ model: 'llama-2-7b', method: 'sft' }, 'method'],
    [{ model: 'llama-2-7b', method: 'lora', rank: 'sixteen' }, 'rank'],
    [{ model: 'llama-2-7b', method: 'lora', show: 'memory' }, 'show'],
    [{ model: 'llama-2-7b', method: 'lora', unit: 'MB' }, 'unit'],
    [{ model: 'llama-2-7b', method: 'lora', gradientCheckpointing: true }, 'gradientCheckpointing'],
    [{ model: 'llama-2-7b' }, 'method'],
  ])('throws naming the bad prop: %j', (props, prop) => {
    expect(() => vramFigure(props)).toThrow(VramPropError);
    expect(() => vramFigure(props)).toThrow(`prop "${prop}"`);
  });
});

describe('existing calculator URLs', () => {
  // Links written before the parameter table (by the calculator, the method selector and the embed loader) decode
  // to exactly these states.
  const custom = {
    hidden: 2048,
    layers: 16,
    heads: 32,
    kvHeads: 8,
    headDim: 64,
    intermediate: 8192,
    vocab: 128256,
    tiedEmbeddings: true,
    qkvBias: false,
    mlp: 'gated',
    norm: 'rmsnorm',
    normsPerLayer: 2,
    experts: 1,
    activeExperts: 1,
    contextLength: 4096,
    // fields added with the Hub configs (issue #12), at their defaults: an old link means the same model
    oBias: false,
    mlpBias: false,
    qkNorm: false,
    sinks: false,
    sharedExperts: 0,
    denseLayers: 0,
    denseIntermediate: 0,
    routerBias: false,
  };
  it.each([
    ['', { input: { model: 'llama-3.1-8b', method: 'qlora' }, gpu: 'rtx-4090', unit: 'GB' }],
    [
      'model=llama-2-7b&method=full&gpu=none',
      { input: { model: 'llama-2-7b', method: 'full' }, gpu: null, unit: 'GB' },
    ],
    ['preset=gemma-2-9b&method=lora&gpu=', { input: { model: 'gemma-2-9b', method: 'lora' }, gpu: null, unit: 'GB' }],
    [
      'model=mistral-7b&method=lora&seq=4096&grad-checkpointing=1&double-quant=1&gpu=a100-80gb&unit=GiB',
      {
        input: { model: 'mistral-7b', method: 'lora', seq: 4096, gradCheckpointing: true, doubleQuant: true },
        gpu: 'a100-80gb',
        unit: 'GiB',
      },
    ],
    [
      'model=llama-3.1-8b&method=qlora&precision=mixed-bf16&optimizer=paged-adamw-8bit&rank=16&targets=all-linear&seq=2048&batch=1&grad-checkpointing=1&attention=flash&gpus=1&sharding=none&double-quant=1&gpu=rtx-4090',
      {
        input: {
          model: 'llama-3.1-8b',
          method: 'qlora',
          precision: 'mixed-bf16',
          optimizer: 'paged-adamw-8bit',
          rank: 16,
          targets: 'all-linear',
          seq: 2048,
          batch: 1,
          gradCheckpointing: true,
          attention: 'flash',
          gpus: 1,
          sharding: 'none',
          doubleQuant: true,
        },
        gpu: 'rtx-4090',
        unit: 'GB',
      },
    ],
    [
      'model=custom&hidden=2048&layers=16&heads=32&kv-heads=8&head-dim=64&intermediate=8192&vocab=128256&tied=1&method=lora&chunked-loss=true',
      { input: { model: custom, method: 'lora', chunkedLoss: true }, gpu: 'rtx-4090', unit: 'GB' },
    ],
  ])('?%s', (query, expected) => {
    const { state, errors, notices } = decodeState(query);
    expect(errors).toEqual([]);
    expect(notices).toEqual([]);
    expect(state).toEqual(expected);
  });
});

describe('notices and hostile values', () => {
  it('names unknown, repeated and superseded parameters, and keeps the first value', () => {
    const { state, notices } = decodeState('model=llama-2-7b&preset=gemma-2-9b&seq=1024&seq=4096&utm_source=x');
    expect(state.input).toMatchObject({ model: 'llama-2-7b', seq: 1024 });
    expect(notices.map((n) => n.message)).toEqual([
      '"preset" ignored: "model" gives the model.',
      'Repeated parameter "seq" ignored; the first value is used.',
      'Unknown parameter "utm_source" ignored.',
    ]);
    expect(decodeState('host=https://a.example&frame=f1&method=lora', ['host', 'frame']).notices).toEqual([]);
  });

  it.each(['model', 'method', 'precision', 'targets', 'gpu', 'unit', 'seq', 'mlp'])(
    'a crafted %s never reaches the encoded state',
    (name) => {
      const evil = 'x"><script src=https://evil.example/x.js></script><b x="';
      const { state } = decodeState(new URLSearchParams({ model: 'custom', [name]: evil }));
      const q = encodeState(state);
      expect(q).not.toContain('script');
      expect(q).not.toContain('evil');
    },
  );
});
