/**
 * The selector's memory assumptions (stated on the page and carried by every calculator link):
 * - sequence length 2048, micro-batch 1 sequence (a DPO/ORPO pair is 2 sequences: chosen and rejected), gradient
 *   checkpointing on, FlashAttention, mixed bf16 with AdamW; QLoRA uses NF4 with double quantization and paged 8-bit
 *   AdamW (QLoRA paper, arXiv 2305.14314); adapters are rank 16 on all linear layers (QLoRA found all linear layers
 *   are needed to match full fine-tuning).
 * - Several GPUs: full fine-tuning shards with ZeRO-3 (per-GPU model states 16Ψ/N, ZeRO paper arXiv 1910.02054).
 *   Adapters first try plain data parallelism (each GPU holds the base model) and shard the frozen base with ZeRO-3
 *   (LoRA, DoRA) or FSDP (QLoRA, as FSDP-QLoRA) only when that does not fit.
 */
import type { ShardingId, TrainingInput } from '../memory/index.ts';
import type { Objective, TrainStrategy } from './types.ts';

export const ASSUMPTIONS = {
  seq: 2048,
  microBatch: 1,
  gradCheckpointing: true,
  attention: 'flash',
  precision: 'mixed-bf16',
  optimizer: 'adamw',
  qloraOptimizer: 'paged-adamw-8bit',
  rank: 16,
  targets: 'all-linear',
  doubleQuant: true,
} as const;

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
