import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findGpu, MODEL_PRESETS, type TrainingInput } from '../../../src/lib/memory/index.ts';
import { batchSamples, CLIP, seqSamples, sweepMemory } from '../../../src/lib/memory/sweep.ts';
import { est } from './fixtures.ts';

describe('sweep samples', () => {
  it('takes the powers of two from 256 to the context length', () => {
    expect(seqSamples(2048, 131_072)).toEqual([256, 512, 1024, 2048, 4096, 8192, 16_384, 32_768, 65_536, 131_072]);
  });

  it('adds the current value where it falls, also past the end or below the start', () => {
    expect(seqSamples(3000, 4096)).toEqual([256, 512, 1024, 2048, 3000, 4096]);
    expect(seqSamples(10_000, 4096)).toEqual([256, 512, 1024, 2048, 4096, 10_000]);
    expect(seqSamples(100, 1024)).toEqual([100, 256, 512, 1024]);
  });

  it('covers 1..8 micro-batches at least, twice the current one, and reaches where the run stops fitting', () => {
    expect(batchSamples(1)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(batchSamples(6)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(batchSamples(1, 20)).toEqual([1, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    // at most 16 steps however far: 1..80 in steps of 5, and the current value
    expect(batchSamples(40)).toEqual([1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80]);
    expect(batchSamples(1, 1000).at(-1)).toBe(64);
  });
});

describe('sweepMemory', () => {
  const input: TrainingInput = { model: 'llama-3.1-8b', method: 'qlora' };

  it('gives the estimate of each sequence length, the current one among them, and the GPU line', () => {
    const s = sweepMemory(input, 'seq', 'rtx-4090');
    expect(s).not.toBeNull();
    if (!s) return;
    const limit = findGpu('rtx-4090')?.usableBytes ?? 0;
    // the samples up to the first one past twice the GPU (a 128K-token step needs about 30 RTX 4090s)
    expect(s.points.map((p) => p.x)).toEqual([256, 512, 1024, 2048, 4096, 8192, 16_384]);
    expect(s.points.at(-1)?.bytes).toBeGreaterThan(CLIP * limit);
    expect(s.points.at(-2)?.bytes).toBeLessThanOrEqual(CLIP * limit);
    expect(est({ ...input, seq: 131_072 }).perGpuBytes).toBeGreaterThan(25 * limit);
    for (const p of s.points) expect(p.bytes).toBe(est({ ...input, seq: p.x }).perGpuBytes);
    expect(s.current).toEqual({ x: 2048, bytes: est(input).perGpuBytes });
    expect(s.points).toContainEqual(s.current);
    expect(s.limit).toBe(findGpu('rtx-4090')?.usableBytes);
    expect(s.contextLength).toBe(131_072);
  });

  it('sweeps the micro-batch with the rest unchanged, and no GPU line without a GPU', () => {
    const s = sweepMemory({ ...input, batch: 3 }, 'batch', null);
    // without a GPU the clip is twice the current peak
    const xs = s?.points.map((p) => p.x) ?? [];
    expect(xs).toEqual(batchSamples(3).slice(0, xs.length));
    expect(xs.length).toBeGreaterThanOrEqual(4);
    expect(s?.points.at(-1)?.bytes).toBeGreaterThan(CLIP * (s?.current.bytes ?? 0));
    expect(s?.points[0]?.bytes).toBe(est({ ...input, batch: 1 }).perGpuBytes);
    expect(s?.current.bytes).toBe(est({ ...input, batch: 3 }).perGpuBytes);
    expect(s?.limit).toBeNull();
  });

  it('leaves a colocated vLLM engine its share of the GPU, as the fit check does', () => {
    const grpo = { ...input, trainer: 'grpo', vllmShare: 30 } as TrainingInput;
    const usable = findGpu('h100-80gb')?.usableBytes ?? 0;
    const s = sweepMemory(grpo, 'seq', 'h100-80gb');
    expect(s?.limit).toBeCloseTo(usable * 0.7, 0);
    expect(s?.vllmShare).toBe(0.3);
    expect(sweepMemory(input, 'seq', 'h100-80gb')?.vllmShare).toBe(0);
  });

  it('has no series for an input without an estimate', () => {
    expect(sweepMemory({ ...input, seq: 0 }, 'seq', 'rtx-4090')).toBeNull();
  });

  it('is non-decreasing in the sequence length and in the micro-batch, with the current point on the series', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...MODEL_PRESETS.map((m) => m.id)),
        fc.constantFrom('full' as const, 'lora' as const, 'qlora' as const, 'dora' as const),
        fc.boolean(),
        fc.constantFrom('flash' as const, 'eager' as const),
        fc.integer({ min: 1, max: 40_000 }),
        fc.integer({ min: 1, max: 24 }),
        fc.constantFrom<'seq' | 'batch'>('seq', 'batch'),
        (model, method, gradCheckpointing, attention, seq, batch, param) => {
          const i: TrainingInput = { model, method, gradCheckpointing, attention, seq, batch };
          const s = sweepMemory(i, param, 'h100-80gb', 30);
          if (!s) return;
          const xs = s.points.map((p) => p.x);
          expect(xs).toEqual([...xs].sort((a, b) => a - b));
          expect(new Set(xs).size).toBe(xs.length);
          for (let k = 1; k < s.points.length; k++)
            expect(s.points[k]?.bytes).toBeGreaterThanOrEqual(s.points[k - 1]?.bytes as number);
          expect(s.points).toContainEqual(s.current);
          expect(s.current.bytes).toBe(est(i).perGpuBytes);
          // only the last point may be past the clip, unless the current one is
          const clip = CLIP * Math.max(s.limit ?? 0, s.current.bytes);
          for (const p of s.points.slice(0, -1)) if (p.x > s.current.x) expect(p.bytes).toBeLessThanOrEqual(clip);
        },
      ),
      { numRuns: 40 },
    );
  });
});
