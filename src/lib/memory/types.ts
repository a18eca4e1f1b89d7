// Public types of the memory model. Pure TypeScript: no astro:*, no DOM, no import.meta.env, no enums
// (erasableSyntaxOnly).

export type MethodId = 'full' | 'lora' | 'qlora' | 'dora';
export type PrecisionId = 'mixed-bf16' | 'pure-bf16' | 'fp32';
export type OptimizerId = 'adamw' | 'adamw-8bit' | 'paged-adamw-8bit' | 'paged-adamw' | 'sgd' | 'adafactor';
export type TargetsId = 'qv' | 'attention' | 'mlp' | 'all-linear';
export type LossId = 'fp32' | 'bf16' | 'chunked' | 'fused';
export type OptimizerImplId = 'foreach' | 'fused' | 'in-backward';
export type OffloadId = 'none' | 'optimizer' | 'activations' | 'both';
export type PhaseId = 'forward' | 'loss' | 'backward-start' | 'backward-end' | 'optimizer';
export type AttentionId = 'flash' | 'eager';
export type ShardingId = 'none' | 'zero1' | 'zero2' | 'zero3' | 'fsdp';
/** The trainer of the step (TRL names): supervised fine-tuning, or a preference / RL method (post-training.ts). */
export type TrainerId = 'sft' | 'dpo' | 'orpo' | 'simpo' | 'kto' | 'grpo' | 'ppo';
/** Where a DPO/KTO reference's log-probabilities come from: a frozen model in the step, or a pass before training. */
export type ReferenceId = 'model' | 'precomputed';
export type ComponentId = 'weights' | 'trainable' | 'gradients' | 'optimizer' | 'activations' | 'logits' | 'overhead';

export const METHOD_IDS: readonly MethodId[] = ['full', 'lora', 'qlora', 'dora'];
export const PRECISION_IDS: readonly PrecisionId[] = ['mixed-bf16', 'pure-bf16', 'fp32'];
export const OPTIMIZER_IDS: readonly OptimizerId[] = [
  'adamw',
  'adamw-8bit',
  'paged-adamw-8bit',
  'paged-adamw',
  'sgd',
  'adafactor',
];
export const TARGETS_IDS: readonly TargetsId[] = ['qv', 'attention', 'mlp', 'all-linear'];
export const LOSS_IDS: readonly LossId[] = ['fp32', 'bf16', 'chunked', 'fused'];
export const PHASE_IDS: readonly PhaseId[] = ['forward', 'loss', 'backward-start', 'backward-end', 'optimizer'];
/** The phases' names as the calculator shows them (its phase table and chart, through computeView). */
export const PHASE_LABELS: Readonly<Record<PhaseId, string>> = {
  forward: 'Forward',
  loss: 'Loss',
  'backward-start': 'Backward start',
  'backward-end': 'Backward end',
  optimizer: 'Optimizer step',
};
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
  /** MoE models: the target modules include the routed experts' projections, default true (parameters.ts says why) */
  expertAdapters?: boolean;
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
  /** how the loss is computed over the vocabulary, default chunked (TRL SFTTrainer's chunked_nll) */
  loss?: LossId;
  /** LoRA dropout in percent (lora_dropout × 100), default 0 (PEFT LoraConfig) */
  loraDropout?: number;
  /** adapters kept in fp32 on a 16-bit model (PEFT autocast_adapter_dtype), default true */
  adapterFp32?: boolean;
  /** how the optimizer step runs, default foreach (torch.optim on CUDA) */
  optimizerImpl?: OptimizerImplId;
  /** gradient accumulation steps, default 1 */
  accumulation?: number;
  /** what lives in CPU memory instead of the GPU, default none */
  offload?: OffloadId;
  /** train the output head in full (PEFT modules_to_save), default false */
  trainHead?: boolean;
  /** train the input embeddings in full (PEFT modules_to_save), default false */
  trainEmbeddings?: boolean;
  /** 4-bit layers keep their input for backward (bitsandbytes before 0.43.2), default false */
  quantSavesInput?: boolean;
  /** the output head is 4-bit too (Lightning's BitsandbytesPrecision quantizes every nn.Linear), default false */
  quantizeHead?: boolean;
  /** time and cost only (src/lib/cost/), not memory: tokens in one epoch; 0 = not given (no time estimate) */
  tokens?: number;
  /** time and cost only: examples in the data set (pairs for the paired trainers); with exampleTokens, the tokens
   *  when `tokens` is 0 */
  examples?: number;
  /** time and cost only: mean tokens per example */
  exampleTokens?: number;
  /** passes over the data set, default 3 */
  epochs?: number;
  /** US cents per GPU-hour; 0 = the GPU's listed price */
  priceCents?: number;
  /** utilisation in percent; 0 = the method's default */
  mfu?: number;
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
  expertAdapters: boolean;
  seq: number;
  batch: number;
  gradCheckpointing: boolean;
  attention: AttentionId;
  gpus: number;
  sharding: ShardingId;
  doubleQuant: boolean;
  trainer: TrainerId;
  reference: ReferenceId;
  klPenalty: boolean;
  generations: number;
  completion: number;
  vllmShare: number;
  loss: LossId;
  loraDropout: number;
  adapterFp32: boolean;
  optimizerImpl: OptimizerImplId;
  accumulation: number;
  offload: OffloadId;
  trainHead: boolean;
  trainEmbeddings: boolean;
  quantSavesInput: boolean;
  quantizeHead: boolean;
  tokens: number;
  examples: number;
  exampleTokens: number;
  epochs: number;
  priceCents: number;
  mfu: number;
}

/** One phase of a training step: what is alive at its peak. */
export interface Phase {
  id: PhaseId;
  /** allocated bytes per GPU at this phase's peak (tensors only, no CUDA context or allocator reserve) */
  bytes: number;
  /** the same bytes by part (weights, trainable, gradients, optimizer, activations, logits, communication, …) */
  parts: Record<string, number>;
}

/** A warning about the input that does not stop the estimate. */
export interface EstimateWarning {
  field: string;
  message: string;
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
  /** model states per GPU whatever the phase: weights, trained weights, every gradient, optimizer state on the GPU
   *  (managed memory included, offloaded state not) */
  statesBytes: number;
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
  /** sum of components: what nvidia-smi would show at the peak (managed memory included) */
  perGpuBytes: number;
  /** the peak phase's tensors: comparable with torch.cuda.max_memory_allocated() (managed memory excluded) */
  allocatedBytes: number;
  /** the phases of one step, in order, each with its allocated bytes and parts */
  phases: Phase[];
  /** the phase that sets the peak */
  peakPhase: PhaseId;
  /** paged optimizer state in CUDA managed memory: on the GPU, but outside max_memory_allocated() */
  managedBytes: number;
  warnings: EstimateWarning[];
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
