// Property-based tests (fast-check) over random valid architectures and training settings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Architecture,
  COMPONENT_IDS,
  estimateMemory,
  MemoryInputError,
  MODEL_PRESETS,
  maxMicroBatch,
  type TrainingInput,
} from '../../../src/lib/memory/index.ts';
import { est } from './fixtures.ts';

const arbArch: fc.Arbitrary<Architecture> = fc
  .record({
    hiddenUnits: fc.integer({ min: 1, max: 128 }),
    layers: fc.integer({ min: 1, max: 96 }),
    kvHeads: fc.integer({ min: 1, max: 16 }),
    group: fc.integer({ min: 1, max: 8 }),
    headDim: fc.constantFrom(32, 64, 80, 128, 256),
    intermediate: fc.integer({ min: 1, max: 65_536 }),
    vocab: fc.integer({ min: 2, max: 262_144 }),
    tiedEmbeddings: fc.boolean(),
    qkvBias: fc.boolean(),
    mlp: fc.constantFrom('gated' as const, 'plain' as const),
    norm: fc.constantFrom('rmsnorm' as const, 'layernorm' as const),
    normsPerLayer: fc.integer({ min: 1, max: 4 }),
    experts: fc.integer({ min: 1, max: 16 }),
    activeFrac: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map((r) => ({
    hidden: r.hiddenUnits * 64,
    layers: r.layers,
    heads: r.kvHeads * r.group,
    kvHeads: r.kvHeads,
    headDim: r.headDim,
    intermediate: r.intermediate,
    vocab: r.vocab,
    tiedEmbeddings: r.tiedEmbeddings,
    qkvBias: r.qkvBias,
    mlp: r.mlp,
    norm: r.norm,
    normsPerLayer: r.normsPerLayer,
    experts: r.experts,
    activeExperts: Math.max(1, Math.round(r.activeFrac * r.experts)),
  }));

const arbModel: fc.Arbitrary<string | Architecture> = fc.oneof(
  fc.constantFrom(...MODEL_PRESETS.map((m) => m.id)),
  arbArch,
);

const arbSettings = fc.record({
  method: fc.constantFrom('full' as const, 'lora' as const, 'qlora' as const, 'dora' as const),
  precision: fc.constantFrom('mixed-bf16' as const, 'pure-bf16' as const, 'fp32' as const),
  optimizer: fc.constantFrom(
    'adamw' as const,
    'adamw-8bit' as const,
    'paged-adamw-8bit' as const,
    'paged-adamw' as const,
    'sgd' as const,
    'adafactor' as const,
  ),
  rank: fc.integer({ min: 1, max: 512 }),
  targets: fc.constantFrom('qv' as const, 'attention' as const, 'mlp' as const, 'all-linear' as const),
  seq: fc.integer({ min: 1, max: 32_768 }),
  batch: fc.integer({ min: 1, max: 64 }),
  gradCheckpointing: fc.boolean(),
  attention: fc.constantFrom('flash' as const, 'eager' as const),
  gpus: fc.integer({ min: 1, max: 512 }),
  sharding: fc.constantFrom('none' as const, 'zero1' as const, 'zero2' as const, 'zero3' as const, 'fsdp' as const),
  doubleQuant: fc.boolean(),
  loss: fc.constantFrom('fp32' as const, 'bf16' as const, 'chunked' as const, 'fused' as const),
  loraDropout: fc.integer({ min: 0, max: 90 }),
  adapterFp32: fc.boolean(),
  optimizerImpl: fc.constantFrom('foreach' as const, 'fused' as const, 'in-backward' as const),
  accumulation: fc.integer({ min: 1, max: 64 }),
  offload: fc.constantFrom('none' as const, 'optimizer' as const, 'activations' as const, 'both' as const),
  trainHead: fc.boolean(),
  trainEmbeddings: fc.boolean(),
  quantSavesInput: fc.boolean(),
  quantizeHead: fc.boolean(),
});

const arbInput: fc.Arbitrary<TrainingInput> = fc.tuple(arbModel, arbSettings).map(([model, s]) => ({ model, ...s }));

const RUNS = { numRuns: 300 };

describe('properties of the memory model', () => {
  it('never returns NaN, Infinity or a negative figure for a valid input', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const e = est(input);
        for (const id of COMPONENT_IDS) {
          expect(Number.isFinite(e.components[id])).toBe(true);
          expect(e.components[id]).toBeGreaterThanOrEqual(0);
        }
        expect(e.perGpuBytes).toBeGreaterThan(0);
        expect(e.allocatedBytes).toBeGreaterThan(0);
        expect(e.params.trainable).toBeGreaterThan(0);
        if (input.method === 'full') expect(e.params.trainable).toBe(e.params.total);
      }),
      RUNS,
    );
  });

  it('frozen experts never cost more than adapted ones, and change nothing on a dense model', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const off = estimateMemory({ ...input, expertAdapters: false });
        // only an MLP made of routed experts alone can leave nothing to adapt
        fc.pre(off.ok);
        if (!off.ok) return;
        const on = est({ ...input, expertAdapters: true });
        const e = off.estimate;
        expect(e.perGpuBytes).toBeLessThanOrEqual(on.perGpuBytes);
        expect(e.params.trainable).toBeLessThanOrEqual(on.params.trainable);
        for (const p of e.phases) {
          expect(p.bytes).toBeLessThanOrEqual(on.phases.find((q) => q.id === p.id)?.bytes ?? 0);
        }
        if (e.arch.experts <= 1 || input.method === 'full') expect(e.perGpuBytes).toBe(on.perGpuBytes);
      }),
      RUNS,
    );
  });

  it('grows with the parameter count (one more layer)', () => {
    fc.assert(
      fc.property(arbArch, arbSettings, (arch, s) => {
        const small = est({ model: arch, ...s });
        const big = est({ model: { ...arch, layers: arch.layers + 1 }, ...s });
        expect(big.params.total).toBeGreaterThan(small.params.total);
        expect(big.perGpuBytes).toBeGreaterThan(small.perGpuBytes);
      }),
      RUNS,
    );
  });

  it('grows with the sequence length', () => {
    fc.assert(
      fc.property(arbInput, fc.integer({ min: 1, max: 4096 }), (input, extra) => {
        // The peak never shrinks; it may stay put when the optimizer step, which holds no activations, sets it.
        // The start of backward, where activations and the loss's buffers meet, always grows.
        const seq = input.seq ?? 2048;
        const longer = est({ ...input, seq: seq + extra });
        const now = est(input);
        expect(longer.perGpuBytes).toBeGreaterThanOrEqual(now.perGpuBytes);
        const start = (e: typeof now) => e.phases.find((p) => p.id === 'backward-start')?.bytes ?? 0;
        expect(start(longer)).toBeGreaterThan(start(now));
      }),
      RUNS,
    );
  });

  it('grows with the micro-batch', () => {
    fc.assert(
      fc.property(arbInput, fc.integer({ min: 1, max: 16 }), (input, extra) => {
        const batch = input.batch ?? 1;
        const bigger = est({ ...input, batch: batch + extra });
        const now = est(input);
        expect(bigger.perGpuBytes).toBeGreaterThanOrEqual(now.perGpuBytes);
        const start = (e: typeof now) => e.phases.find((p) => p.id === 'backward-start')?.bytes ?? 0;
        expect(start(bigger)).toBeGreaterThan(start(now));
      }),
      RUNS,
    );
  });

  it('grows with the LoRA rank (adapter methods)', () => {
    fc.assert(
      fc.property(arbInput, fc.integer({ min: 1, max: 64 }), (input, extra) => {
        fc.pre(input.method !== 'full');
        const rank = input.rank ?? 8;
        const lo = est(input);
        const hi = est({ ...input, rank: rank + extra });
        expect(hi.params.trainable).toBeGreaterThan(lo.params.trainable);
        expect(hi.perGpuBytes).toBeGreaterThan(lo.perGpuBytes);
      }),
      RUNS,
    );
  });

  it('QLoRA weights are always smaller than LoRA weights', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const q = est({ ...input, method: 'qlora' });
        const l = est({ ...input, method: 'lora' });
        expect(q.components.weights).toBeLessThan(l.components.weights);
      }),
      RUNS,
    );
  });

  it('gradient checkpointing never increases activations (of a model with more than one block)', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        // With one block there is nothing to drop: the checkpoint keeps the block's input and the backward recomputes
        // the block's own activations besides it (a few bytes more, as fast-check found).
        fc.pre(typeof input.model === 'string' || input.model.layers > 1);
        const on = est({ ...input, gradCheckpointing: true });
        const off = est({ ...input, gradCheckpointing: false });
        // compared phase by phase at their largest (the peak may sit in a different phase with and without)
        const most = (e: typeof on) => Math.max(...e.phases.map((p) => p.parts.activations ?? 0));
        expect(most(on)).toBeLessThanOrEqual(most(off));
        expect(on.allocatedBytes).toBeLessThanOrEqual(off.allocatedBytes);
      }),
      RUNS,
    );
  });

  it('ZeRO-3 and FSDP per-GPU memory falls as the GPU count grows', () => {
    fc.assert(
      fc.property(
        arbInput,
        fc.integer({ min: 1, max: 256 }),
        fc.integer({ min: 1, max: 256 }),
        fc.constantFrom('zero3' as const, 'fsdp' as const),
        (input, n, more, sharding) => {
          const a = est({ ...input, sharding, gpus: n });
          const b = est({ ...input, sharding, gpus: n + more });
          expect(b.perGpuBytes).toBeLessThan(a.perGpuBytes);
        },
      ),
      RUNS,
    );
  });

  it('maxMicroBatch returns a batch that fits while the next one does not', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MODEL_PRESETS.map((m) => m.id)),
        fc.constantFrom('lora' as const, 'qlora' as const),
        fc.constantFrom('a100-80gb', 'rtx-4090', 'h200'),
        fc.integer({ min: 128, max: 8192 }),
        (model, method, gpu, seq) => {
          const input: TrainingInput = { model, method, seq, gradCheckpointing: true };
          const b = maxMicroBatch(input, gpu);
          const usable = { 'a100-80gb': 81920, 'rtx-4090': 24564, h200: 143771 }[gpu] * 2 ** 20;
          if (b > 0) expect(est({ ...input, batch: b }).perGpuBytes).toBeLessThanOrEqual(usable);
          if (b < 65_536) expect(est({ ...input, batch: b + 1 }).perGpuBytes).toBeGreaterThan(usable);
        },
      ),
      { numRuns: 60 },
    );
  });
});

// --- invalid input: typed errors, never a number ---
const invalidValues: Record<string, unknown[]> = {
  model: ['gpt-5', '', 42, null, { hidden: 4096 }, { hidden: -1, layers: 2 }],
  method: ['sft', '', 1, undefined],
  precision: ['fp16', 'bf16', 3],
  optimizer: ['adam', 'lion', false],
  rank: [0, -4, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '8', 5000],
  targets: ['ffn', 'all', 0],
  seq: [0, -1, 2.5, Number.NaN, 3_000_000, '2048'],
  batch: [0, 1.1, -3, Number.NaN, '1'],
  gradCheckpointing: ['yes', 1, null],
  attention: ['sdpa', 'xformers', 1],
  gpus: [0, 0.5, -2, 100_000],
  sharding: ['zero4', 'ddp', true],
  doubleQuant: ['true', 0],
  loss: ['none', true, 'liger'],
  loraDropout: [-1, 91, 0.5, '5'],
  adapterFp32: ['yes', 1],
  optimizerImpl: ['apex', 1],
  accumulation: [0, 1.5, 70_000],
  offload: ['cpu', true],
  trainHead: ['no', 0],
  trainEmbeddings: [1, 'true'],
  quantSavesInput: [null, 'false'],
  quantizeHead: [2],
};

describe('invalid input', () => {
  it('returns typed errors naming the field, never an estimate', () => {
    const fields = Object.keys(invalidValues);
    fc.assert(
      fc.property(
        arbInput,
        fc
          .constantFrom(...fields)
          .chain((f) => fc.tuple(fc.constant(f), fc.constantFrom(...(invalidValues[f] as unknown[])))),
        (input, [field, value]) => {
          const bad = { ...input, [field]: value } as unknown as TrainingInput;
          const r = estimateMemory(bad);
          expect(r.ok).toBe(false);
          if (r.ok) return;
          expect('estimate' in r).toBe(false);
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) {
            expect(typeof e.field).toBe('string');
            expect(typeof e.message).toBe('string');
            expect(e.message.length).toBeGreaterThan(0);
          }
          expect(r.errors.some((e) => e.field === field || e.field.startsWith(`${field}.`))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects a custom architecture whose KV heads do not divide the heads', () => {
    const r = estimateMemory({
      model: {
        hidden: 4096,
        layers: 2,
        heads: 32,
        kvHeads: 5,
        headDim: 128,
        intermediate: 11008,
        vocab: 32000,
        tiedEmbeddings: false,
        qkvBias: false,
      },
      method: 'lora',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.field)).toContain('model.kvHeads');
  });

  it('helpers throw MemoryInputError for bad input or an unknown GPU', () => {
    expect(() => maxMicroBatch({ model: 'llama-2-7b', method: 'lora', rank: 0 }, 'a100-80gb')).toThrow(
      MemoryInputError,
    );
    expect(() => maxMicroBatch({ model: 'llama-2-7b', method: 'lora' }, 'tpu-v5')).toThrow(/unknown GPU/);
  });
});
