/** Memory-model inputs for a configuration under the selector's assumptions (memory-assumptions.ts). */
import type { ShardingId, TrainingInput } from '../memory/index.ts';
import { ASSUMPTIONS } from './memory-assumptions.ts';
import type { Objective, TrainStrategy } from './types.ts';

/** Sequences per micro-batch: a preference pair (DPO, ORPO) is a chosen and a rejected sequence. */
export function batchFor(objective: Objective): number {
  return objective === 'dpo' || objective === 'orpo' ? 2 : ASSUMPTIONS.microBatch;
}

/** Sharding options to try, in order, for a method on `gpus` GPUs. */
export function shardingOptions(method: TrainStrategy, gpus: number): ShardingId[] {
  if (gpus <= 1) return ['none'];
  if (method === 'full') return ['zero3'];
  return ['none', method === 'qlora' ? 'fsdp' : 'zero3'];
}

/** The memory-model input for a configuration under the assumptions above. */
export function trainingInputFor(
  method: TrainStrategy,
  model: string,
  gpus: number,
  sharding: ShardingId,
  batch: number,
): TrainingInput {
  const input: TrainingInput = {
    model,
    method,
    precision: ASSUMPTIONS.precision,
    optimizer: method === 'qlora' ? ASSUMPTIONS.qloraOptimizer : ASSUMPTIONS.optimizer,
    seq: ASSUMPTIONS.seq,
    batch,
    gradCheckpointing: ASSUMPTIONS.gradCheckpointing,
    attention: ASSUMPTIONS.attention,
    gpus,
    sharding,
  };
  if (method !== 'full') {
    input.rank = ASSUMPTIONS.rank;
    input.targets = ASSUMPTIONS.targets;
  }
  if (method === 'qlora') input.doubleQuant = ASSUMPTIONS.doubleQuant;
  return input;
}
