// The calculator's parameters: ONE table. The URL codec (url-state.ts), the `vram` CLI and its --help (cli.ts), the
// embed loader's data-* attributes (/embed.js), the island's labels and the table on /about/memory/ all read it, and
// the memory model validates its input against it. Adding a parameter means adding one entry here (and the physics).
import type { InputError, MethodId, NormalizedInput, TrainerId } from './types.ts';

/** How a value is written and checked. `model` and `gpu` take a preset id (presets.ts) or their special values. */
export type ParamType = 'int' | 'bool' | 'enum' | 'model' | 'gpu';

/** Where the calculator shows a parameter. */
export type ParamGroup = 'model' | 'architecture' | 'method' | 'trainer' | 'training' | 'gpus' | 'cost' | 'display';

export interface ParamSpec {
  /** A TrainingInput field, `model.<field>` of a custom architecture, or a page setting (`gpu`, `unit`). */
  id: string;
  type: ParamType;
  /** The value when the parameter is absent (for the URL and the island; the CLI may override it, see `cli`). */
  default: string | number | boolean;
  /** Inclusive integer limits (type int). */
  min?: number;
  max?: number;
  /** Allowed values and their labels (type enum), in the order readers see them. */
  values?: readonly (readonly [value: string, label: string])[];
  /** What a reader sees next to the control, in messages and on /about/memory/. */
  label: string;
  /** One sentence: what it means, where the value comes from. */
  help: string;
  /** Query parameter (and embed `data-*` attribute) name. */
  url: string;
  /** Other query names that mean the same (read, never written). */
  aliases?: readonly string[];
  /** Values of an alias that map to this parameter's values (`chunked-loss=1` → `loss=chunked`). */
  aliasValues?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** `vram` CLI flag (without the dashes); `required` ones have no default there; `default` overrides the page's. */
  cli: { flag: string; required?: boolean; default?: string } | null;
  /** Methods it applies to; absent: all. */
  methods?: readonly MethodId[];
  /** Trainers it applies to (post-training.ts); absent: all. */
  trainers?: readonly TrainerId[];
  /** Applies to mixture-of-experts models only (experts > 1); dense models ignore it. */
  moe?: boolean;
  group: ParamGroup;
  /** Shown as radio buttons instead of a list (few, short choices). */
  radios?: boolean;
}

const ADAPTERS: readonly MethodId[] = ['lora', 'qlora', 'dora'];
const TRL = 'TRL 1.10.0.dev0';
const CFG = 'in the model’s config.json';

export const PARAMS: readonly ParamSpec[] = [
  {
    id: 'model',
    type: 'model',
    default: 'llama-3.1-8b',
    label: 'Model',
    help: 'A preset id (list: --list-models), or custom to give the architecture below.',
    url: 'model',
    aliases: ['preset'],
    cli: { flag: 'model', required: true },
    group: 'model',
  },
  {
    id: 'model.hidden',
    type: 'int',
    default: 4096,
    min: 1,
    max: 262_144,
    label: 'Hidden size',
    help: `hidden_size ${CFG}.`,
    url: 'hidden',
    cli: { flag: 'hidden' },
    group: 'architecture',
  },
  {
    id: 'model.layers',
    type: 'int',
    default: 32,
    min: 1,
    max: 2048,
    label: 'Layers',
    help: `num_hidden_layers ${CFG}.`,
    url: 'layers',
    cli: { flag: 'layers' },
    group: 'architecture',
  },
  {
    id: 'model.heads',
    type: 'int',
    default: 32,
    min: 1,
    max: 16_384,
    label: 'Attention heads',
    help: `num_attention_heads ${CFG}.`,
    url: 'heads',
    cli: { flag: 'heads' },
    group: 'architecture',
  },
  {
    id: 'model.kvHeads',
    type: 'int',
    default: 32,
    min: 1,
    max: 16_384,
    label: 'KV heads',
    help: `num_key_value_heads ${CFG} (grouped-query attention); must divide the attention heads.`,
    url: 'kv-heads',
    cli: { flag: 'kv-heads' },
    group: 'architecture',
  },
  {
    id: 'model.headDim',
    type: 'int',
    default: 128,
    min: 1,
    max: 4096,
    label: 'Head dim',
    help: `head_dim ${CFG} (hidden size / heads unless it says otherwise).`,
    url: 'head-dim',
    cli: { flag: 'head-dim' },
    group: 'architecture',
  },
  {
    id: 'model.intermediate',
    type: 'int',
    default: 11008,
    min: 1,
    max: 2_097_152,
    label: 'MLP size',
    help: `intermediate_size ${CFG} (of one expert for mixture-of-experts models).`,
    url: 'intermediate',
    cli: { flag: 'intermediate' },
    group: 'architecture',
  },
  {
    id: 'model.vocab',
    type: 'int',
    default: 32000,
    min: 1,
    max: 8_388_608,
    label: 'Vocabulary',
    help: `vocab_size ${CFG}.`,
    url: 'vocab',
    cli: { flag: 'vocab' },
    group: 'architecture',
  },
  {
    id: 'model.tiedEmbeddings',
    type: 'bool',
    default: false,
    label: 'Tied embeddings',
    help: 'tie_word_embeddings: the output head shares the embedding matrix.',
    url: 'tied',
    cli: { flag: 'tied' },
    group: 'architecture',
  },
  {
    id: 'model.qkvBias',
    type: 'bool',
    default: false,
    label: 'Bias on q, k, v',
    help: 'attention_bias: the q, k and v projections have biases (Qwen2.5).',
    url: 'qkv-bias',
    cli: { flag: 'qkv-bias' },
    group: 'architecture',
  },
  {
    id: 'model.oBias',
    type: 'bool',
    default: false,
    label: 'Bias on o',
    help: 'A bias on the attention output projection (GPT-3, gpt-oss).',
    url: 'o-bias',
    cli: { flag: 'o-bias' },
    group: 'architecture',
  },
  {
    id: 'model.mlpBias',
    type: 'bool',
    default: false,
    label: 'MLP biases',
    help: 'Biases on the MLP (or expert) projections (GPT-3, gpt-oss).',
    url: 'mlp-bias',
    cli: { flag: 'mlp-bias' },
    group: 'architecture',
  },
  {
    id: 'model.qkNorm',
    type: 'bool',
    default: false,
    label: 'q/k norms',
    help: 'q_norm and k_norm: an RMSNorm over each head’s query and key (Qwen3, Gemma-3).',
    url: 'qk-norm',
    cli: { flag: 'qk-norm' },
    group: 'architecture',
  },
  {
    id: 'model.sinks',
    type: 'bool',
    default: false,
    label: 'Attention sinks',
    help: 'A learned sink logit per head (gpt-oss).',
    url: 'sinks',
    cli: { flag: 'sinks' },
    group: 'architecture',
  },
  {
    id: 'model.experts',
    type: 'int',
    default: 1,
    min: 1,
    max: 1024,
    label: 'Experts',
    help: 'num_local_experts of a mixture-of-experts MLP; 1 for a dense model.',
    url: 'experts',
    cli: { flag: 'experts' },
    group: 'architecture',
  },
  {
    id: 'model.activeExperts',
    type: 'int',
    default: 1,
    min: 1,
    max: 1024,
    label: 'Active experts',
    help: 'num_experts_per_tok: experts each token is routed to; at most the experts.',
    url: 'active-experts',
    cli: { flag: 'active-experts' },
    group: 'architecture',
  },
  {
    id: 'model.sharedExperts',
    type: 'int',
    default: 0,
    min: 0,
    max: 64,
    label: 'Shared experts',
    help: `n_shared_experts ${CFG} (DeepSeek): experts every token passes through, each of the MLP size.`,
    url: 'shared-experts',
    cli: { flag: 'shared-experts' },
    group: 'architecture',
  },
  {
    id: 'model.denseLayers',
    type: 'int',
    default: 0,
    min: 0,
    max: 2048,
    label: 'Dense first layers',
    help: `first_k_dense_replace ${CFG} (DeepSeek): the first layers have a dense MLP instead of experts.`,
    url: 'dense-layers',
    cli: { flag: 'dense-layers' },
    group: 'architecture',
  },
  {
    id: 'model.denseIntermediate',
    type: 'int',
    default: 0,
    min: 0,
    max: 2_097_152,
    label: 'Dense MLP size',
    help: `intermediate_size of those dense layers ${CFG}, when the MLP size above is moe_intermediate_size; 0 for none.`,
    url: 'dense-intermediate',
    cli: { flag: 'dense-intermediate' },
    group: 'architecture',
  },
  {
    id: 'model.routerBias',
    type: 'bool',
    default: false,
    label: 'Router bias',
    help: 'A bias per expert on the router (gpt-oss; DeepSeek-V3’s e_score_correction_bias).',
    url: 'router-bias',
    cli: { flag: 'router-bias' },
    group: 'architecture',
  },
  {
    id: 'model.mlp',
    type: 'enum',
    default: 'gated',
    values: [
      ['gated', 'Gated (SwiGLU)'],
      ['plain', 'Plain (GELU)'],
    ],
    label: 'MLP',
    help: 'Gated: gate, up and down projections (Llama); plain: up and down (GPT-2/3).',
    url: 'mlp',
    cli: { flag: 'mlp' },
    group: 'architecture',
  },
  {
    id: 'model.norm',
    type: 'enum',
    default: 'rmsnorm',
    values: [
      ['rmsnorm', 'RMSNorm'],
      ['layernorm', 'LayerNorm'],
    ],
    label: 'Norm',
    help: 'RMSNorm has a weight; LayerNorm a weight and a bias.',
    url: 'norm',
    cli: { flag: 'norm' },
    group: 'architecture',
  },
  {
    id: 'model.normsPerLayer',
    type: 'int',
    default: 2,
    min: 1,
    max: 8,
    label: 'Norms per block',
    help: 'Norm layers in each block: 2 for Llama, 4 for Gemma-2.',
    url: 'norms-per-layer',
    cli: { flag: 'norms-per-layer' },
    group: 'architecture',
  },
  {
    id: 'model.contextLength',
    type: 'int',
    default: 4096,
    min: 1,
    max: 16_777_216,
    label: 'Context length',
    help: 'max_position_embeddings: the longest sequence the fit search tries.',
    url: 'context',
    cli: { flag: 'context' },
    group: 'architecture',
  },
  {
    id: 'method',
    type: 'enum',
    default: 'qlora',
    values: [
      ['full', 'Full'],
      ['lora', 'LoRA'],
      ['qlora', 'QLoRA'],
      ['dora', 'DoRA'],
    ],
    label: 'Fine-tuning method',
    help: 'Full fine-tuning, or a LoRA adapter on 16-bit (LoRA, DoRA) or 4-bit (QLoRA) frozen weights.',
    url: 'method',
    cli: { flag: 'method', required: true },
    group: 'method',
    radios: true,
  },
  {
    id: 'trainer',
    type: 'enum',
    default: 'sft',
    values: [
      ['sft', 'SFT (supervised)'],
      ['dpo', 'DPO'],
      ['orpo', 'ORPO'],
      ['simpo', 'SimPO'],
      ['kto', 'KTO'],
      ['grpo', 'GRPO'],
      ['ppo', 'PPO'],
    ],
    label: 'Trainer',
    help: `SFT, a preference method (DPO, ORPO, SimPO, KTO) or online RL (GRPO, PPO), as ${TRL} runs it.`,
    url: 'trainer',
    cli: { flag: 'trainer' },
    group: 'trainer',
  },
  {
    id: 'reference',
    type: 'enum',
    default: 'model',
    values: [
      ['model', 'Reference model in the step'],
      ['precomputed', 'Precomputed log-probs'],
    ],
    label: 'Reference',
    help: 'A frozen model in every step (adapters off for LoRA), or log-probs precomputed before training.',
    url: 'reference',
    cli: { flag: 'reference' },
    trainers: ['dpo', 'kto'],
    group: 'trainer',
  },
  {
    id: 'klPenalty',
    type: 'bool',
    default: false,
    label: 'KL penalty (β > 0)',
    help: `GRPO loads a reference only when β > 0; ${TRL}’s default β is 0.0.`,
    url: 'kl-penalty',
    cli: { flag: 'kl-penalty' },
    trainers: ['grpo'],
    group: 'trainer',
  },
  {
    id: 'generations',
    type: 'int',
    default: 8,
    min: 2,
    max: 1024,
    label: 'Generations per prompt',
    help: 'G (num_generations): a micro-batch of B prompts trains B × G completions.',
    url: 'generations',
    cli: { flag: 'generations' },
    trainers: ['grpo'],
    group: 'trainer',
  },
  {
    id: 'completion',
    type: 'int',
    default: 512,
    min: 1,
    max: 1_048_576,
    label: 'Completion tokens',
    help: 'max_completion_length; the sequence length is then the prompt’s.',
    url: 'completion',
    cli: { flag: 'completion' },
    trainers: ['grpo', 'ppo'],
    group: 'trainer',
  },
  {
    id: 'vllmShare',
    type: 'int',
    default: 0,
    min: 0,
    max: 95,
    label: 'Colocated vLLM share (%)',
    help: 'vllm_gpu_memory_utilization × 100 of a colocated vLLM engine (TRL: 30); 0 = no vLLM.',
    url: 'vllm-share',
    cli: { flag: 'vllm-share' },
    trainers: ['grpo'],
    group: 'trainer',
  },
  {
    id: 'precision',
    type: 'enum',
    default: 'mixed-bf16',
    values: [
      ['mixed-bf16', 'Mixed bf16'],
      ['pure-bf16', 'Pure bf16'],
      ['fp32', 'fp32'],
    ],
    label: 'Precision',
    help: 'Mixed keeps an fp32 master copy of the trained weights; pure bf16 keeps everything in 16 bits.',
    url: 'precision',
    cli: { flag: 'precision' },
    group: 'training',
  },
  {
    id: 'optimizer',
    type: 'enum',
    default: 'adamw',
    values: [
      ['adamw', 'AdamW'],
      ['adamw-8bit', '8-bit AdamW'],
      ['paged-adamw-8bit', 'Paged 8-bit AdamW'],
      ['paged-adamw', 'Paged 32-bit AdamW'],
      ['sgd', 'SGD + momentum'],
      ['adafactor', 'Adafactor'],
    ],
    label: 'Optimizer',
    help: 'Sets the optimizer states kept per trained parameter; paged ones keep them in CUDA managed memory.',
    url: 'optimizer',
    cli: { flag: 'optimizer' },
    group: 'training',
  },
  {
    id: 'rank',
    type: 'int',
    default: 8,
    min: 1,
    max: 4096,
    label: 'LoRA rank',
    help: 'r, the inner size of each adapter.',
    url: 'rank',
    cli: { flag: 'rank' },
    methods: ADAPTERS,
    group: 'method',
  },
  {
    id: 'targets',
    type: 'enum',
    default: 'qv',
    values: [
      ['qv', 'q, v'],
      ['attention', 'Attention (q, k, v, o)'],
      ['mlp', 'MLP (gate, up, down)'],
      ['all-linear', 'All linear'],
    ],
    label: 'Target modules',
    help: 'Which linear layers get an adapter.',
    url: 'targets',
    cli: { flag: 'targets' },
    methods: ADAPTERS,
    group: 'method',
  },
  {
    // What target_modules="all-linear" (or the MLP names) does to the routed experts, checked in the sources:
    // Transformers 4.x builds them as nn.Linear per expert (Qwen3MoeSparseMoeBlock: nn.ModuleList of Qwen3MoeMLP),
    // so PEFT adapts each one. Transformers 5 stores them as 3-D nn.Parameter (Qwen3MoeExperts.gate_up_proj,
    // down_proj), which all-linear alone skips, but PEFT 0.20.0 rewrites the config for the Mixtral and Qwen2-MoE
    // families (peft/utils/transformers_weight_conversion.py _convert_peft_config_moe, from PR #3232; transformers
    // conversion_mapping.py maps qwen3_moe, deepseek_v3, olmoe, … onto them) into target_parameters on those weights:
    // the experts are adapted again. gpt-oss's experts have been 3-D parameters in both, with no such mapping: off.
    id: 'expertAdapters',
    type: 'bool',
    default: true,
    label: 'Adapters on the experts',
    help: 'MLP and all-linear targets adapt each routed expert (PEFT on Transformers 4; on 5 from PEFT 0.20.0).',
    url: 'expert-adapters',
    cli: { flag: 'expert-adapters' },
    methods: ADAPTERS,
    moe: true,
    group: 'method',
  },
  {
    id: 'seq',
    type: 'int',
    default: 2048,
    min: 1,
    max: 2_097_152,
    label: 'Sequence length',
    help: 'Tokens per sequence.',
    url: 'seq',
    cli: { flag: 'seq' },
    group: 'training',
  },
  {
    id: 'batch',
    type: 'int',
    default: 1,
    min: 1,
    max: 65_536,
    label: 'Micro-batch',
    help: 'Sequences per GPU in one forward and backward pass.',
    url: 'batch',
    cli: { flag: 'batch' },
    group: 'training',
  },
  {
    id: 'gradCheckpointing',
    type: 'bool',
    default: false,
    label: 'Gradient checkpointing',
    help: 'Keep only each block’s input and recompute the rest in the backward pass.',
    url: 'grad-checkpointing',
    cli: { flag: 'grad-checkpointing' },
    group: 'training',
  },
  {
    id: 'attention',
    type: 'enum',
    default: 'flash',
    values: [
      ['flash', 'FlashAttention'],
      ['eager', 'Eager (s² scores)'],
    ],
    label: 'Attention kernel',
    help: 'Eager attention stores the s × s scores of every head; FlashAttention does not.',
    url: 'attention',
    cli: { flag: 'attention' },
    group: 'training',
  },
  {
    id: 'gpus',
    type: 'int',
    default: 1,
    min: 1,
    max: 65_536,
    label: 'Number of GPUs',
    help: 'Data-parallel GPUs; every figure is per GPU.',
    url: 'gpus',
    cli: { flag: 'gpus' },
    group: 'gpus',
  },
  {
    id: 'sharding',
    type: 'enum',
    default: 'none',
    values: [
      ['none', 'None (DDP)'],
      ['zero1', 'ZeRO-1'],
      ['zero2', 'ZeRO-2'],
      ['zero3', 'ZeRO-3'],
      ['fsdp', 'FSDP (full shard)'],
    ],
    label: 'Sharding',
    help: 'What is split across the GPUs: optimizer states (ZeRO-1), also gradients (ZeRO-2), also weights (ZeRO-3, FSDP).',
    url: 'sharding',
    cli: { flag: 'sharding' },
    group: 'gpus',
  },
  {
    id: 'doubleQuant',
    type: 'bool',
    default: false,
    label: 'Double quantization',
    help: 'Quantize the 4-bit constants too (0.127 instead of 0.5 extra bits per weight).',
    url: 'double-quant',
    cli: { flag: 'double-quant' },
    methods: ['qlora'],
    group: 'method',
  },
  {
    id: 'loss',
    type: 'enum',
    default: 'chunked',
    values: [
      ['chunked', 'Chunked (TRL default)'],
      ['fused', 'Fused linear + loss'],
      ['bf16', 'Full logits, bf16'],
      ['fp32', 'Full logits, fp32'],
    ],
    label: 'Loss',
    help: 'How cross-entropy meets the vocabulary: in checkpointed chunks (TRL 1.9 SFTTrainer’s chunked_nll), fused with the head (Liger, torchtune), or over all logits in bf16 or upcast to fp32 (Transformers’ own loss).',
    url: 'loss',
    aliases: ['chunked-loss'],
    aliasValues: { 'chunked-loss': { '1': 'chunked', true: 'chunked', '0': 'fp32', false: 'fp32' } },
    cli: { flag: 'loss' },
    group: 'training',
  },
  {
    id: 'loraDropout',
    type: 'int',
    default: 0,
    min: 0,
    max: 90,
    label: 'LoRA dropout (%)',
    help: 'lora_dropout × 100; above 0 every adapted layer keeps its own dropped copy of its input and a mask.',
    url: 'lora-dropout',
    cli: { flag: 'lora-dropout' },
    methods: ADAPTERS,
    group: 'method',
  },
  {
    id: 'adapterFp32',
    type: 'bool',
    default: true,
    label: 'Adapters in fp32',
    help: 'PEFT’s autocast_adapter_dtype (on by default): adapter weights in fp32, each adapted layer keeps an fp32 copy of its input.',
    url: 'adapter-fp32',
    cli: { flag: 'adapter-fp32' },
    methods: ADAPTERS,
    group: 'method',
  },
  {
    id: 'quantSavesInput',
    type: 'bool',
    default: false,
    label: '4-bit layers keep their input',
    help: 'bitsandbytes before 0.43.2 kept each 4-bit layer’s input for the backward pass; 0.43.2 and later do not.',
    url: 'quant-saves-input',
    cli: { flag: 'quant-saves-input' },
    methods: ['qlora'],
    group: 'method',
  },
  {
    id: 'quantizeHead',
    type: 'bool',
    default: false,
    label: '4-bit output head',
    help: 'Quantize the output head too (Lightning/LitGPT do; Transformers keeps lm_head in 16 bits).',
    url: 'quantize-head',
    cli: { flag: 'quantize-head' },
    methods: ['qlora'],
    group: 'method',
  },
  {
    id: 'trainHead',
    type: 'bool',
    default: false,
    label: 'Train the output head',
    help: 'modules_to_save: a full trainable copy of the head, with its gradient and optimizer state.',
    url: 'train-head',
    cli: { flag: 'train-head' },
    methods: ADAPTERS,
    group: 'method',
  },
  {
    id: 'trainEmbeddings',
    type: 'bool',
    default: false,
    label: 'Train the embeddings',
    help: 'modules_to_save: a full trainable copy of the input embeddings, with its gradient and optimizer state.',
    url: 'train-embeddings',
    cli: { flag: 'train-embeddings' },
    methods: ADAPTERS,
    group: 'method',
  },
  {
    id: 'optimizerImpl',
    type: 'enum',
    default: 'foreach',
    values: [
      ['foreach', 'foreach (PyTorch default)'],
      ['fused', 'fused'],
      ['in-backward', 'in the backward pass'],
    ],
    label: 'Optimizer step',
    help: 'foreach keeps one state-sized temporary during the step; fused keeps none; in the backward pass each gradient is applied and freed as soon as it exists.',
    url: 'optimizer-impl',
    cli: { flag: 'optimizer-impl' },
    group: 'training',
  },
  {
    id: 'accumulation',
    type: 'int',
    default: 1,
    min: 1,
    max: 65_536,
    label: 'Gradient accumulation',
    help: 'Micro-batches per optimizer step; above 1 the gradients stay alive through every forward pass.',
    url: 'accumulation',
    cli: { flag: 'accumulation' },
    group: 'training',
  },
  {
    id: 'offload',
    type: 'enum',
    default: 'none',
    values: [
      ['none', 'Nothing'],
      ['optimizer', 'Optimizer states'],
      ['activations', 'Activations'],
      ['both', 'Both'],
    ],
    label: 'Offload to CPU',
    help: 'Optimizer states (ZeRO-Offload, FSDP cpu_offload) or saved activations (torchtune, TRL activation_offloading) kept in CPU memory.',
    url: 'offload',
    cli: { flag: 'offload' },
    group: 'training',
  },
  {
    id: 'gpu',
    type: 'gpu',
    default: 'rtx-4090',
    label: 'GPU',
    help: 'A GPU preset id (list: --list-gpus) to check the fit against, or none.',
    url: 'gpu',
    cli: { flag: 'gpu', default: 'none' },
    group: 'gpus',
  },
  {
    id: 'examples',
    type: 'int',
    default: 0,
    min: 0,
    max: 999_999_999,
    label: 'Examples',
    help: 'Examples in the data set (preference pairs for DPO, ORPO and SimPO); with their mean length, the dataset tokens when those are 0.',
    url: 'examples',
    cli: { flag: 'examples' },
    group: 'cost',
  },
  {
    id: 'exampleTokens',
    type: 'int',
    default: 0,
    min: 0,
    max: 999_999_999,
    label: 'Mean tokens per example',
    help: 'Mean tokens of an example (of a chosen plus a rejected sequence for DPO, ORPO and SimPO), or the sequence length when padded; × the examples, the dataset tokens when those are 0.',
    url: 'example-tokens',
    cli: { flag: 'example-tokens' },
    group: 'cost',
  },
  {
    id: 'tokens',
    type: 'int',
    default: 0,
    min: 0,
    max: 999_999_999,
    label: 'Dataset tokens',
    help: 'Tokens in one epoch (examples × their mean length after packing, or × the sequence length when padded; for DPO, ORPO and SimPO the chosen and the rejected sequences both), for the time and cost estimate; 0: examples × their mean tokens, none when those are 0 too.',
    url: 'tokens',
    cli: { flag: 'tokens' },
    group: 'cost',
  },
  {
    id: 'epochs',
    type: 'int',
    default: 3,
    min: 1,
    max: 1000,
    label: 'Epochs',
    help: 'Passes over the data set (num_train_epochs), for the time and cost estimate.',
    url: 'epochs',
    cli: { flag: 'epochs' },
    group: 'cost',
  },
  {
    id: 'priceCents',
    type: 'int',
    default: 0,
    min: 0,
    max: 10_000_000,
    label: 'Price (¢/GPU-hour)',
    help: 'US cents per GPU per hour; 0: the GPU’s on-demand price from the list on /about/memory/.',
    url: 'price-cents',
    cli: { flag: 'price-cents' },
    group: 'cost',
  },
  {
    id: 'mfu',
    type: 'int',
    default: 0,
    min: 0,
    max: 100,
    label: 'Utilisation (MFU, %)',
    help: 'Share of the GPU’s peak bf16 FLOP/s the run achieves; 0: the method’s default, measured from published step times.',
    url: 'mfu',
    cli: { flag: 'mfu' },
    group: 'cost',
  },
  {
    id: 'unit',
    type: 'enum',
    default: 'GB',
    values: [
      ['GB', 'GB'],
      ['GiB', 'GiB'],
    ],
    label: 'Unit',
    help: 'GB = 10⁹ bytes, GiB = 2³⁰ bytes.',
    url: 'unit',
    cli: null,
    group: 'display',
    radios: true,
  },
];

/** The special values of the `model` and `gpu` parameters. */
export const CUSTOM_MODEL = 'custom';
export const NO_GPU = 'none';

const BY_ID = new Map(PARAMS.map((p) => [p.id, p]));
const BY_URL = new Map(PARAMS.flatMap((p) => [[p.url, p] as const, ...(p.aliases ?? []).map((a) => [a, p] as const)]));

export function param(id: string): ParamSpec | undefined {
  return BY_ID.get(id);
}

/** The parameter a query name (or alias) stands for. */
export function paramByUrl(name: string): ParamSpec | undefined {
  return BY_URL.get(name);
}

/** The training inputs (not the architecture, not the page settings). */
export const INPUT_PARAMS: readonly ParamSpec[] = PARAMS.filter(
  (p) => p.group !== 'architecture' && p.group !== 'display' && p.type !== 'gpu',
);
/** The fields of a custom architecture. */
export const ARCH_PARAMS: readonly ParamSpec[] = PARAMS.filter((p) => p.group === 'architecture');

export const archField = (p: ParamSpec): string => p.id.slice('model.'.length);

/** Whether a parameter applies to a method (rank and targets to adapters, double quantization to QLoRA), a
 *  trainer (generations to GRPO, …) and, when the model's expert count is known, a model (expert adapters to MoE). */
export function appliesTo(p: ParamSpec, method: string, trainer = 'sft', experts?: number): boolean {
  return (
    (!p.methods || (p.methods as readonly string[]).includes(method)) &&
    (!p.trainers || (p.trainers as readonly string[]).includes(trainer)) &&
    !(p.moe && experts !== undefined && experts <= 1)
  );
}

type Defaults = Omit<NormalizedInput, 'model' | 'method'>;
/** The memory model's defaults for every optional training input. */
export const DEFAULTS: Readonly<Defaults> = Object.fromEntries(
  INPUT_PARAMS.filter((p) => p.id !== 'model' && p.id !== 'method').map((p) => [p.id, p.default]),
) as unknown as Defaults;

/** Integer limits by field, for the searches in fit.ts. */
export const LIMITS: Readonly<Record<'rank' | 'seq' | 'batch' | 'gpus', { min: number; max: number }>> = {
  rank: limits('rank'),
  seq: limits('seq'),
  batch: limits('batch'),
  gpus: limits('gpus'),
};

function limits(id: string): { min: number; max: number } {
  const p = BY_ID.get(id);
  if (p?.min === undefined || p.max === undefined) throw new Error(`parameter ${id} has no limits`);
  return { min: p.min, max: p.max };
}

/** `1,234` */
const n = (x: number): string => x.toLocaleString('en-US');

/** A value as a message quotes it: strings in quotes, cut to 40 characters; other types named. */
export function showValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  return typeof v;
}

/** What a parameter accepts, in words (messages, --help, /about/memory/). */
export function allowedText(p: ParamSpec): string {
  switch (p.type) {
    case 'int':
      return `a whole number from ${n(p.min ?? 0)} to ${n(p.max ?? 0)}`;
    case 'bool':
      return 'on or off';
    case 'enum':
      return (p.values ?? []).map(([v]) => v).join(', ');
    case 'model':
      return `a model preset id or ${CUSTOM_MODEL}`;
    case 'gpu':
      return `a GPU preset id or ${NO_GPU}`;
  }
}

/** Checks one typed value against its table entry; returns the problem in words, or null. */
export function checkValue(p: ParamSpec, v: unknown): string | null {
  switch (p.type) {
    case 'int':
      return typeof v === 'number' && Number.isInteger(v) && v >= (p.min ?? 0) && v <= (p.max ?? 0)
        ? null
        : `must be ${allowedText(p)} (got ${showValue(v)})`;
    case 'bool':
      return typeof v === 'boolean' ? null : `must be true or false (got ${showValue(v)})`;
    case 'enum':
      return typeof v === 'string' && (p.values ?? []).some(([x]) => x === v)
        ? null
        : `must be one of ${allowedText(p)} (got ${showValue(v)})`;
    default:
      return null;
  }
}

// The fields every Architecture has (types.ts); the others default in resolveArchitecture (params.ts).
const REQUIRED_ARCH = new Set([
  'hidden',
  'layers',
  'heads',
  'kvHeads',
  'headDim',
  'intermediate',
  'vocab',
  'tiedEmbeddings',
  'qkvBias',
]);

/** Validates a custom architecture against the table; fields are reported as `model.<field>`. */
export function validateArchitecture(a: unknown): InputError[] {
  if (typeof a !== 'object' || a === null || Array.isArray(a)) {
    return [{ field: 'model', message: 'must be a preset id or an architecture object' }];
  }
  const o = a as Record<string, unknown>;
  const errors: InputError[] = [];
  for (const p of ARCH_PARAMS) {
    const k = archField(p);
    if (o[k] === undefined && !REQUIRED_ARCH.has(k)) continue;
    const problem = checkValue(p, o[k]);
    if (problem) errors.push({ field: p.id, message: problem });
  }
  const pe = o.positionEmbeddings;
  if (pe !== undefined && !(typeof pe === 'number' && Number.isInteger(pe) && pe >= 0 && pe <= 16_777_216)) {
    errors.push({ field: 'model.positionEmbeddings', message: `must be a whole number from 0 to 16,777,216` });
  }
  const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
  if (isInt(o.activeExperts) && isInt(o.experts) && o.experts >= 1 && o.activeExperts > o.experts) {
    errors.push({
      field: 'model.activeExperts',
      message: `must be at most the experts (${o.experts}) (got ${o.activeExperts})`,
    });
  } else if (isInt(o.activeExperts) && o.experts === undefined && o.activeExperts > 1) {
    errors.push({ field: 'model.activeExperts', message: `must be at most the experts (1) (got ${o.activeExperts})` });
  }
  if (isInt(o.denseLayers) && isInt(o.layers) && o.denseLayers > o.layers) {
    errors.push({
      field: 'model.denseLayers',
      message: `must be at most the layers (${o.layers}) (got ${o.denseLayers})`,
    });
  }
  if (isInt(o.heads) && isInt(o.kvHeads) && o.kvHeads > 0 && o.heads % o.kvHeads !== 0) {
    errors.push({ field: 'model.kvHeads', message: `must divide the attention heads (${o.heads}) (got ${o.kvHeads})` });
  }
  return errors;
}

/** The optional training inputs, checked against the table and filled with their defaults. */
export function checkInputs(raw: Record<string, unknown>): { values: Record<string, unknown>; errors: InputError[] } {
  const values: Record<string, unknown> = {};
  const errors: InputError[] = [];
  for (const p of INPUT_PARAMS) {
    if (p.type === 'model') continue;
    if (p.id === 'method' && raw.method === undefined) {
      errors.push({ field: 'method', message: `is required: ${allowedText(p)}` });
      continue;
    }
    const v = raw[p.id] === undefined ? p.default : raw[p.id];
    const problem = checkValue(p, v);
    if (problem) errors.push({ field: p.id, message: problem });
    values[p.id] = v;
  }
  return { values, errors };
}

/** The table entry behind an error's field (`seq`, `model.kvHeads`), if any. */
export function paramOfField(field: string): ParamSpec | undefined {
  return BY_ID.get(field) ?? (field.startsWith('model.') ? undefined : BY_URL.get(field));
}

/** An error in the words of the calculator: "Sequence length: must be …". */
export function labelledMessage(e: InputError): string {
  const p = paramOfField(String(e.field));
  return `${p?.label ?? String(e.field)}: ${e.message}`;
}
