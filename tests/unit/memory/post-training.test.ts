// Post-training trainers composed on the one-model step (src/lib/memory/post-training.ts). Each exact case is
// derived by hand from the SFT step at the trainer's sequences (itself tested in model.test.ts) plus the terms the
// trainer adds, written out in the comments. Llama-3.1-8B: 8,030,261,248 parameters, vocab 128,256, 32 layers,
// 8 KV heads of 128, hidden 4,096.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMBED_ATTRIBUTES } from '../../../src/lib/memory/embed.ts';
import {
  CUDA_CONTEXT_BYTES,
  calculatorFields,
  computeView,
  controlDefaults,
  estimateMemory,
  fitsGpu,
  GPU_PRESETS,
  type TrainingInput,
} from '../../../src/lib/memory/index.ts';
import { requiredBytes, TRAINER_PARTS } from '../../../src/lib/memory/post-training.ts';
import { est } from './fixtures.ts';

const V = 128_256;
const P = 8_030_261_248;
const R = 1.05; // ALLOCATOR_RESERVE_FRACTION: the reserve grows with what each stage allocates
const base: TrainingInput = { model: 'llama-3.1-8b', method: 'lora', seq: 1024, batch: 1 };
const sft = (over: Partial<TrainingInput>) => est({ ...base, ...over, trainer: 'sft' });
const run = (over: Partial<TrainingInput>) => est({ ...base, ...over });
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1); // within a byte

describe('preference trainers', () => {
  it('DPO LoRA: the policy step at 2 × the pairs, plus the reference forward’s logits (adapters off, no weights)', () => {
    const e = run({ trainer: 'dpo' });
    const step = sft({ batch: 2 });
    // reference logits in bf16 for chosen + rejected, plus one sequence's log-softmax: (2 + 1) × 1,024 × V × 2
    const refLogits = 3 * 1024 * V * 2;
    expect(refLogits).toBe(788_004_864);
    close(e.perGpuBytes, step.perGpuBytes + R * refLogits);
    expect(e.postTraining?.sequences).toBe(2);
    expect(e.postTraining?.tokensPerSequence).toBe(1024);
    close(e.postTraining?.parts.reference ?? -1, refLogits);
    expect(e.postTraining?.parts.reward).toBe(0);
    expect(e.postTraining?.parts.value).toBe(0);
    expect(e.components.logits).toBe(step.components.logits + refLogits);
  });

  it('DPO full: a second bf16 copy of the weights for the reference', () => {
    const e = run({ trainer: 'dpo', method: 'full' });
    const step = sft({ batch: 2, method: 'full' });
    const refWeights = P * 2; // 16,060,522,496 bytes
    const refLogits = 3 * 1024 * V * 2;
    close(e.perGpuBytes, step.perGpuBytes + R * (refWeights + refLogits));
    expect(e.components.weights).toBe(2 * refWeights);
    close(e.postTraining?.parts.reference ?? -1, refWeights + refLogits);
  });

  it('DPO with precomputed reference log-probs, ORPO and SimPO: exactly the step at 2 × the pairs', () => {
    const step = sft({ batch: 2, method: 'full' });
    for (const over of [
      { trainer: 'dpo', reference: 'precomputed' },
      { trainer: 'orpo' },
      { trainer: 'simpo' },
    ] as const) {
      const e = run({ ...over, method: 'full' });
      close(e.perGpuBytes, step.perGpuBytes);
      expect(e.postTraining?.parts.reference).toBe(0);
      expect(e.postTraining?.referenceForward).toBe(false);
    }
  });

  it('KTO LoRA: the step at the examples (not doubled), plus one reference forward’s logits at a time', () => {
    const e = run({ trainer: 'kto' });
    const step = sft({});
    // the KL forward's logits are freed before the reference forward: (1 + 1) × 1,024 × V × 2
    const refLogits = 2 * 1024 * V * 2;
    expect(refLogits).toBe(525_336_576);
    close(e.perGpuBytes, step.perGpuBytes + R * refLogits);
  });
});

describe('GRPO', () => {
  it('LoRA, G = 8, β = 0: B × G sequences of prompt + completion, loss on the completion, no reference', () => {
    const e = run({ trainer: 'grpo', generations: 8, completion: 512, loss: 'fp32' });
    const step = sft({ batch: 8, seq: 1536, loss: 'fp32' });
    // fp32 loss: bf16 logits + 12 bytes of fp32 loss tensors per vocabulary entry at backward start (estimate.ts
    // lossBytes), over all 8 × 1,536 tokens in the step, 8 × 512 in GRPO
    expect(step.components.logits).toBe(14 * 8 * 1536 * V);
    const logits = 14 * 8 * 512 * V;
    expect(e.components.logits).toBe(logits);
    // The step's peak is a phase (memory model v2): fewer logits lower it by at most what they weigh, never raise it.
    expect(e.perGpuBytes).toBeLessThanOrEqual(step.perGpuBytes);
    expect(e.perGpuBytes).toBeGreaterThanOrEqual(step.perGpuBytes - R * (14 * 8 * 1536 * V - logits) - 1);
    expect(e.postTraining?.peakStage).toBe('train');
    expect(e.postTraining?.parts.reference).toBe(0);
    // rollout: KV cache 8 × 1,536 tokens × (2 × 32 layers × 8 heads × 128 × 2 bytes = 131,072) = 1,610,612,736,
    // fp32 next-token logits and their softmax 2 × 8 × V × 4 = 8,208,384; no gradients
    const kv = 8 * 1536 * 131_072;
    expect(kv).toBe(1_610_612_736);
    const states = step.components.weights + step.components.trainable + step.components.optimizer;
    close(e.postTraining?.stages.rollout ?? -1, CUDA_CONTEXT_BYTES + R * (states + kv + 2 * 8 * V * 4));
  });

  it('β > 0 loads a reference copy for full fine-tuning; β = 0 never does', () => {
    const off = run({ trainer: 'grpo', method: 'full' });
    const on = run({ trainer: 'grpo', method: 'full', klPenalty: true });
    expect(off.postTraining?.parts.reference).toBe(0);
    expect(on.postTraining?.parts.reference).toBe(P * 2);
    expect(on.components.weights - off.components.weights).toBe(P * 2);
  });

  it('a colocated vLLM engine removes the KV cache and takes its share of the GPU in the fit', () => {
    const hf = run({ trainer: 'grpo', generations: 4 });
    const vllm = run({ trainer: 'grpo', generations: 4, vllmShare: 30 });
    expect(vllm.postTraining?.gpuShare).toBe(0.3);
    expect(vllm.postTraining?.stages.rollout).toBeLessThan(hf.postTraining?.stages.rollout ?? 0);
    const usable = 85_520_000_000;
    expect(requiredBytes(vllm, usable)).toBe(vllm.perGpuBytes + 0.3 * usable);
    expect(requiredBytes(hf, usable)).toBe(hf.perGpuBytes);
    // 52.3 GB of training fits an H100 (85.5 GB usable) alone, and with 30% for vLLM (25.7 GB) too; 60% does not
    expect(fitsGpu(vllm, 'h100-80gb')).toBe(true);
    expect(fitsGpu(run({ trainer: 'grpo', generations: 4, vllmShare: 60 }), 'h100-80gb')).toBe(false);
  });
});

describe('PPO', () => {
  it('LoRA policy: a full value model trained with it, a frozen bf16 reward model, no reference copy', () => {
    const e = run({ trainer: 'ppo', completion: 512 });
    const value = sft({ method: 'full', seq: 1536 }).components;
    const valueBytes = value.weights + value.gradients + value.optimizer + value.activations;
    close(e.postTraining?.parts.value ?? -1, valueBytes);
    expect(e.postTraining?.parts.reward).toBe(P * 2);
    expect(e.postTraining?.parts.reference).toBe(0);
    expect(e.params.trainable).toBe(sft({}).params.trainable + P);
  });

  it('full policy: the reference is a second copy of the policy weights', () => {
    const e = run({ trainer: 'ppo', method: 'full' });
    expect(e.postTraining?.parts.reference).toBe(P * 2);
  });
});

const arbInput = fc.record({
  model: fc.constantFrom('llama-3.1-8b', 'qwen2.5-7b', 'llama-3.2-1b', 'gemma-2-2b', 'mixtral-8x7b'),
  method: fc.constantFrom('full' as const, 'lora' as const, 'qlora' as const, 'dora' as const),
  precision: fc.constantFrom('mixed-bf16' as const, 'pure-bf16' as const, 'fp32' as const),
  seq: fc.integer({ min: 1, max: 8192 }),
  batch: fc.integer({ min: 1, max: 8 }),
  gradCheckpointing: fc.boolean(),
  gpus: fc.integer({ min: 1, max: 8 }),
  sharding: fc.constantFrom('none' as const, 'zero1' as const, 'zero2' as const, 'zero3' as const, 'fsdp' as const),
  completion: fc.integer({ min: 1, max: 4096 }),
  generations: fc.integer({ min: 2, max: 32 }),
  klPenalty: fc.boolean(),
  reference: fc.constantFrom('model' as const, 'precomputed' as const),
  vllmShare: fc.integer({ min: 0, max: 95 }),
});

describe('properties', () => {
  it('the presets named in the property tests exist', () => {
    for (const m of ['llama-3.1-8b', 'qwen2.5-7b', 'llama-3.2-1b', 'gemma-2-2b', 'mixtral-8x7b']) {
      expect(estimateMemory({ model: m, method: 'lora' }).ok).toBe(true);
    }
  });

  it('DPO needs at least SFT at the same settings with an unchunked loss (and more with a reference forward)', () => {
    fc.assert(
      fc.property(arbInput, (i) => {
        const s = est({ ...i, trainer: 'sft' }).perGpuBytes;
        const d = est({ ...i, trainer: 'dpo' }).perGpuBytes;
        // equal when the optimizer step, not the activations, sets the peak (full fine-tuning of short sequences)
        expect(d).toBeGreaterThanOrEqual(s);
      }),
      { numRuns: 150 },
    );
  });

  it('GRPO grows with G (the training step, and the rollout without vLLM)', () => {
    fc.assert(
      fc.property(arbInput, fc.integer({ min: 1, max: 16 }), (i, more) => {
        const a = est({ ...i, trainer: 'grpo' });
        const b = est({ ...i, trainer: 'grpo', generations: i.generations + more });
        // never less; equal when the optimizer step, not the G sequences' activations, sets the training peak
        expect(b.perGpuBytes).toBeGreaterThanOrEqual(a.perGpuBytes);
        expect(b.postTraining?.stages.train).toBeGreaterThanOrEqual(a.postTraining?.stages.train ?? 0);
        if (i.vllmShare === 0)
          expect(b.postTraining?.stages.rollout).toBeGreaterThan(a.postTraining?.stages.rollout ?? 0);
      }),
      { numRuns: 150 },
    );
  });

  it('the rollout holds the optimizer states, never the optimizer step’s temporaries (a counterexample fast-check found)', () => {
    // Full fp32 fine-tuning of one-token prompts: at G = 15 the optimizer step sets the training peak (its foreach
    // temporaries are in that step's optimizer bytes), at G = 19 the backward does; the rollout must not follow.
    const at = (generations: number) =>
      est({
        model: 'gemma-2-2b',
        method: 'full',
        precision: 'fp32',
        seq: 1,
        batch: 1,
        gradCheckpointing: true,
        completion: 1370,
        generations,
        klPenalty: false,
        vllmShare: 0,
        trainer: 'grpo',
      });
    const [a, b] = [at(15), at(19)];
    expect(a.phases.find((p) => p.id === 'optimizer')?.bytes).toBeGreaterThan(0);
    expect(b.postTraining?.stages.rollout).toBeGreaterThan(a.postTraining?.stages.rollout ?? Infinity);
  });

  it('GRPO with β = 0 has no reference at all; with β > 0 adapters stand in for it (no extra weights)', () => {
    fc.assert(
      fc.property(arbInput, (i) => {
        const off = est({ ...i, trainer: 'grpo', klPenalty: false });
        expect(off.postTraining?.referenceForward).toBe(false);
        expect(off.postTraining?.parts.reference).toBe(0);
        const on = est({ ...i, trainer: 'grpo', klPenalty: true });
        expect(on.postTraining?.referenceForward).toBe(true);
        if (i.method !== 'full') expect(on.postTraining?.parts.reference).toBe(0);
        else expect(on.postTraining?.parts.reference).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });

  it('every trainer: the parts sum to the per-GPU total, which is the larger stage; components are finite and ≥ 0', () => {
    fc.assert(
      fc.property(
        arbInput,
        fc.constantFrom('dpo', 'orpo', 'simpo', 'kto', 'grpo', 'ppo') as fc.Arbitrary<TrainingInput['trainer']>,
        (i, trainer) => {
          const e = est({ ...i, trainer });
          const pt = e.postTraining;
          if (!pt) throw new Error('no breakdown');
          const parts = TRAINER_PARTS.reduce((s, id) => s + pt.parts[id], 0);
          expect(Math.abs(parts - e.perGpuBytes) / e.perGpuBytes).toBeLessThan(1e-9);
          expect(e.perGpuBytes).toBeCloseTo(Math.max(pt.stages.train, pt.stages.rollout ?? 0), -2);
          for (const v of Object.values(e.components)) expect(Number.isFinite(v) && v >= 0).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('SFT is the step itself: no breakdown, same numbers whatever the trainer-only fields say', () => {
    fc.assert(
      fc.property(arbInput, (i) => {
        const plain = est({ ...i, trainer: 'sft', generations: 8, completion: 512, vllmShare: 0, klPenalty: false });
        const other = est({ ...i, trainer: 'sft' });
        expect(other.postTraining).toBeUndefined();
        expect(other.perGpuBytes).toBe(plain.perGpuBytes);
      }),
      { numRuns: 50 },
    );
  });
});

describe('input checks', () => {
  it('names the field of a bad trainer value', () => {
    const r = estimateMemory({ ...base, trainer: 'rlhf' as never, generations: 1, vllmShare: 96 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { field: 'trainer', message: 'must be one of sft, dpo, orpo, simpo, kto, grpo, ppo (got "rlhf")' },
      { field: 'generations', message: 'must be a whole number from 2 to 1,024 (got 1)' },
      { field: 'vllmShare', message: 'must be a whole number from 0 to 95 (got 96)' },
    ]);
  });
});

describe('consumers read the trainer from the table', () => {
  it('embed loader passes every trainer parameter on as data-*', () => {
    for (const name of ['trainer', 'reference', 'kl-penalty', 'generations', 'completion', 'vllm-share']) {
      expect(EMBED_ATTRIBUTES).toContain(name);
    }
  });

  it('island form: the trainer fields are in their own group, each limited to its trainers', () => {
    const f = calculatorFields().filter((x) => x.group === 'trainer');
    expect(f.map((x) => [x.key, x.trainers ?? null])).toEqual([
      ['trainer', null],
      ['reference', ['dpo', 'kto']],
      ['kl-penalty', ['grpo']],
      ['generations', ['grpo']],
      ['completion', ['grpo', 'ppo']],
      ['vllm-share', ['grpo']],
    ]);
  });

  it('view: a DPO query gives the per-model breakdown; a GRPO-only field is ignored for DPO, marked for GRPO', () => {
    const controls = { ...controlDefaults(), method: 'lora', seq: '1024', trainer: 'dpo', generations: '1' };
    const v = computeView(controls);
    expect(v.errors).toEqual({});
    expect(v.result?.trainer?.trainer).toBe('dpo');
    expect(v.result?.trainer?.sequences).toBe(2);
    expect(v.result?.total).toBe(run({ trainer: 'dpo' }).perGpuBytes);
    expect(v.query).toBe('model=llama-3.1-8b&method=lora&trainer=dpo&generations=1&seq=1024');
    const g = computeView({ ...controls, trainer: 'grpo' });
    expect(g.result).toBeNull();
    expect(g.errors).toEqual({ generations: 'Generations per prompt: must be a whole number from 2 to 1,024 (got 1)' });
  });

  it('view: the vLLM share is priced on the chosen GPU and counted in every fit', () => {
    const v = computeView({
      ...controlDefaults(),
      method: 'lora',
      seq: '1024',
      trainer: 'grpo',
      generations: '4',
      'vllm-share': '60',
      gpu: 'h100-80gb',
    });
    const h100 = GPU_PRESETS.find((g) => g.id === 'h100-80gb');
    expect(v.result?.trainer?.vllmBytes).toBe(0.6 * (h100?.usableBytes ?? 0));
    expect(v.result?.fits.find((f) => f.id === 'h100-80gb')?.fits).toBe(false);
    expect(v.result?.total).toBeLessThan(h100?.usableBytes ?? 0); // alone it would fit
  });
});
