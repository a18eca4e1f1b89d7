// Component formulas: precision, optimizers, ZeRO/FSDP sharding, activations, logits and overhead.
import { describe, expect, it } from 'vitest';
import {
  ALLOCATOR_RESERVE_FRACTION,
  blockSavedBytesPerToken,
  CUDA_CONTEXT_BYTES,
  estimateMemory,
  formatBytes,
  MODEL_PRESETS,
  phaseParts,
  statesBytes,
  type TrainingInput,
} from '../../../src/lib/memory/index.ts';
import { est, STEP_DEFAULTS } from './fixtures.ts';

const P7 = 6_738_415_616;

describe('bytes per parameter of model states', () => {
  it.each([
    ['mixed-bf16', 'adamw', 16], // 2 + 2 + (4 master + 4 + 4) — ZeRO §3.1, K = 12
    ['pure-bf16', 'adamw', 8], // 2 + 2 + 2 + 2
    ['fp32', 'adamw', 16], // 4 + 4 + 4 + 4
    ['mixed-bf16', 'sgd', 12], // 2 + 2 + 4 master + 4 momentum
    ['pure-bf16', 'sgd', 6],
  ] as const)('full fine-tuning, %s + %s = %d bytes/param', (precision, optimizer, perParam) => {
    const e = est({ model: 'llama-2-7b', method: 'full', precision, optimizer });
    expect(statesBytes(e)).toBe(perParam * P7);
  });

  it('8-bit AdamW keeps 2 bytes/param of state plus block-wise absmax constants', () => {
    const e = est({ model: 'llama-2-7b', method: 'full', precision: 'pure-bf16', optimizer: 'adamw-8bit' });
    const state = e.components.optimizer / P7;
    expect(state).toBeGreaterThan(2);
    expect(state).toBeLessThan(2.04);
  });

  it('bitsandbytes keeps 32-bit state for tensors under 4096 elements (tiny LoRA matrices)', () => {
    // Qwen2.5-0.5B, r=2 on q,v: A is 2×896 = 1792 elements, B is 896×2 or 128×2: all under 4096 → 8 bytes/param.
    const e = est({ model: 'qwen2.5-0.5b', method: 'lora', rank: 2, optimizer: 'adamw-8bit', precision: 'pure-bf16' });
    expect(e.components.optimizer).toBe(8 * e.params.trainable);
    // r=8 on Llama-2-7B: 8×4096 = 32768 elements per matrix → 8-bit.
    const big = est({ model: 'llama-2-7b', method: 'lora', rank: 8, optimizer: 'adamw-8bit', precision: 'pure-bf16' });
    expect(big.components.optimizer / big.params.trainable).toBeLessThan(2.1);
  });

  it('Adafactor factors the second moment: rows + cols per matrix', () => {
    const e = est({ model: 'llama-2-7b', method: 'full', precision: 'pure-bf16', optimizer: 'adafactor' });
    expect(e.components.optimizer / P7).toBeLessThan(0.01);
    expect(e.components.optimizer).toBeGreaterThan(0);
  });

  it('LoRA keeps gradients and optimizer state only for the adapters, in fp32 by PEFT’s default', () => {
    const N = 19_988_480;
    const e = est({ model: 'llama-2-7b', method: 'lora', targets: 'all-linear' });
    expect(e.components.weights).toBe(2 * P7);
    // autocast_adapter_dtype: fp32 adapters (4) whose fp32 gradients (4) and moments (4 + 4) need no master copy
    expect(e.components.trainable).toBe(4 * N);
    expect(e.components.optimizer).toBe(8 * N);
    expect(statesBytes(e)).toBe(2 * P7 + 16 * N);
    const bf16 = est({ model: 'llama-2-7b', method: 'lora', targets: 'all-linear', adapterFp32: false });
    expect(bf16.components.trainable).toBe(2 * N);
    expect(bf16.components.optimizer).toBe(12 * N); // fp32 master + two fp32 moments
    expect(statesBytes(bf16)).toBe(2 * P7 + 16 * N);
  });

  it('paged optimizers keep their state in managed memory: in the total, not in max_memory_allocated', () => {
    const plain = est({ model: 'llama-2-7b', method: 'full', precision: 'pure-bf16', optimizer: 'adamw-8bit' });
    const paged = est({ model: 'llama-2-7b', method: 'full', precision: 'pure-bf16', optimizer: 'paged-adamw-8bit' });
    expect(paged.managedBytes).toBe(plain.components.optimizer);
    expect(paged.components.optimizer).toBe(plain.components.optimizer);
    expect(plain.managedBytes).toBe(0);
    const p32 = est({ model: 'llama-2-7b', method: 'full', precision: 'pure-bf16', optimizer: 'paged-adamw' });
    expect(p32.managedBytes).toBe(8 * P7); // two fp32 states whatever the parameter dtype
    for (const ph of p32.phases) expect(ph.parts.optimizer).toBe(0);
  });
});

describe('ZeRO per-GPU model states (arXiv 1910.02054 §5.1), Ψ = params, K = 12', () => {
  const model = (sharding: TrainingInput['sharding'], gpus: number) =>
    statesBytes(est({ model: 'llama-2-7b', method: 'full', sharding, gpus }));
  it.each([1, 2, 8, 64])('N = %d', (n) => {
    expect(model('none', n)).toBe(16 * P7);
    expect(model('zero1', n)).toBeCloseTo(4 * P7 + (12 * P7) / n, 0);
    expect(model('zero2', n)).toBeCloseTo(2 * P7 + (14 * P7) / n, 0);
    expect(model('zero3', n)).toBeCloseTo((16 * P7) / n, 0);
    expect(model('fsdp', n)).toBeCloseTo((16 * P7) / n, 0);
  });

  it('paper example: 7.5B params on 64 GPUs = 120 GB, 31.4 GB, 16.6 GB, 1.9 GB (Figure 1)', () => {
    const psi = 7.5e9;
    expect((16 * psi) / 1e9).toBe(120);
    expect((4 * psi + (12 * psi) / 64) / 1e9).toBeCloseTo(31.4, 1);
    expect((2 * psi + (14 * psi) / 64) / 1e9).toBeCloseTo(16.6, 1);
    expect((16 * psi) / 64 / 1e9).toBeCloseTo(1.9, 1);
  });

  it('DDP across GPUs adds a gradient-sized bucket copy; ZeRO-3 and FSDP add gathered blocks', () => {
    const one = est({ model: 'llama-2-7b', method: 'full', gpus: 1 });
    const ddp = est({ model: 'llama-2-7b', method: 'full', gpus: 4 });
    expect(ddp.details.communicationBytes).toBe(one.components.gradients);
    const z3 = est({ model: 'llama-2-7b', method: 'full', gpus: 4, sharding: 'zero3' });
    const fsdp = est({ model: 'llama-2-7b', method: 'full', gpus: 4, sharding: 'fsdp' });
    expect(z3.details.communicationBytes).toBe(2 * 2 * 202_383_360); // two bf16 blocks of Llama-2-7B
    expect(fsdp.details.communicationBytes).toBeGreaterThan(z3.details.communicationBytes);
  });
});

describe('activations', () => {
  const base = { model: 'llama-2-7b', method: 'full', seq: 2048, batch: 1 } as const;

  it('eager attention keeps the s² scores, flash does not', () => {
    const flash = est({ ...base, attention: 'flash' });
    const eager = est({ ...base, attention: 'eager' });
    // fp32 softmax + its bf16 cast: 6 bytes per score, 32 heads, 32 layers; eager keeps no separate output or
    // log-sum-exp, which flash does, so the difference is slightly under the score bytes
    const scores = 32 * 32 * 2048 * 2048 * 6;
    const at = (e: typeof flash) => phaseParts(e, 'backward-start').activations;
    const diff = at(eager) - at(flash);
    expect(diff).toBeGreaterThan(scores * 0.97);
    expect(diff).toBeLessThan(scores);
  });

  it('gradient checkpointing keeps one block input per layer through the forward pass', () => {
    const off = est(base);
    const on = est({ ...base, gradCheckpointing: true });
    // 32 bf16 block inputs, the final norm's fp32 input and (full FT) the head's bf16 input
    expect(phaseParts(on, 'forward').activations).toBe((32 * 2 + 4 + 2) * 4096 * 2048);
    const saved = blockSavedBytesPerToken(off.arch, off.input);
    expect(phaseParts(off, 'forward').activations).toBe((32 * saved + 6 * 4096) * 2048);
    expect(phaseParts(on, 'forward').activations).toBeLessThan(phaseParts(off, 'forward').activations / 5);
  });

  it('bitsandbytes before 0.43.2 kept the inputs of frozen 4-bit layers; 0.43.2 and later do not', () => {
    const lora = est({ model: 'llama-3.1-8b', method: 'lora' });
    const qlora = est({ model: 'llama-3.1-8b', method: 'qlora' });
    const old = est({ model: 'llama-3.1-8b', method: 'qlora', quantSavesInput: true });
    expect(qlora.components.weights).toBeLessThan(lora.components.weights);
    // o_proj's input (4096), gate/up's shared input (4096), down_proj's input (14336), bf16, per token per layer;
    // q/k/v's input is saved either way (lora_A reads it)
    const fwd = (e: typeof lora) => phaseParts(e, 'forward').activations;
    expect(fwd(old) - fwd(qlora)).toBe(2 * (4096 + 4096 + 14336) * 32 * 2048);
  });

  it('LoRA dropout saves a mask and a dropped copy per adapted layer; pure bf16 adds PEFT’s fp32 input cast', () => {
    const base8 = { model: 'llama-3.1-8b', method: 'lora', targets: 'qv', precision: 'mixed-bf16' } as const;
    const none = est(base8);
    const drop = est({ ...base8, loraDropout: 5 });
    const fwd = (e: typeof none) => phaseParts(e, 'forward').activations;
    // q and v: mask (1 byte) + dropped bf16 copy (2 bytes) of the 4096-wide input each; the shared input lora_A
    // read before is no longer saved (2 bytes)
    expect(fwd(drop) - fwd(none)).toBe((2 * 3 * 4096 - 2 * 4096) * 32 * 2048);
    const pure = est({ ...base8, precision: 'pure-bf16' });
    const pureBf16Adapters = est({ ...base8, precision: 'pure-bf16', adapterFp32: false });
    // an fp32 copy per adapted layer (2 × 4 bytes) instead of the shared bf16 input (2 bytes); lora_A's fp32 output
    expect(fwd(pure) - fwd(pureBf16Adapters)).toBe((2 * 4 * 4096 - 2 * 4096 + 2 * 2 * 8) * 32 * 2048);
  });

  it('targets mlp adapts gate, up and down', () => {
    const e = est({ model: 'llama-2-7b', method: 'lora', targets: 'mlp', rank: 8 });
    expect(e.params.trainable).toBe(32 * 8 * (3 * (4096 + 11008)));
  });

  it('modules_to_save trains a full copy of the head or the embeddings, besides the frozen original', () => {
    const lora = est({ model: 'llama-3.1-8b', method: 'lora' });
    const head = est({ model: 'llama-3.1-8b', method: 'lora', trainHead: true });
    const V = 128_256 * 4096;
    expect(head.params.trainable - lora.params.trainable).toBe(V);
    expect(head.components.weights).toBe(lora.components.weights);
    // a bf16 copy (2) with bf16 gradient (2), fp32 master (4) and two fp32 moments (8)
    expect(statesBytes(head) - statesBytes(lora)).toBe(16 * V);
    expect(phaseParts(head, 'backward-start').gradients).toBe(2 * V);
  });

  it('DoRA costs more activation memory than LoRA with the same rank and targets', () => {
    const lora = est({ model: 'llama-3.1-8b', method: 'lora', targets: 'all-linear' });
    const dora = est({ model: 'llama-3.1-8b', method: 'dora', targets: 'all-linear' });
    expect(dora.components.activations).toBeGreaterThan(lora.components.activations * 1.2);
    expect(dora.params.trainable).toBeGreaterThan(lora.params.trainable);
  });

  it('MoE activations scale with the active experts, weights with all of them', () => {
    const mixtral = est({ model: 'mixtral-8x7b', method: 'qlora' });
    const mistral = est({ model: 'mistral-7b', method: 'qlora' });
    expect(mixtral.components.weights / mistral.components.weights).toBeGreaterThan(5.5);
    const ratio = mixtral.components.activations / mistral.components.activations;
    expect(ratio).toBeGreaterThan(1.4);
    expect(ratio).toBeLessThan(2.2);
  });
});

describe('adapters on the experts (expertAdapters)', () => {
  // Qwen3-30B-A3B: hidden 2048, 48 layers, q 32×128 = 4096, k/v 4×128 = 512, 128 experts of 768, 8 routed per token.
  const base = { model: 'qwen3-30b-a3b', method: 'qlora', targets: 'all-linear' } as const;
  const qkvo = 8 * (2048 + 4096) + 2 * 8 * (2048 + 512) + 8 * (4096 + 2048); // 139,264 per layer
  const router = 8 * (2048 + 128); // 17,408
  const expert = 3 * 8 * (2048 + 768); // gate, up, down of one expert: 67,584
  it('counts r·(d_in + d_out) for every expert’s gate, up and down when on, none when off', () => {
    expect(est(base).params.trainable).toBe(48 * (qkvo + router + 128 * expert));
    expect(est(base).params.trainable).toBe(422_756_352);
    expect(est({ ...base, expertAdapters: false }).params.trainable).toBe(48 * (qkvo + router));
    expect(est({ ...base, expertAdapters: false }).params.trainable).toBe(7_520_256);
  });
  it('frozen experts drop their fp32 adapter weights, gradients, AdamW moments and foreach temporary (20 B each)', () => {
    const step = (e: ReturnType<typeof est>) => e.phases.find((p) => p.id === 'optimizer')?.bytes ?? 0;
    const diff = step(est(base)) - step(est({ ...base, expertAdapters: false }));
    expect(diff).toBe(20 * 48 * 128 * expert);
    expect(diff).toBe(8_304_721_920);
  });
  it('frozen experts drop, per routed expert and token, down_proj’s input (2 B × 768) and 3 r-sized lora_A outputs', () => {
    // lora_A reads down_proj's input, so an adapted 4-bit expert keeps it; a frozen one (bitsandbytes ≥ 0.43.2) not
    const fwd = (e: ReturnType<typeof est>) => phaseParts(e, 'forward').activations;
    expect(fwd(est(base)) - fwd(est({ ...base, expertAdapters: false }))).toBe(48 * 2048 * 8 * (2 * 768 + 3 * 2 * 8));
  });
  it('with LoRA the same per token; MLP targets on an all-routed MLP leave nothing to adapt, an error', () => {
    const lora = { model: 'qwen3-30b-a3b', method: 'lora', targets: 'mlp' } as const;
    // the routed experts are the whole MLP: with them frozen nothing is adapted, which PEFT refuses too
    const r = estimateMemory({ ...lora, expertAdapters: false });
    expect(r.ok ? null : r.errors).toEqual([
      {
        field: 'expertAdapters',
        message: 'leaves nothing to adapt: the mlp targets are all routed experts',
      },
    ]);
    const all = { ...lora, targets: 'all-linear' } as const;
    const perToken = (x: TrainingInput) => blockSavedBytesPerToken(est(x).arch, est(x).input);
    // the router keeps the MLP input either way; per routed expert: down's input (2·768) and 3 lora_A outputs (3·2·8)
    expect(perToken(all) - perToken({ ...all, expertAdapters: false })).toBe(8 * (2 * 768 + 3 * 2 * 8));
  });
  it('is ignored for a dense model', () => {
    const on = est({ model: 'llama-3.1-8b', method: 'lora', targets: 'all-linear' });
    const off = est({ model: 'llama-3.1-8b', method: 'lora', targets: 'all-linear', expertAdapters: false });
    expect(off.perGpuBytes).toBe(on.perGpuBytes);
    expect(off.params.trainable).toBe(on.params.trainable);
  });
});

describe('loss', () => {
  const base = { model: 'llama-3.1-8b', method: 'lora', seq: 4096, batch: 2 } as const;
  const T = 8192;
  const V = 128_256;
  const at = (loss: 'fp32' | 'bf16' | 'chunked' | 'fused') => {
    const e = est({ ...base, loss });
    return { loss: phaseParts(e, 'loss').logits, start: phaseParts(e, 'backward-start').logits };
  };
  it('fp32 (Transformers’ loss): bf16 logits, fp32 upcast and log-probs; then log-probs, their and the logits’ grads', () => {
    expect(at('fp32')).toEqual({ loss: T * V * 10, start: T * V * 14 });
  });
  it('bf16 (LitGPT): logits and log-probs, then their two gradients', () => {
    expect(at('bf16')).toEqual({ loss: T * V * 4, start: T * V * 8 });
  });
  it('chunked (TRL’s default): reordered hidden states and one checkpointed 256-token chunk', () => {
    expect(at('chunked')).toEqual({ loss: T * 4096 * 2 + 256 * V * 10, start: 2 * T * 4096 * 2 + 256 * V * 14 });
  });
  it('fused (Liger): one hidden-sized chunk of fp32 logits with its gradient, and the hidden states’ gradient', () => {
    expect(at('fused')).toEqual({ loss: T * 4096 * 10, start: T * 4096 * 2 });
  });
  it('the default follows TRL’s SFTTrainer (chunked_nll since TRL 1.4, checked in 1.9.0)', () => {
    expect(est(base).input.loss).toBe('chunked');
  });
});

describe('phases of a step', () => {
  it('lists forward, loss, backward start, backward end and the optimizer step; the peak is the largest', () => {
    const e = est({ model: 'llama-2-7b', method: 'full', precision: 'pure-bf16' });
    expect(e.phases.map((p) => p.id)).toEqual(['forward', 'loss', 'backward-start', 'backward-end', 'optimizer']);
    const peak = Math.max(...e.phases.map((p) => p.bytes));
    expect(e.allocatedBytes).toBe(peak);
    expect(e.phases.find((p) => p.id === e.peakPhase)?.bytes).toBe(peak);
    for (const p of e.phases) expect(p.bytes).toBe(Object.values(p.parts).reduce((s, x) => s + x, 0));
  });
  it('full fine-tuning: every gradient exists only at backward end and in the step; foreach AdamW adds a state-sized temporary', () => {
    const e = est({ model: 'llama-2-7b', method: 'full', precision: 'pure-bf16', gradCheckpointing: true, seq: 512 });
    const g = (id: string) => e.phases.find((p) => p.id === id)?.parts.gradients;
    expect(g('forward')).toBe(0);
    expect(g('backward-start')).toBe(2 * 32000 * 4096); // the head's gradient first
    expect(g('backward-end')).toBe(2 * P7);
    const step = e.phases.find((p) => p.id === 'optimizer');
    expect(step?.parts.optimizer).toBe(4 * P7 + 2 * P7); // bf16 moments + one bf16 sqrt temporary
    expect(e.peakPhase).toBe('optimizer');
    const fused = est({ ...e.input, optimizerImpl: 'fused' });
    expect(fused.phases.find((p) => p.id === 'optimizer')?.parts.optimizer).toBe(4 * P7);
  });
  it('optimizer in the backward pass never holds more than one parameter’s gradient', () => {
    const e = est({ model: 'llama-2-7b', method: 'full', precision: 'pure-bf16', optimizerImpl: 'in-backward' });
    for (const p of e.phases) expect(p.parts.gradients ?? 0).toBeLessThanOrEqual(2 * 32000 * 4096);
  });
  it('gradient accumulation keeps the gradients through the forward pass; FSDP keeps them unsharded (no_sync)', () => {
    const one = est({ model: 'llama-2-7b', method: 'full', gpus: 4, sharding: 'fsdp' });
    const acc = est({ ...one.input, accumulation: 4 });
    expect(one.phases[0]?.parts.gradients).toBe(0);
    expect(acc.phases[0]?.parts.gradients).toBe(2 * P7);
    const z2 = est({ model: 'llama-2-7b', method: 'full', gpus: 4, sharding: 'zero2', accumulation: 4 });
    expect(z2.phases[0]?.parts.gradients).toBe((2 * P7) / 4);
  });
  it('offloading: optimizer states leave the GPU; activations keep two blocks on it', () => {
    const e = est({ model: 'llama-2-7b', method: 'full', offload: 'optimizer' });
    for (const p of e.phases) expect(p.parts.optimizer).toBe(0);
    const on = est({ model: 'llama-2-7b', method: 'lora', offload: 'activations' });
    const saved = blockSavedBytesPerToken(on.arch, on.input) * 2048;
    expect(phaseParts(on, 'forward').activations).toBe(2 * saved + 4 * 4096 * 2048);
  });
  it('warns when the sequence is longer than the model’s context, and still estimates', () => {
    const e = est({ model: 'llama-2-7b', method: 'lora', seq: 8192 });
    expect(e.warnings).toEqual([
      {
        field: 'seq',
        message:
          '8,192 tokens is more than the model’s context length (4,096, max_position_embeddings): it was not trained on sequences this long',
      },
    ]);
    expect(est({ model: 'llama-2-7b', method: 'lora', seq: 4096 }).warnings).toEqual([]);
  });
});

describe('overhead and totals', () => {
  it('overhead = CUDA context + allocator reserve (+ communication buffers)', () => {
    const e = est({ model: 'llama-2-7b', method: 'lora' });
    expect(e.components.overhead).toBeCloseTo(CUDA_CONTEXT_BYTES + e.allocatedBytes * ALLOCATOR_RESERVE_FRACTION, 3);
    const sum = Object.values(e.components).reduce((s, x) => s + x, 0);
    expect(e.perGpuBytes).toBe(sum);
    expect(e.allocatedBytes).toBeCloseTo(e.perGpuBytes - CUDA_CONTEXT_BYTES - e.details.allocatorReserveBytes, 3);
  });

  it('normalizes the input with the documented defaults', () => {
    const e = est({ model: 'llama-2-7b', method: 'lora' });
    expect(e.input).toEqual({
      model: 'llama-2-7b',
      method: 'lora',
      precision: 'mixed-bf16',
      optimizer: 'adamw',
      rank: 8,
      targets: 'qv',
      seq: 2048,
      batch: 1,
      gradCheckpointing: false,
      attention: 'flash',
      gpus: 1,
      sharding: 'none',
      doubleQuant: false,
      ...STEP_DEFAULTS,
    });
    expect(e.presetId).toBe('llama-2-7b');
  });

  it('every preset gives a finite positive estimate for every method', () => {
    for (const m of MODEL_PRESETS) {
      for (const method of ['full', 'lora', 'qlora', 'dora'] as const) {
        const e = est({ model: m.id, method });
        expect(Number.isFinite(e.perGpuBytes)).toBe(true);
        expect(e.perGpuBytes).toBeGreaterThan(0);
      }
    }
  });
});

describe('formatBytes', () => {
  it('labels decimal GB and binary GiB', () => {
    expect(formatBytes(107.8e9, 'GB')).toBe('107.8 GB');
    expect(formatBytes(2 ** 30, 'GiB', 2)).toBe('1.00 GiB');
    expect(formatBytes(1_396_830_000_000, 'GB', 0)).toBe('1,397 GB');
  });
});
