// Published memory figures reproduced by the model, each with its stated tolerance and the settings we assumed
// (see src/lib/memory/published.ts). The signed errors are shown on /about/memory/.
import { describe, expect, it } from 'vitest';
import {
  compareFigure,
  fitsGpu,
  GPU_PRESETS,
  PUBLISHED_FIGURES,
  QLORA_65B_INPUT,
  statesBytes,
} from '../../../src/lib/memory/index.ts';
import { est, GPT3_175B } from './fixtures.ts';

const GB = 1e9;
const byId = (id: string) => {
  const f = PUBLISHED_FIGURES.find((x) => x.id === id);
  if (!f) throw new Error(id);
  return compareFigure(f);
};

describe('published figures, each within its stated tolerance', () => {
  it.each(PUBLISHED_FIGURES.map((f) => [f.label, f] as const))('%s', (_label, figure) => {
    const c = compareFigure(figure);
    expect(Math.abs(c.error)).toBeLessThan(figure.tolerance);
  });
});

describe('LitGPT resource tables (A100 40GB, torch.cuda.max_memory_allocated)', () => {
  it('every run fits the 40 GB A100 it ran on', () => {
    for (const f of PUBLISHED_FIGURES.filter((x) => x.id.startsWith('litgpt-'))) {
      expect(fitsGpu(compareFigure(f).estimate, 'a100-40gb')).toBe(true);
    }
  });

  it('reproduces the differences between rows: double quantization saves 0.30 GB on 7B and 0.59 GB on 13B', () => {
    const nf4 = byId('litgpt-7b-nf4').oursGB;
    const dq = byId('litgpt-7b-nf4-dq').oursGB;
    expect(nf4 - dq).toBeCloseTo(14.14 - 13.84, 1);
    const dq13 = byId('litgpt-13b-nf4-dq').estimate;
    const nf413 = est({ ...dq13.input, doubleQuant: false });
    expect((nf413.allocatedBytes - dq13.allocatedBytes) / GB).toBeCloseTo(23.14 - 22.55, 1);
  });

  it('LoRA → NF4 saves less than the weights alone (LitGPT: 7.16 GB), since 4-bit layers keep their inputs', () => {
    const lora = byId('litgpt-7b-lora');
    const nf4 = byId('litgpt-7b-nf4');
    const saved = lora.oursGB - nf4.oursGB;
    const weightSaving = (lora.estimate.components.weights - nf4.estimate.components.weights) / GB;
    expect(weightSaving).toBeGreaterThan(9);
    expect(saved).toBeLessThan(weightSaving - 1);
    expect(Math.abs(saved - 7.16) / 7.16).toBeLessThan(0.15);
  });
});

describe('QLoRA paper (arXiv 2305.14314): a 65B model fine-tunes on one 48 GB GPU', () => {
  // qlora.py's optimizer is paged AdamW with 32-bit states (8 bytes/param); pure-bf16 AdamW keeps bf16 states
  // (4 bytes/param), so we also require headroom for the difference. The 48 GB card is an RTX A6000 (49,140 MiB).
  it('fits an A6000, with room for 32-bit optimizer states', () => {
    const e = est(QLORA_65B_INPUT);
    const a6000 = GPU_PRESETS.find((g) => g.id === 'a6000');
    expect(fitsGpu(e, 'a6000')).toBe(true);
    expect(e.perGpuBytes + e.params.trainable * 4).toBeLessThan(a6000?.usableBytes ?? 0);
  });
  it('16-bit LoRA on the same model needs far more than 48 GB', () => {
    const e = est({ ...QLORA_65B_INPUT, method: 'lora' });
    expect(e.components.weights / GB).toBeGreaterThan(130);
    expect(fitsGpu(e, 'a6000')).toBe(false);
  });
});

describe('the 56 GB claim and ZeRO’s 16 bytes/param', () => {
  it('pure bf16 + AdamW is 8 bytes/param: exactly 56 GB at 7e9 parameters, 53.9 GB for Llama-2-7B', () => {
    const e = byId('seed-7b-pure-bf16').estimate;
    const perParam = statesBytes(e) / e.params.total;
    expect(perParam).toBe(8);
    expect((perParam * 7e9) / GB).toBe(56);
    expect(statesBytes(e) / GB).toBeCloseTo(53.91, 2);
  });
  it('mixed-precision AdamW is 16 bytes/param (ZeRO K = 12): 107.8 GB for Llama-2-7B', () => {
    const e = est({ model: 'llama-2-7b', method: 'full' });
    expect(statesBytes(e) / e.params.total).toBe(16);
    expect(statesBytes(e) / GB).toBeCloseTo(107.81, 2);
  });
});

describe('LoRA paper (arXiv 2106.09685 §4.2)', () => {
  it('the reduction from full fine-tuning to LoRA is at least 2/3 of the model states', () => {
    const full = byId('lora-gpt3-full').oursGB;
    const lora = byId('lora-gpt3-lora').oursGB;
    expect(1 - lora / full).toBeGreaterThan(2 / 3);
    expect(est({ model: GPT3_175B, method: 'lora', rank: 4 }).params.trainable).toBe(18_874_368);
  });
});
