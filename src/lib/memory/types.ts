// Public types of the memory model. Pure TypeScript: no astro:*, no DOM, no import.meta.env, no enums
// (erasableSyntaxOnly).

export type MethodId = 'full' | 'lora' | 'qlora' | 'dora';
export type PrecisionId = 'mixed-bf16' | 'pure-bf16' | 'fp32';
export type OptimizerId = 'adamw' | 'adamw-8bit' | 'paged-adamw-8bit' | 'sgd' | 'adafactor';
export type TargetsId = 'qv' | 'attention' | 'all-linear';
export type AttentionId = 'flash' | 'eager';
export type ShardingId = 'none' | 'zero1' | 'zero2' | 'zero3' | 'fsdp';
/** The trainer of the step (TRL names): supervised fine-tuning, or a preference / RL method (post-training.ts). */
export type TrainerId = 'sft' | 'dpo' | 'orpo' | 'simpo' | 'kto' | 'grpo' | 'ppo';
/** Where a DPO/KTO reference's log-probabilities come from: a frozen model in the step, or a pass before training. */
export type ReferenceId = 'model' | 'precomputed';
export type ComponentId = 'weights' | 'trainable' | 'gradients' | 'optimizer' | 'activations' | 'logits' | 'overhead';

export const METHOD_IDS: readonly MethodId[] = ['full', 'lora', 'qlora', 'dora'];
export const PRECISION_IDS: readonly PrecisionId[] = ['mixed-bf16', 'pure-bf16', 'fp32'];
export const OPTIMIZER_IDS: readonly OptimizerId[] = ['adamw', 'adamw-8bit', 'paged-adamw-8bit', 'sgd', 'adafactor'];
export const TARGETS_IDS: readonly TargetsId[] = ['qv', 'attention', 'all-linear'];
export const ATTENTION_IDS: readonly AttentionId[] = ['flash', 'eager'];
export const SHARDING_IDS: readonly ShardingId[] = ['none', 'zero1', 'zero2', 'zero3', 'fsdp'];
export const TRAINER_IDS: readonly TrainerId[] = ['sft', 'dpo', 'orpo', 'simpo', 'kto', 'grpo', 'ppo'];
export const COMPONENT_IDS: readonly ComponentId[] = [
  'weights',
  'trainable',
  'gradients',
  'optimizer',
  'activations',
  'logits',
  'overhead',
];

/**
 * A decoder-only transformer, described with the fields of its Hugging Face config.json.
 * Llama-style by default: RMSNorm, gated MLP (SwiGLU/GeGLU: gate, up, down), no biases, rotary positions.
 */
export interface Architecture {
  /** hidden_size */
  hidden: number;
  /** num_hidden_layers */
  layers: number;
  /** num_attention_heads */
  heads: number;
  /** num_key_value_heads (GQA); equal to heads for multi-head attention */
  kvHeads: number;
  /** head_dim (hidden / heads unless the config says otherwise, e.g. Gemma-2) */
  headDim: number;
  /** intermediate_size of the MLP (of one expert for MoE models) */
  intermediate: number;
  /** vocab_size (the embedding and LM-head rows, padded size as stored in the checkpoint) */
  vocab: number;
  /** tie_word_embeddings: the LM head shares the embedding matrix */
  tiedEmbeddings: boolean;
  /** attention_bias on q, k and v (Qwen2.5) */
  qkvBias: boolean;
  /** bias on the attention output projection (GPT-3 style); default false */
  oBias?: boolean;
  /** biases on the MLP linears (GPT-3 style); default false */
  mlpBias?: boolean;
  /** 'gated' = gate/up/down (SwiGLU, GeGLU); 'plain' = up/down with GELU (GPT-2/3). Default 'gated'. */
  mlp?: 'gated' | 'plain';
  /** 'rmsnorm' (weight only) or 'layernorm' (weight and bias). Default 'rmsnorm'. */
  norm?: 'rmsnorm' | 'layernorm';
  /** norms per block: 2 (pre-attention, pre-MLP); Gemma-2 has 4 (pre and post). Default 2. */
  normsPerLayer?: number;
  /** learned absolute position embeddings (rows), 0 for rotary models. Default 0. */
  positionEmbeddings?: number;
  /** num_local_experts for mixture-of-experts MLPs (Mixtral); absent or 1 for dense models */
  experts?: number;
  /** num_experts_per_tok (top-k routing) */
  activeExperts?: number;
  /** max_position_embeddings: the longest sequence the model was configured for */
  contextLength?: number;
  /** q_norm and k_norm: an RMSNorm over each head's query and key (Qwen3, Gemma-3), head_dim weights each.
   *  Default false. */
  qkNorm?: boolean;
  /** n_shared_experts (DeepSeek-V2/V3): experts every token passes through besides the routed ones, each the size of
   *  one routed expert (`intermediate`). Default 0. */
  sharedExperts?: number;
  /** first_k_dense_replace (DeepSeek-V3): the first layers have one dense MLP instead of experts. Default 0. */
  denseLayers?: number;
  /** intermediate_size of those dense layers (`intermediate` is then moe_intermediate_size). Default 0 = none. */
  denseIntermediate?: number;
  /** a bias on the router (gpt-oss router bias, DeepSeek-V3 e_score_correction_bias), one per expert. Default false. */
  routerBias?: boolean;
  /** learned attention sinks (gpt-oss): one logit per head per layer. Default false. */
  sinks?: boolean;
}

export interface ModelPreset {
  id: string;
  name: string;
  arch: Architecture;
  // source, official count and checkpoint extras: preset-sources.ts (not bundled in the browser)
}

export interface GpuPreset {
  id: string;
  name: string;
  /** Marketed capacity (what the spec sheet says, in the vendor's unit). */
  memoryGB: number;
  /** Total memory as the NVIDIA driver reports it (nvidia-smi "Total" in MiB × 2^20). */
  usableBytes: number;
  /** Where the usable figure comes from. */
  source: string;
}

export interface TrainingInput {
  /** preset id or a custom architecture */
  model: string | Architecture;
  method: MethodId;
  /** default mixed-bf16 */
  precision?: PrecisionId;
  /** default adamw */
  optimizer?: OptimizerId;
  /** LoRA rank, default 8 */
  rank?: number;
  /** LoRA target modules, default qv */
  targets?: TargetsId;
  /** tokens per sequence, default 2048 */
  seq?: number;
  /** micro-batch per GPU, default 1 */
  batch?: number;
  /** default false */
  gradCheckpointing?: boolean;
  /** default flash */
  attention?: AttentionId;
  /** default 1 */
  gpus?: number;
  /** default none */
  sharding?: ShardingId;
  /** QLoRA double quantization of the constants, default false */
  doubleQuant?: boolean;
  /** chunked cross-entropy (the full fp32 logits are never materialised), default false */
  chunkedLoss?: boolean;
  /** trainer, default sft; the others are composed from the policy's step in post-training.ts */
  trainer?: TrainerId;
  /** DPO/KTO: reference log-probs from a frozen model (default) or precomputed before training */
  reference?: ReferenceId;
  /** GRPO: β > 0 (a KL penalty), which loads a reference model; default false (TRL's β = 0.0) */
  klPenalty?: boolean;
  /** GRPO: completions per prompt (G), default 8 */
  generations?: number;
  /** GRPO/PPO: completion tokens per sequence, default 512 */
  completion?: number;
  /** GRPO: percent of the GPU a colocated vLLM engine reserves (gpu_memory_utilization × 100); 0 = none */
  vllmShare?: number;
}

export interface InputError {
  field: keyof TrainingInput | string;
  message: string;
}

export interface NormalizedInput {
  model: string | Architecture;
  method: MethodId;
  precision: PrecisionId;
  optimizer: OptimizerId;
  rank: number;
  targets: TargetsId;
  seq: number;
  batch: number;
  gradCheckpointing: boolean;
  attention: AttentionId;
  gpus: number;
  sharding: ShardingId;
  doubleQuant: boolean;
  chunkedLoss: boolean;
  trainer: TrainerId;
  reference: ReferenceId;
  klPenalty: boolean;
  generations: number;
  completion: number;
  vllmShare: number;
}

/** A finer breakdown than the seven components, for the /about/memory page and the tests. */
export interface EstimateDetails {
  /** bytes of frozen or trainable base weights that are 4-bit quantized (QLoRA), before sharding */
  quantizedWeightBytes: number;
  /** saved activations of the transformer blocks (or checkpointed inputs plus one recomputed block) */
  blockActivationBytes: number;
  /** final norm and one block's backward working set, dequantization and DoRA transients */
  transientActivationBytes: number;
  /** CUDA context, kernels and library workspaces (constant per process) */
  cudaContextBytes: number;
  /** caching-allocator reserve and fragmentation above what tensors occupy */
  allocatorReserveBytes: number;
  /** DDP gradient buckets or the gathered (unsharded) layers of ZeRO-3/FSDP */
  communicationBytes: number;
  /** fp32 master copy of trainable weights (mixed precision), included in `optimizer` */
  masterWeightBytes: number;
}

export interface Estimate {
  input: NormalizedInput;
  /** the resolved architecture (preset or custom), every optional field filled in */
  arch: Required<Architecture>;
  /** preset id, or null for a custom architecture */
  presetId: string | null;
  params: { total: number; trainable: number };
  /** bytes per GPU */
  components: Record<ComponentId, number>;
  /** sum of components: what nvidia-smi would show at the peak */
  perGpuBytes: number;
  /** perGpuBytes minus CUDA context and allocator reserve: comparable with torch.cuda.max_memory_allocated() */
  allocatedBytes: number;
  details: EstimateDetails;
  /** the models and caches of a post-training step (absent for sft) */
  postTraining?: PostTrainingBreakdown;
}

/** What a post-training step holds, by model: the policy, frozen reference and reward models, a trained value model,
 *  the generation KV cache, and the CUDA context with the allocator reserve. The rows sum to perGpuBytes. */
export type TrainerPartId = 'policy' | 'reference' | 'reward' | 'value' | 'kv-cache' | 'overhead';

export interface PostTrainingBreakdown {
  trainer: Exclude<TrainerId, 'sft'>;
  /** sequences per GPU in one policy forward (pairs × 2 for DPO, ORPO and SimPO; prompts × G for GRPO) */
  sequences: number;
  /** tokens per trained sequence (prompt + completion for GRPO and PPO) */
  tokensPerSequence: number;
  /** whether a frozen reference model's log-probs are computed in the step */
  referenceForward: boolean;
  /** the stage that sets the peak: the training step, or the rollout (generation and scoring, no gradients) */
  peakStage: 'train' | 'rollout';
  /** per-GPU bytes of each stage; rollout is null for trainers that do not generate */
  stages: { train: number; rollout: number | null };
  /** bytes by part at the peak stage, in TRAINER_PART order; parts that are 0 are kept */
  parts: Record<TrainerPartId, number>;
  /** fraction of the GPU's memory a colocated vLLM engine reserves for itself (0: none) */
  gpuShare: number;
}

export type EstimateResult = { ok: true; estimate: Estimate } | { ok: false; errors: InputError[] };

/** Thrown by the helpers that cannot return a typed result (maxMicroBatch, maxSequence, fitsGpu, …). */
export class MemoryInputError extends Error {
  readonly errors: InputError[];
  constructor(errors: InputError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
    this.name = 'MemoryInputError';
    this.errors = errors;
  }
}
