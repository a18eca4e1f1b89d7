// The time and cost model: FLOPs per token by method, the GPU table, and the arithmetic from tokens/s to dollars.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultUtilisation,
  estimateTime,
  flopsPerToken,
  GPU_COMPUTE,
  PRICE_LIST,
  type TimeInput,
  UTILISATION_RUNS,
  measuredUtilisation,
} from '../../../src/lib/cost/index.ts';
import { activeParams, findModel, GPU_PRESETS, paramBreakdown } from '../../../src/lib/memory/index.ts';

const llama8b = findModel('llama-3.1-8b')?.arch;
if (!llama8b) throw new Error('preset missing');
const base = { arch: llama8b, rank: 16, targets: 'all-linear' as const, seq: 2048, gradCheckpointing: false };

describe('FLOPs per token', () => {
  it('full fine-tuning is 6N plus 12·L·s·d_attn (N without the embedding lookup)', () => {
    const f = flopsPerToken({ ...base, method: 'full' });
    const b = paramBreakdown(llama8b);
    const n = activeParams(llama8b) - b.embedding;
    expect(f.matmulParams).toBe(n);
    expect(f.model).toBe(6 * n + 12 * 32 * 2048 * 4096);
    expect(f.recompute).toBe(0);
    expect(f.total).toBe(f.model);
  });

  it('LoRA skips the frozen weights’ gradient: 4N + 6·adapter weights + attention', () => {
    const f = flopsPerToken({ ...base, method: 'lora' });
    const full = flopsPerToken({ ...base, method: 'full' });
    // r·(d_in + d_out) per adapted linear: q, k, v, o, gate, up, down of 32 blocks
    const perBlock = 16 * (4096 + 4096 + (4096 + 1024) * 2 + (4096 + 4096) + (4096 + 14336) * 2 + (14336 + 4096));
    expect(f.adapterParams).toBe(32 * perBlock);
    expect(f.model).toBe(4 * f.matmulParams + 6 * f.adapterParams + 12 * 32 * 2048 * 4096);
    expect(f.model).toBeLessThan(full.model);
    // QLoRA and DoRA count the same matmuls (dequantization shows in their measured utilisation)
    expect(flopsPerToken({ ...base, method: 'qlora' }).model).toBe(f.model);
  });

  it('checkpointing adds one forward pass of the blocks (not of the output head)', () => {
    const f = flopsPerToken({ ...base, method: 'lora', gradCheckpointing: true });
    expect(f.recompute).toBe(f.forward - 2 * 128256 * 4096);
    expect(f.total).toBe(f.model + f.recompute);
  });

  it('a tied output head is still a matmul; a mixture of experts counts its active experts', () => {
    const gemma = findModel('gemma-2-2b')?.arch;
    if (!gemma) throw new Error('preset missing');
    const b = paramBreakdown(gemma);
    expect(flopsPerToken({ ...base, arch: gemma, method: 'full' }).matmulParams).toBe(
      activeParams(gemma) - b.embedding - b.positions + b.embedding,
    );
    const moe = findModel('mixtral-8x7b')?.arch;
    if (!moe) throw new Error('preset missing');
    const f = flopsPerToken({ ...base, arch: moe, method: 'full' });
    expect(f.matmulParams).toBeLessThan(paramBreakdown(moe).total / 3);
  });

  it('grows with the sequence length (attention) and never falls', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 100_000 }), (a, b) => {
        const [s, t] = a <= b ? [a, b] : [b, a];
        expect(flopsPerToken({ ...base, method: 'lora', seq: s }).total).toBeLessThanOrEqual(
          flopsPerToken({ ...base, method: 'lora', seq: t }).total,
        );
      }),
    );
  });
});

describe('GPU table', () => {
  it('has an entry for every GPU preset; a sparse figure is halved; prices are the list’s per-second rate × 3600', () => {
    expect(Object.keys(GPU_COMPUTE).sort()).toEqual(GPU_PRESETS.map((g) => g.id).sort());
    for (const [id, g] of Object.entries(GPU_COMPUTE)) {
      expect(g.peakFlops, id).toBe((g.peak.sparse ? g.peak.stated / 2 : g.peak.stated) * 1e12);
      if (g.peakFlops > 0) expect(g.peak.says, id).toContain(g.peak.stated.toLocaleString('en-US'));
      if (g.usdPerHour === null) expect(g.price, id).toMatch(/not on the price list/);
      else {
        const perSecond = Number(/\$([\d.]+) per second/.exec(g.price)?.[1]);
        expect(g.usdPerHour, id).toBeCloseTo(perSecond * 3600, 6);
      }
    }
    expect(GPU_COMPUTE['a100-80gb']?.peakFlops).toBe(312e12);
    expect(GPU_COMPUTE['h100-80gb']?.peakFlops).toBe(989.5e12);
    expect(GPU_COMPUTE['rtx-4090']?.peakFlops).toBe(165.2e12);
    expect(PRICE_LIST.read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('utilisation defaults', () => {
  it('are the measured utilisation of one published run per method; DoRA takes LoRA’s', () => {
    expect(defaultUtilisation('lora')).toBeCloseTo(0.474, 3);
    expect(defaultUtilisation('qlora')).toBeCloseTo(0.352, 3);
    expect(defaultUtilisation('full')).toBeCloseTo(0.337, 3);
    expect(defaultUtilisation('dora')).toBe(defaultUtilisation('lora'));
    expect(defaultUtilisation('lora')).toBe(measuredUtilisation(UTILISATION_RUNS.lora));
  });
});

const input = (over: Partial<TimeInput> = {}): TimeInput => ({
  ...base,
  method: 'lora',
  gpus: 1,
  gpu: 'a100-80gb',
  datasetTokens: 10_000_000,
  epochs: 3,
  utilisation: null,
  usdPerHour: null,
  ...over,
});
const ok = (x: TimeInput) => {
  const r = estimateTime(x);
  if (!r.ok) throw new Error(r.message);
  return r.estimate;
};

describe('time and cost', () => {
  it('tokens/s = utilisation × peak ÷ FLOPs per token; time and cost follow', () => {
    const e = ok(input({ utilisation: 0.5, usdPerHour: 2 }));
    const f = flopsPerToken({ ...base, method: 'lora' });
    expect(e.tokensPerSecondPerGpu).toBeCloseTo((0.5 * 312e12) / f.total, 6);
    expect(e.secondsPerEpoch).toBeCloseTo(10_000_000 / e.tokensPerSecond, 6);
    expect(e.seconds).toBeCloseTo(3 * e.secondsPerEpoch, 6);
    expect(e.costUsd).toBeCloseTo((e.seconds / 3600) * 2, 6);
  });

  it('takes the listed price when none is given, and has none for a GPU off the list', () => {
    expect(ok(input()).usdPerHour).toBe(GPU_COMPUTE['a100-80gb']?.usdPerHour);
    expect(ok(input()).priceGiven).toBe(false);
    const e = ok(input({ gpu: 'a100-40gb' }));
    expect(e.usdPerHour).toBeNull();
    expect(e.costUsd).toBeNull();
  });

  it('refuses a GPU without a published peak and a utilisation outside (0, 1]', () => {
    expect(estimateTime(input({ gpu: 'a10g' }))).toEqual({
      ok: false,
      message: 'no published peak throughput for the GPU "a10g"',
    });
    expect(estimateTime(input({ utilisation: 1.5 }))).toEqual({
      ok: false,
      message: 'utilisation must be above 0 and at most 1 (got 1.5)',
    });
  });

  it('properties: time grows with tokens and epochs, falls with GPUs; cost = GPU-hours × price', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.integer({ min: 1, max: 1e9 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 64 }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (t1, t2, epochs, gpus, price, u) => {
          const [a, b] = t1 <= t2 ? [t1, t2] : [t2, t1];
          const x = ok(input({ datasetTokens: a, epochs, gpus, usdPerHour: price, utilisation: u }));
          const y = ok(input({ datasetTokens: b, epochs, gpus, usdPerHour: price, utilisation: u }));
          expect(x.seconds).toBeLessThanOrEqual(y.seconds);
          expect(x.costUsd ?? 0).toBeCloseTo((x.seconds / 3600) * gpus * price, 6);
          expect(x.gpuHours).toBeCloseTo((x.seconds / 3600) * gpus, 9);
          const more = ok(input({ datasetTokens: a, epochs: epochs + 1, gpus, usdPerHour: price, utilisation: u }));
          expect(more.seconds).toBeGreaterThan(x.seconds);
          const wider = ok(input({ datasetTokens: a, epochs, gpus: gpus + 1, usdPerHour: price, utilisation: u }));
          expect(wider.seconds).toBeLessThan(x.seconds);
          // data parallelism (communication not modelled) keeps the GPU-hours and the cost
          expect(wider.costUsd ?? 0).toBeCloseTo(x.costUsd ?? 0, 6);
        },
      ),
    );
  });
});

describe('the time and cost settings in the URL state and the model input', () => {
  it('are read as training inputs, written back, defaulted and range-checked by the model', async () => {
    const { decodeState, encodeState, estimateMemory } = await import('../../../src/lib/memory/index.ts');
    const q = 'model=llama-3.1-8b&method=lora&tokens=1000&epochs=2&price-cents=250&mfu=40';
    const r = decodeState(q);
    expect(r.errors).toEqual([]);
    expect(r.state.input).toMatchObject({ tokens: 1000, epochs: 2, priceCents: 250, mfu: 40 });
    expect(encodeState(r.state)).toBe(q);
    const e = estimateMemory({ model: 'llama-3.1-8b', method: 'lora' });
    expect(e.ok && e.estimate.input).toMatchObject({ tokens: 0, epochs: 3, priceCents: 0, mfu: 0 });
    const bad = estimateMemory({ model: 'llama-3.1-8b', method: 'lora', mfu: 101, epochs: 0, priceCents: 2.5 });
    expect(bad.ok ? [] : bad.errors).toEqual([
      { field: 'epochs', message: 'must be a whole number from 1 to 1,000 (got 0)' },
      { field: 'priceCents', message: 'must be a whole number from 0 to 10,000,000 (got 2.5)' },
      { field: 'mfu', message: 'must be a whole number from 0 to 100 (got 101)' },
    ]);
  });
});
