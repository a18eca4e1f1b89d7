// "Make it fit" (issue #13): the changes that bring a run within one GPU's memory, cheapest first, each as a patch of
// calculator parameters (parameters.ts ids) with what the run then needs. Pure: it only calls the memory model.
import { estimateMemory } from './estimate.ts';
import { maxMicroBatch, maxSequence } from './fit.ts';
import { LIMITS } from './parameters.ts';
import { requiredBytes } from './post-training.ts';
import { findGpu } from './presets.ts';
import { MemoryInputError, type TrainingInput } from './types.ts';

export type FitChangeId =
  | 'checkpointing'
  | 'chunked-loss'
  | 'optimizer-8bit'
  | 'qlora'
  | 'micro-batch'
  | 'sequence'
  | 'gpus';

export interface FitChange {
  id: FitChangeId;
  /** the parameters to set, on top of the run and the changes before it */
  patch: Partial<TrainingInput>;
  /** what the run needs per GPU after this change (peak plus a colocated vLLM share), bytes */
  neededBytes: number;
  fits: boolean;
}

export interface FitAdvice {
  /** what the run needs as given, and the GPU's usable memory, bytes */
  neededBytes: number;
  usableBytes: number;
  fits: boolean;
  /** Cumulative changes that keep the data and the effective batch (checkpointing, chunked loss, 8-bit AdamW, QLoRA,
   *  a smaller micro-batch with more accumulation), applied in order until the run fits; then, if it still does not,
   *  the two that change the run itself, each on its own: a shorter sequence, or more GPUs with ZeRO-3. */
  changes: FitChange[];
  /** once it fits (as given or after the changes): the largest micro-batch and the longest sequence that still fit */
  room: { maxBatch: number; maxSeq: number } | null;
}

/** The advice for a run on a GPU preset. Throws MemoryInputError for invalid input or an unknown GPU. */
export function makeItFit(input: TrainingInput, gpuId: string): FitAdvice {
  const gpu = findGpu(gpuId);
  if (!gpu) throw new MemoryInputError([{ field: 'gpu', message: `unknown GPU "${gpuId}"` }]);
  const usable = gpu.usableBytes;
  const need = (i: TrainingInput): number => {
    const r = estimateMemory(i);
    if (!r.ok) throw new MemoryInputError(r.errors);
    return requiredBytes(r.estimate, usable);
  };
  const given = estimateMemory(input);
  if (!given.ok) throw new MemoryInputError(given.errors);
  const n = given.estimate.input;
  const first = requiredBytes(given.estimate, usable);
  const changes: FitChange[] = [];
  let run: TrainingInput = { ...input };
  let now = first;
  const room = (i: TrainingInput) => ({ maxBatch: maxMicroBatch(i, gpuId), maxSeq: maxSequence(i, gpuId) });
  if (first <= usable) return { neededBytes: first, usableBytes: usable, fits: true, changes, room: room(run) };

  const step = (id: FitChangeId, patch: Partial<TrainingInput>): boolean => {
    const next = { ...run, ...patch };
    const bytes = need(next);
    if (bytes >= now) return false; // saves nothing here: not worth listing
    run = next;
    now = bytes;
    changes.push({ id, patch, neededBytes: bytes, fits: bytes <= usable });
    return bytes <= usable;
  };
  const done =
    (!n.gradCheckpointing && step('checkpointing', { gradCheckpointing: true })) ||
    ((n.loss === 'fp32' || n.loss === 'bf16') && step('chunked-loss', { loss: 'chunked' })) ||
    ((n.optimizer === 'adamw' || n.optimizer === 'paged-adamw') &&
      step('optimizer-8bit', { optimizer: 'adamw-8bit' })) ||
    (n.method !== 'qlora' && step('qlora', { method: 'qlora' })) ||
    smallerBatch();
  if (done) return { neededBytes: first, usableBytes: usable, fits: false, changes, room: room(run) };

  // The micro-batch: the largest divisor of the effective batch below the current one that fits, the accumulation
  // making up the rest (a divisor keeps the effective batch exact); 1 when none fits.
  function smallerBatch(): boolean {
    const effective = n.batch * n.accumulation;
    for (let b = n.batch - 1; b >= 1; b--) {
      if (effective % b !== 0) continue;
      const patch = { batch: b, accumulation: effective / b };
      if (need({ ...run, ...patch }) <= usable || b === 1) return step('micro-batch', patch);
    }
    return false;
  }

  // Still too big: what changes the run, each alone on top of the above.
  const seq = maxSequence(run, gpuId);
  if (seq > 0) changes.push({ id: 'sequence', patch: { seq }, neededBytes: need({ ...run, seq }), fits: true });
  for (let g = Math.max(2, n.gpus * 2); g <= LIMITS.gpus.max; g *= 2) {
    const patch = { gpus: g, sharding: 'zero3' } as const;
    const bytes = need({ ...run, ...patch });
    if (bytes <= usable) {
      changes.push({ id: 'gpus', patch, neededBytes: bytes, fits: true });
      break;
    }
  }
  return { neededBytes: first, usableBytes: usable, fits: false, changes, room: null };
}
