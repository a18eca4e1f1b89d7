// The calculator's charts: the per-GPU peak at other sequence lengths and micro-batches, everything else unchanged.
// Each point is one estimateMemory call (the same estimate the calculator shows), so a chart can never disagree with
// the total; the current value is always one of the samples, so the marked point lies on the curve.
import { estimateMemory } from './estimate.ts';
import { LIMITS } from './parameters.ts';
import { findGpu } from './presets.ts';
import type { TrainingInput } from './types.ts';

export type SweepParam = 'seq' | 'batch';

export interface SweepPoint {
  /** the swept value: tokens per sequence or sequences per micro-batch */
  x: number;
  /** the per-GPU peak (the calculator's total) */
  bytes: number;
}

export interface Sweep {
  param: SweepParam;
  points: SweepPoint[];
  /** the input's own value and peak (one of `points`) */
  current: SweepPoint;
  /** the chosen GPU's usable memory less a colocated vLLM engine's share (the calculator bar's line); null without a
   *  GPU */
  limit: number | null;
  /** the share of the GPU a colocated vLLM engine takes (0 without one) */
  vllmShare: number;
  /** the model's context length (max_position_embeddings), 0 when the architecture does not say */
  contextLength: number;
}

/** The shortest sequence a chart starts at: shorter ones change little but the activations. */
export const SEQ_FROM = 256;
/** Without a context length the sequence chart ends here (or at the current value when longer): 32,768 tokens. */
export const SEQ_TO_DEFAULT = 2 ** 15;
/** The micro-batch chart shows at least 1..8, and at most this many samples however long its range. */
export const BATCH_AT_LEAST = 8;
export const BATCH_SAMPLES = 16;
/** The micro-batch chart reaches no further than this to show where the run stops fitting. */
export const BATCH_REACH = 64;
/** A series ends at its first sample past this many times the GPU's memory (or the current peak, if larger): the
 *  128K-token end of a sequence sweep can need 30 times a GPU, and a y axis that tall flattens the part that matters,
 *  where the curve crosses the GPU line. */
export const CLIP = 2;

const uniqueSorted = (xs: number[]): number[] => [...new Set(xs)].sort((a, b) => a - b);

/** Powers of two from 256 to `to` (the context length), and the current value wherever it is. */
export function seqSamples(current: number, to: number): number[] {
  const end = Math.min(LIMITS.seq.max, Math.max(to, SEQ_FROM));
  const xs: number[] = [];
  for (let s = SEQ_FROM; s <= end; s *= 2) xs.push(s);
  return uniqueSorted([...xs, current]);
}

/** 1..N on a linear axis, N covering twice the current value and `reach` (where the run stops fitting), in at most
 *  BATCH_SAMPLES even steps, and the current value. */
export function batchSamples(current: number, reach = 0): number[] {
  const n = Math.min(LIMITS.batch.max, Math.max(BATCH_AT_LEAST, 2 * current, Math.min(reach, BATCH_REACH)));
  const step = Math.ceil(n / BATCH_SAMPLES);
  const xs = [1];
  for (let b = step; b <= n; b += step) xs.push(b);
  return uniqueSorted([...xs, current]);
}

/** The peak per GPU across `param`, or null when the input itself has no estimate. `reach` extends the micro-batch
 *  range (e.g. to the largest micro-batch that fits, plus one). */
export function sweepMemory(input: TrainingInput, param: SweepParam, gpuId: string | null, reach = 0): Sweep | null {
  const base = estimateMemory(input);
  if (!base.ok) return null;
  const e = base.estimate;
  const current = { x: e.input[param], bytes: e.perGpuBytes };
  const ctx = e.arch.contextLength;
  const xs =
    param === 'seq'
      ? seqSamples(current.x, ctx || Math.max(SEQ_TO_DEFAULT, current.x))
      : batchSamples(current.x, reach);
  const gpu = gpuId ? findGpu(gpuId) : undefined;
  // A colocated vLLM engine takes its share of the GPU first (post-training.ts requiredBytes).
  const limit = gpu ? gpu.usableBytes * (1 - (e.postTraining?.gpuShare ?? 0)) : null;
  const clip = CLIP * Math.max(limit ?? 0, current.bytes);
  const points: SweepPoint[] = [];
  for (const x of xs) {
    const p = x === current.x ? current : estimateMemory({ ...input, [param]: x });
    const point = 'x' in p ? p : p.ok ? { x, bytes: p.estimate.perGpuBytes } : null;
    if (!point) continue;
    points.push(point);
    // past the clip and past the current value: the rest is off the chart
    if (point.bytes > clip && x >= current.x) break;
  }
  return { param, points, current, limit, vllmShare: e.postTraining?.gpuShare ?? 0, contextLength: ctx };
}
