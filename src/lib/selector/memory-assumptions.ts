/**
 * The selector's memory assumptions, stated on the page and carried by every calculator link (memory-inputs.ts turns
 * them into memory-model inputs):
 * - sequence length 2048, micro-batch 1 sequence (a DPO/ORPO pair is 2 sequences: chosen and rejected), gradient
 *   checkpointing on, FlashAttention, mixed bf16 with AdamW; QLoRA uses NF4 with double quantization and paged 8-bit
 *   AdamW (QLoRA paper, arXiv 2305.14314); adapters are rank 16 on all linear layers (QLoRA found all linear layers
 *   are needed to match full fine-tuning).
 * - Several GPUs: full fine-tuning shards with ZeRO-3 (per-GPU model states 16Ψ/N, ZeRO paper arXiv 1910.02054).
 *   Adapters first try plain data parallelism (each GPU holds the base model) and shard the frozen base with ZeRO-3
 *   (LoRA, DoRA) or FSDP (QLoRA, as FSDP-QLoRA) only when that does not fit.
 */
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

/** The assumptions in one sentence, as the selector's answer states them (passed to the island as a prop at build time,
 *  so the text is in the HTML, not in the page's JavaScript). */
export const ASSUMPTIONS_TEXT =
  `Estimates assume sequence length ${ASSUMPTIONS.seq}, micro-batch 1 (a preference pair is 2 sequences), gradient ` +
  'checkpointing, FlashAttention, mixed bf16 with AdamW, ' +
  `rank-${ASSUMPTIONS.rank} adapters on all linear layers, QLoRA with NF4 and paged 8-bit AdamW, and ZeRO-3/FSDP ` +
  'across GPUs when needed.';
