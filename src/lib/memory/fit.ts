// Fit checks against GPU presets and the searches for the largest micro-batch and the longest sequence.
import { estimateMemory } from './estimate.ts';
import { requiredBytes } from './post-training.ts';
import { findGpu, GPU_PRESETS } from './presets.ts';
import { type Estimate, type GpuPreset, MemoryInputError, type TrainingInput } from './types.ts';
import { LIMITS } from './parameters.ts';

function gpuOrThrow(gpuId: string): GpuPreset {
  const gpu = findGpu(gpuId);
  if (!gpu) {
    throw new MemoryInputError([
      { field: 'gpu', message: `unknown GPU "${gpuId}"; use one of ${GPU_PRESETS.map((g) => g.id).join(', ')}` },
    ]);
  }
  return gpu;
}

/** True when the per-GPU peak (including CUDA context and allocator reserve, and a colocated vLLM engine's share)
 *  fits the driver-reported memory. */
export function fitsGpu(estimate: Estimate, gpuId: string): boolean {
  const usable = gpuOrThrow(gpuId).usableBytes;
  return requiredBytes(estimate, usable) <= usable;
}

export interface GpuFit {
  gpu: GpuPreset;
  fits: boolean;
  /** usable minus needed (negative when it does not fit) */
  headroomBytes: number;
}

/** Every GPU preset with fit / no-fit for this estimate. */
export function gpuFitTable(estimate: Estimate): GpuFit[] {
  return GPU_PRESETS.map((gpu) => ({
    gpu,
    fits: requiredBytes(estimate, gpu.usableBytes) <= gpu.usableBytes,
    headroomBytes: gpu.usableBytes - requiredBytes(estimate, gpu.usableBytes),
  }));
}

/** What the run needs on a GPU of `usable` bytes (its peak plus a colocated vLLM share). */
function needed(input: TrainingInput, usable: number): number {
  const r = estimateMemory(input);
  if (!r.ok) throw new MemoryInputError(r.errors);
  return requiredBytes(r.estimate, usable);
}

/** Largest n in [lo, hi] with ok(n), given ok is monotone (true up to some n, then false); lo - 1 when none. */
function largest(lo: number, hi: number, ok: (n: number) => boolean): number {
  if (!ok(lo)) return lo - 1;
  let good = lo;
  let bad = hi + 1;
  // exponential probe (cheap for the usual small answers), then bisection
  while (good < hi) {
    const probe = Math.min(hi, good * 2);
    if (ok(probe)) {
      good = probe;
    } else {
      bad = probe;
      break;
    }
  }
  while (bad - good > 1) {
    const mid = Math.floor((good + bad) / 2);
    if (ok(mid)) good = mid;
    else bad = mid;
  }
  return good;
}

/** Largest micro-batch that fits the GPU with the other settings unchanged; 0 if even 1 does not fit.
 *  Throws MemoryInputError for invalid input or an unknown GPU. */
export function maxMicroBatch(input: TrainingInput, gpuId: string): number {
  const usable = gpuOrThrow(gpuId).usableBytes;
  needed(input, usable); // validate once
  return Math.max(
    0,
    largest(1, LIMITS.batch.max, (b) => needed({ ...input, batch: b }, usable) <= usable),
  );
}

/** Longest sequence (tokens) that fits, capped at the model's context length when it has one; 0 if none fits.
 *  Throws MemoryInputError for invalid input or an unknown GPU. */
export function maxSequence(input: TrainingInput, gpuId: string): number {
  const usable = gpuOrThrow(gpuId).usableBytes;
  const r = estimateMemory(input);
  if (!r.ok) throw new MemoryInputError(r.errors);
  // contextLength 0: the architecture does not say (resolveArchitecture's default)
  const cap = r.estimate.arch.contextLength || LIMITS.seq.max;
  return Math.max(
    0,
    largest(1, Math.min(cap, LIMITS.seq.max), (s) => needed({ ...input, seq: s }, usable) <= usable),
  );
}
