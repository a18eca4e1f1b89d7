/**
 * The selector's use of the memory model: per-GPU bytes of a configuration, rebuilt from the compact table that
 * scripts/gen-selector-memory.ts derives from src/lib/memory (exact to about a megabyte; tests check it against
 * estimateMemory).
 *
 * Objectives with a frozen reference model (DPO, KTO, GRPO with a KL term, PPO): adapters get the reference for free
 * by disabling the adapter; full fine-tuning keeps a second 16-bit copy of the weights. PPO also keeps a reward and a
 * value model (a second trained copy for full fine-tuning, two frozen backbones with adapters). Rollout generation
 * memory (KV cache of sampled completions) is not modelled.
 */
import { batchFor, shardingOptions } from './memory-inputs.ts';
import { MODEL_IDS } from './input.ts';
import { MEMORY_TABLE } from './memory-table.ts';
import { MEMORY_GPUS, MEMORY_MODELS } from './model-gpu-presets.ts';
import { type MemoryFigure, type Objective, TRAIN_STRATEGIES, type TrainStrategy } from './types.ts';
const MB = 1e6;

const gpuRow = (gpu: string) => MEMORY_GPUS.find((g) => g[0] === gpu);

export function usableBytes(gpu: string): number {
  return gpuRow(gpu)?.[3] ?? 0;
}

export function gpuName(gpu: string): string {
  return gpuRow(gpu)?.[1] ?? gpu;
}

export function gpuMemoryGB(gpu: string): number {
  return gpuRow(gpu)?.[2] ?? 0;
}

export function modelName(model: string): string {
  return MEMORY_MODELS.find((m) => m[0] === model)?.[1] ?? model;
}

/** Numbers per model in MEMORY_TABLE: w, wq, go, then 4 methods × 3 phases × 5 (scripts/gen-selector-memory.ts). */
const ROW = 3 + 4 * 3 * 5;

/** w, go and, per phase (backward start, backward end, optimizer step), n1, ddp, z0, z1, seq (bytes); null for an
 *  unknown model. */
function row(model: string, method: TrainStrategy): { w: number; go: number; phases: number[][] } | null {
  const i = MODEL_IDS.indexOf(model);
  if (i < 0) return null;
  const t = MEMORY_TABLE.slice(i * ROW, i * ROW + ROW).map((x) => x * MB);
  const [w = 0, wq = 0, go = 0] = t;
  const at = 3 + 15 * TRAIN_STRATEGIES.indexOf(method);
  const phases = [0, 1, 2].map((p) => {
    const [n1 = 0, dd = 0, z0 = 0, z1 = 0, seq = 0] = t.slice(at + 5 * p, at + 5 * p + 5);
    return [n1, n1 + dd, z0, z1, seq];
  });
  return { w: method === 'qlora' ? wq : w, go, phases };
}

/** Size of a model, for ordering (bytes of its 16-bit weights). */
export function modelSize(model: string): number {
  return (MEMORY_TABLE[MODEL_IDS.indexOf(model) * ROW] ?? 0) * MB;
}

/** Memory figure for one configuration, or null for an unknown model. */
export function figure(
  objective: Objective,
  method: TrainStrategy,
  model: string,
  gpu: string,
  gpus: number,
  sharding: string,
): MemoryFigure | null {
  const r = row(model, method);
  if (!r) return null;
  const { w: w0, go: go0 } = r;
  const sharded = sharding !== 'none';
  const batch = batchFor(objective);
  // the step's peak: the largest of its phases, each linear in 1/N and in the micro-batch
  const training = Math.max(
    ...r.phases.map(
      ([n1 = 0, ddp = 0, z0 = 0, z1 = 0, seq = 0]) =>
        (sharded ? z0 + z1 / gpus : gpus > 1 ? ddp : n1) + (batch - 1) * seq,
    ),
  );
  const w = sharded ? w0 / gpus : w0;
  const go = sharded ? go0 / gpus : go0;
  let extra = 0;
  let note = '';
  if (objective === 'rlhf-ppo') {
    extra = method === 'full' ? 3 * w + go : 2 * w; // go: full fine-tuning's gradients + optimizer (value model)
    note =
      method === 'full' ? 'frozen reference and reward models and a trained value model' : 'reward and value models';
  } else if (method === 'full' && (objective === 'dpo' || objective === 'kto' || objective === 'grpo')) {
    extra = w;
    note = 'a frozen reference model';
  }
  const usable = usableBytes(gpu);
  return {
    method,
    sharding,
    batch,
    trainingBytes: training,
    extraBytes: extra,
    extraNote: note,
    perGpuBytes: training + extra,
    usableBytes: usable,
    fits: usable > 0 && training + extra <= usable,
  };
}

/** First sharding option with which `method` fits, else the last one tried (not fitting), else null. */
export function bestFigure(
  objective: Objective,
  method: TrainStrategy,
  model: string,
  gpu: string,
  gpus: number,
): MemoryFigure | null {
  let last: MemoryFigure | null = null;
  for (const sharding of shardingOptions(method, gpus)) {
    last = figure(objective, method, model, gpu, gpus, sharding);
    if (last?.fits) return last;
  }
  return last;
}
