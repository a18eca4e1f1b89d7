// The calculator's time and cost view (src/lib/cost/view.ts): exact figures for one state, the assumptions it names,
// what 0 stands for in the price and utilisation fields, the DPO family's extra forward passes, and no time while an
// input is invalid or for a trainer that generates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultUtilisation,
  flopsPerToken,
  GPU_COMPUTE,
  PRICE_LIST,
  UTILISATION_RUNS,
} from '../../../src/lib/cost/index.ts';
import { type TimeView, timeView } from '../../../src/lib/cost/view.ts';
import { findModel } from '../../../src/lib/memory/index.ts';

const llama8b = findModel('llama-3.1-8b')?.arch;
if (!llama8b) throw new Error('preset missing');
const RUN = { model: 'llama-3.1-8b', method: 'qlora', gpu: 'a100-80gb', tokens: '51200000' };
const ok = (v: TimeView) => {
  if (!v.time?.ok) throw new Error(`no time: ${JSON.stringify(v.time)}`);
  return v.time;
};

describe('timeView', () => {
  it('Llama-3.1 8B QLoRA on an A100 80GB, 51.2M tokens × 3 epochs: the figures, exactly', () => {
    const t = ok(timeView(RUN));
    const x = t.estimate;
    // 2N + 2A + 4·L·s·d forward, 2N + 4A + 8·L·s·d backward: N = 7,504,924,672, A = 3,407,872 (r=8 on q and v)
    expect(x.flops.total).toBe(33_261_371_392);
    expect(x.flops.attention).toBe(12 * 32 * 2048 * 4096);
    expect(x.flops.weights + x.flops.attention).toBe(x.flops.model);
    expect(x.flops.noGrad).toBe(0);
    const u = defaultUtilisation('qlora');
    expect(x.utilisation).toBe(u);
    expect(x.tokensPerSecondPerGpu).toBeCloseTo((u * 312e12) / 33_261_371_392, 9);
    expect(x.seconds).toBeCloseTo((3 * 51_200_000) / x.tokensPerSecondPerGpu, 6);
    expect(Math.round(x.tokensPerSecondPerGpu)).toBe(3302);
    expect(x.usdPerHour).toBe(2.736);
    expect(x.costUsd).toBeCloseTo((x.seconds / 3600) * 2.736, 9);
    expect(t.epochs).toBe(3);
    expect(timeView(RUN).summary).toBe('12.9 h · $35.35');
  });

  it('names the sources of its defaults: the measured run and the price list with its date', () => {
    const t = ok(timeView(RUN));
    expect(t.utilisationFrom).toEqual({ label: UTILISATION_RUNS.qlora.label, url: UTILISATION_RUNS.qlora.source.url });
    expect(t.priceFrom).toEqual({
      label: PRICE_LIST.title,
      url: PRICE_LIST.url,
      read: PRICE_LIST.read,
      says: GPU_COMPUTE['a100-80gb']?.price,
    });
    // given values are the reader's: no source claimed
    const mine = ok(timeView({ ...RUN, mfu: '40', 'price-cents': '199' }));
    expect(mine.utilisationFrom).toBeNull();
    expect(mine.priceFrom).toBeNull();
    expect(mine.estimate.utilisation).toBe(0.4);
    expect(timeView({ ...RUN, mfu: '40', 'price-cents': '199' }).summary).toBe('11.4 h · $22.63');
  });

  it('says what 0 stands for in the price and utilisation fields, for the chosen GPU and method', () => {
    expect(timeView(RUN).hints).toEqual({
      'example-tokens': 'Mean tokens per example: prompt and completion together, or 2,048 when padded.',
      tokens:
        'Dataset tokens: examples × their mean length after packing, or examples × 2,048 when padded; 0 = examples × mean tokens per example, no time estimate when those are 0 too.',
      'price-cents': `Price (¢/GPU-hour): 0 = the listed $2.74 per GPU-hour (Runpod Serverless, read ${PRICE_LIST.read}).`,
      mfu: 'Utilisation (MFU, %): 0 = QLoRA’s default, 35.2%, measured on Qwen-7B Q-LoRA, seq 2048.',
    });
    expect(timeView({ ...RUN, trainer: 'dpo', seq: '1024' }).hints.tokens).toBe(
      'Dataset tokens: pairs × the mean length of a chosen plus a rejected sequence after packing, or pairs × 2 × 1,024 when padded; 0 = examples × mean tokens per example, no time estimate when those are 0 too.',
    );
    expect(timeView({ ...RUN, seq: 'abc' }).hints.tokens).toContain('or examples × the sequence length when padded');
    expect(timeView({ ...RUN, method: 'dora', gpu: 'none' }).hints).toEqual({
      'example-tokens': 'Mean tokens per example: prompt and completion together, or 2,048 when padded.',
      tokens:
        'Dataset tokens: examples × their mean length after packing, or examples × 2,048 when padded; 0 = examples × mean tokens per example, no time estimate when those are 0 too.',
      'price-cents': 'Price (¢/GPU-hour): 0 = the GPU’s listed price (choose a GPU).',
      mfu: `Utilisation (MFU, %): 0 = DoRA’s default, ${(defaultUtilisation('lora') * 100).toFixed(1)}%, measured on Qwen-7B LoRA, seq 2048.`,
    });
    expect(timeView({ ...RUN, gpu: 'a10g' }).hints['price-cents']).toBe(
      'Price (¢/GPU-hour): 0 = no price (not on the price list: type your own price).',
    );
  });

  it('counts the dataset as examples × their mean tokens when no token count is given; a count wins', () => {
    const { tokens: _, ...noTokens } = RUN;
    const t = ok(timeView({ ...noTokens, examples: '25000', 'example-tokens': '2048' }));
    expect(t.datasetTokens).toBe(51_200_000);
    expect(t.fromExamples).toEqual({ examples: 25_000, exampleTokens: 2048 });
    // The same run as 51.2M tokens given directly: the same time, to the second.
    expect(t.estimate.seconds).toBeCloseTo(ok(timeView(RUN)).estimate.seconds, 6);
    // Past the nine digits one field holds: 5M examples × 2,000 tokens = 10B tokens.
    expect(ok(timeView({ ...noTokens, examples: '5000000', 'example-tokens': '2000' })).datasetTokens).toBe(1e10);
    const both = ok(timeView({ ...RUN, examples: '10', 'example-tokens': '10' }));
    expect(both.datasetTokens).toBe(51_200_000);
    expect(both.fromExamples).toBeNull();
    expect(timeView({ ...noTokens, examples: '25000' }).time).toBeNull();
    expect(timeView({ ...noTokens, 'example-tokens': '2048' }).time).toBeNull();
  });

  it('has no time without a dataset size, or while an input is invalid; hints stay', () => {
    const none = timeView({ ...RUN, tokens: '0' });
    expect(none.time).toBeNull();
    expect(none.summary).toBeNull();
    for (const bad of [{ mfu: '150' }, { tokens: '-1' }, { epochs: '0' }, { seq: 'abc' }] as Record<string, string>[]) {
      const v = timeView({ ...RUN, ...bad });
      expect(v.time, JSON.stringify(bad)).toBeNull();
      expect(v.summary).toBeNull();
      expect(Object.keys(v.hints)).toEqual(['example-tokens', 'tokens', 'price-cents', 'mfu']);
    }
  });

  it('says why there is no time: no GPU, no published peak, a trainer that generates', () => {
    expect(timeView({ ...RUN, gpu: 'none' }).time).toEqual({
      ok: false,
      message: 'choose a GPU for the time estimate',
    });
    expect(timeView({ ...RUN, gpu: 'a10g' }).time).toEqual({
      ok: false,
      message: 'no published peak throughput for the GPU "a10g"',
    });
    for (const [trainer, name] of [
      ['grpo', 'GRPO'],
      ['ppo', 'PPO'],
    ] as const) {
      expect(timeView({ ...RUN, trainer }).time).toEqual({
        ok: false,
        message: `the time estimate does not cover ${name}: its steps generate completions token by token, at a speed set by the decoding engine (generate or vLLM), not by the FLOPs counted here`,
      });
    }
  });

  it('a GPU without a listed price has a time and no cost', () => {
    const v = timeView({ ...RUN, gpu: 't4' });
    expect(ok(v).estimate.costUsd).toBeNull();
    expect(v.summary).toBe('2.6 days');
  });
});

describe('the DPO family', () => {
  const forward = (method: 'full' | 'qlora') =>
    flopsPerToken({ arch: llama8b, method, rank: 8, targets: 'qv', seq: 2048, gradCheckpointing: false });

  it('DPO adds the reference forward (the frozen base, adapters off) unless its log-probs are precomputed', () => {
    const sft = ok(timeView(RUN)).estimate;
    const dpo = ok(timeView({ ...RUN, trainer: 'dpo' })).estimate;
    const f = forward('qlora');
    expect(dpo.flops.noGrad).toBe(2 * f.matmulParams + f.attentionForward);
    expect(dpo.flops.total).toBe(sft.flops.total + dpo.flops.noGrad);
    expect(dpo.seconds / sft.seconds).toBeCloseTo(dpo.flops.total / sft.flops.total, 12);
    const pre = ok(timeView({ ...RUN, trainer: 'dpo', reference: 'precomputed' })).estimate;
    expect(pre.flops.total).toBe(sft.flops.total);
  });

  it('ORPO and SimPO have no reference; KTO adds the KL completions through the policy and the reference twice', () => {
    const sft = ok(timeView(RUN)).estimate.flops;
    for (const trainer of ['orpo', 'simpo']) expect(ok(timeView({ ...RUN, trainer })).estimate.flops).toEqual(sft);
    const f = forward('qlora');
    const kto = ok(timeView({ ...RUN, trainer: 'kto' })).estimate.flops;
    expect(kto.noGrad).toBe(f.forward + 2 * (2 * f.matmulParams + f.attentionForward));
    const ktoPre = ok(timeView({ ...RUN, trainer: 'kto', reference: 'precomputed' })).estimate.flops;
    expect(ktoPre.noGrad).toBe(f.forward);
  });

  it('property: time is linear in tokens and epochs, cost is GPU-hours × price, for every covered trainer', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('sft', 'dpo', 'orpo', 'simpo', 'kto'),
        fc.constantFrom('full', 'lora', 'qlora', 'dora'),
        fc.integer({ min: 1, max: 999_999_999 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 8 }),
        (trainer, method, tokens, epochs, gpus) => {
          const q = { ...RUN, trainer, method, gpus: String(gpus) };
          const one = ok(timeView({ ...q, tokens: '1', epochs: '1' })).estimate;
          const x = ok(timeView({ ...q, tokens: String(tokens), epochs: String(epochs) })).estimate;
          expect(x.seconds / (one.seconds * tokens * epochs)).toBeCloseTo(1, 9);
          expect(x.gpuHours).toBeCloseTo((x.seconds / 3600) * gpus, 6);
          expect((x.costUsd ?? 0) / (x.gpuHours * 2.736)).toBeCloseTo(1, 9);
          expect(x.flops.total).toBeGreaterThanOrEqual(x.flops.model);
        },
      ),
      { numRuns: 60 },
    );
  });
});
