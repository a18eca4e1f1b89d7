import { estimateMemory, GPU_PRESETS, type TrainingInput } from '../../../src/lib/memory/index.ts';

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

/** Turns calculator URL state back into a memory-model input (the calculator's parameter names). */
export function trainingInputFromState(s: Record<string, string>): TrainingInput {
  const t: TrainingInput = {
    model: s.model as string,
    method: s.method as TrainingInput['method'],
    precision: s.precision as TrainingInput['precision'],
    optimizer: s.optimizer as TrainingInput['optimizer'],
    seq: Number(s.seq),
    batch: Number(s.batch),
    gradCheckpointing: s['grad-checkpointing'] === '1' || s['grad-checkpointing'] === 'true',
    attention: s.attention as TrainingInput['attention'],
    gpus: Number(s.gpus),
    sharding: s.sharding as TrainingInput['sharding'],
  };
  if (s.rank) t.rank = Number(s.rank);
  if (s.targets) t.targets = s.targets as TrainingInput['targets'];
  if (s['double-quant']) t.doubleQuant = s['double-quant'] === '1' || s['double-quant'] === 'true';
  return t;
}

export function perGpu(t: TrainingInput): number {
  const r = estimateMemory(t);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.estimate.perGpuBytes;
}
