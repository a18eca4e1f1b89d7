// Component formulas: precision, optimizers, ZeRO/FSDP sharding, activations, logits and overhead.
import { describe, expect, it } from 'vitest';
import {
  ALLOCATOR_RESERVE_FRACTION,
  blockSavedBytesPerToken,
  CUDA_CONTEXT_BYTES,
  formatBytes,
  MODEL_PRESETS,
  statesBytes,
  type TrainingInput,
} from '../../../src/lib/memory/index.ts';
import { est } from './fixtures.ts';

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
    const paged = est({ model: 'llama-2-7b', method: 'full', precision: 'pure-bf16', optimizer: 'paged-adamw-8bit' });
    expect(paged.components.optimizer).toBe(e.components.optimizer);
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

  it('LoRA keeps gradients and optimizer state only for the adapters', () => {
    const e = est({ model: 'llama-2-7b', method: 'lora', targets: 'all-linear' });
    expect(e.components.weights).toBe(2 * P7);
    expect(e.components.trainable).toBe(2 * 19_988_480);
    expect(e.components.gradients).toBe(2 * 19_988_480);
    expect(e.components.optimizer).toBe(12 * 19_988_480);
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
    const diff = eager.components.activations - flash.components.activations;
    expect(diff).toBeGreaterThan(scores * 0.97);
    expect(diff).toBeLessThan(scores);
  });

  it('gradient checkpointing keeps one block input per layer plus one block working set', () => {
    const off = est(base);
    const on = est({ ...base, gradCheckpointing: true });
    expect(on.details.blockActivationBytes).toBe((31 * 2 * 4096 + blockSavedBytesPerToken(on.arch, on.input)) * 2048);
    expect(on.components.activations).toBeLessThan(off.components.activations / 5);
  });

  it('QLoRA saves the inputs of its frozen 4-bit layers, so its activations exceed LoRA’s', () => {
    const lora = est({ model: 'llama-3.1-8b', method: 'lora' });
    const qlora = est({ model: 'llama-3.1-8b', method: 'qlora' });
    expect(qlora.components.weights).toBeLessThan(lora.components.weights);
    expect(qlora.components.activations).toBeGreaterThan(lora.components.activations);
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

describe('logits', () => {
  it('are b·s·vocab·12 bytes without chunking (fp32 log-probs, their grad, the logits grad)', () => {
    const e = est({ model: 'llama-3.1-8b', method: 'lora', seq: 4096, batch: 2 });
    expect(e.components.logits).toBe(2 * 4096 * 128_256 * 12);
    expect(e.components.logits / 1e9).toBeGreaterThan(12);
  });
  it('chunked cross-entropy keeps the 16-bit logits and one fp32 chunk', () => {
    const e = est({ model: 'llama-3.1-8b', method: 'lora', seq: 4096, batch: 2, chunkedLoss: true });
    expect(e.components.logits).toBe(2 * 4096 * 128_256 * 2 + (8192 / 8) * 128_256 * 12);
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
      chunkedLoss: false,
      trainer: 'sft',
      reference: 'model',
      klPenalty: false,
      generations: 8,
      completion: 512,
      vllmShare: 0,
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
