import {
  estimateMemory,
  GPU_PRESETS,
  paramName,
  type ShardingId,
  type TrainingInput,
} from '../../../src/lib/memory/index.ts';
import { trainingInputFor } from '../../../src/lib/selector/memory-inputs.ts';
import type { TrainStrategy } from '../../../src/lib/selector/types.ts';

/** A GPU preset id with this marketed memory (prefers the listed ids). */
export function gpuWith(memoryGB: number, prefer: string[] = []): string {
  for (const id of prefer) if (GPU_PRESETS.some((g) => g.id === id && g.memoryGB === memoryGB)) return id;
  const g = GPU_PRESETS.find((x) => x.memoryGB === memoryGB);
  if (!g) throw new Error(`no ${memoryGB} GB GPU preset`);
  return g.id;
}

export const GPU24 = () => gpuWith(24, ['rtx-4090', 'l4', 'a10g', 'rtx-3090']);
export const GPU80 = () => gpuWith(80, ['h100-80gb', 'a100-80gb']);

export function usable(gpu: string): number {
  const g = GPU_PRESETS.find((x) => x.id === gpu);
  if (!g) throw new Error(gpu);
  return g.usableBytes;
}

/**
 * The memory-model input the selector estimated for a calculator link: the selector's own assumptions
 * (trainingInputFor) for the method, model, GPU count, sharding and micro-batch the link names. Comparing it with the
 * calculator's decoding of the link checks that the link carries exactly those assumptions.
 */
export function trainingInputFromState(s: Record<string, string>): TrainingInput {
  const get = (field: string) => s[paramName(field)] ?? '';
  return trainingInputFor(
    get('method') as TrainStrategy,
    get('model'),
    Number(get('gpus')),
    get('sharding') as ShardingId,
    Number(get('batch')),
  );
}

export function perGpu(t: TrainingInput): number {
  const r = estimateMemory(t);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.estimate.perGpuBytes;
}
