// Model and GPU presets.
//
// Architecture values are the fields of each checkpoint's config.json on the Hugging Face Hub (URLs, official counts
// and what a checkpoint holds beyond the model are in preset-sources.ts, which the browser bundles leave out).
// They were cross-checked against LitGPT's litgpt/config.py, which mirrors those configs with the same URLs
// (github.com/Lightning-AI/litgpt, litgpt/config.py), and every `officialParams` below is reproduced exactly by
// countParams() from these values (tests/unit/memory/params.test.ts). Official totals are the safetensors parameter
// counts the Hub reports for the checkpoints (e.g. Llama-2-7B 6,738,415,616).
import type { Architecture, GpuPreset, ModelPreset } from './types.ts';

function llama(
  hidden: number,
  layers: number,
  heads: number,
  kvHeads: number,
  intermediate: number,
  vocab: number,
  tiedEmbeddings: boolean,
  contextLength: number,
  extra: Partial<Architecture> = {},
): Architecture {
  return {
    hidden,
    layers,
    heads,
    kvHeads,
    headDim: hidden / heads,
    intermediate,
    vocab,
    tiedEmbeddings,
    qkvBias: false,
    mlp: 'gated',
    norm: 'rmsnorm',
    normsPerLayer: 2,
    contextLength,
    ...extra,
  };
}

const EARLIER_MODEL_PRESETS: readonly ModelPreset[] = [
  {
    id: 'llama-2-7b',
    name: 'Llama-2 7B',
    arch: llama(4096, 32, 32, 32, 11008, 32000, false, 4096),
  },
  {
    id: 'llama-2-13b',
    name: 'Llama-2 13B',
    arch: llama(5120, 40, 40, 40, 13824, 32000, false, 4096),
  },
  {
    id: 'llama-2-70b',
    name: 'Llama-2 70B',
    arch: llama(8192, 80, 64, 8, 28672, 32000, false, 4096),
  },
  {
    id: 'llama-3.1-8b',
    name: 'Llama-3.1 8B',
    arch: llama(4096, 32, 32, 8, 14336, 128256, false, 131072),
  },
  {
    id: 'llama-3.1-70b',
    name: 'Llama-3.1 70B',
    arch: llama(8192, 80, 64, 8, 28672, 128256, false, 131072),
  },
  {
    id: 'llama-3.2-1b',
    name: 'Llama-3.2 1B',
    // head_dim 64 (2048 / 32); tie_word_embeddings: true
    arch: llama(2048, 16, 32, 8, 8192, 128256, true, 131072),
  },
  {
    id: 'llama-3.2-3b',
    name: 'Llama-3.2 3B',
    // head_dim 128 (3072 / 24); tie_word_embeddings: true
    arch: llama(3072, 28, 24, 8, 8192, 128256, true, 131072),
  },
  {
    id: 'mistral-7b',
    name: 'Mistral 7B (v0.1)',
    // sliding_window 4096 does not change parameter or per-token activation counts
    arch: llama(4096, 32, 32, 8, 14336, 32000, false, 32768),
  },
  {
    id: 'mixtral-8x7b',
    name: 'Mixtral 8x7B',
    // num_local_experts 8, num_experts_per_tok 2: weights are sized by ALL experts (46.7B), compute by 2 (12.9B)
    arch: llama(4096, 32, 32, 8, 14336, 32000, false, 32768, { experts: 8, activeExperts: 2 }),
  },
  {
    id: 'qwen2.5-0.5b',
    name: 'Qwen2.5 0.5B',
    arch: llama(896, 24, 14, 2, 4864, 151936, true, 32768, { qkvBias: true }),
  },
  {
    id: 'qwen2.5-1.5b',
    name: 'Qwen2.5 1.5B',
    arch: llama(1536, 28, 12, 2, 8960, 151936, true, 131072, { qkvBias: true }),
  },
  {
    id: 'qwen2.5-7b',
    name: 'Qwen2.5 7B',
    arch: llama(3584, 28, 28, 4, 18944, 152064, false, 131072, { qkvBias: true }),
  },
  {
    id: 'qwen2.5-14b',
    name: 'Qwen2.5 14B',
    arch: llama(5120, 48, 40, 8, 13824, 152064, false, 131072, { qkvBias: true }),
  },
  {
    id: 'qwen2.5-32b',
    name: 'Qwen2.5 32B',
    arch: llama(5120, 64, 40, 8, 27648, 152064, false, 131072, { qkvBias: true }),
  },
  {
    id: 'qwen2.5-72b',
    name: 'Qwen2.5 72B',
    arch: llama(8192, 80, 64, 8, 29568, 152064, false, 131072, { qkvBias: true }),
  },
  {
    id: 'gemma-2-2b',
    name: 'Gemma-2 2B',
    // head_dim 256 (not hidden/heads); four RMSNorms per block (pre/post attention, pre/post feed-forward);
    // GeGLU MLP; tied embeddings; 256k vocabulary
    arch: llama(2304, 26, 8, 4, 9216, 256000, true, 8192, { headDim: 256, normsPerLayer: 4 }),
  },
  {
    id: 'gemma-2-9b',
    name: 'Gemma-2 9B',
    arch: llama(3584, 42, 16, 8, 14336, 256000, true, 8192, { headDim: 256, normsPerLayer: 4 }),
  },
  {
    id: 'gemma-2-27b',
    name: 'Gemma-2 27B',
    // head_dim 128 with 32 heads: the query width (4096) is smaller than hidden_size (4608)
    arch: llama(4608, 46, 32, 16, 36864, 256000, true, 8192, { headDim: 128, normsPerLayer: 4 }),
  },
  {
    id: 'phi-3-mini',
    name: 'Phi-3-mini (4k)',
    // fused qkv_proj and gate_up_proj in the HF implementation: same parameter count as separate projections
    arch: llama(3072, 32, 32, 32, 8192, 32064, false, 4096),
  },
];

// Qwen3 (dense): q_norm/k_norm per head, head_dim 128 for every size (wider than hidden/heads for 0.6B and 4B),
// vocab_size 151936, max_position_embeddings 40960; tie_word_embeddings true for 0.6B, 1.7B and 4B.
const qwen3 = (hidden: number, layers: number, heads: number, intermediate: number, tied: boolean): Architecture =>
  llama(hidden, layers, heads, 8, intermediate, 151936, tied, 40960, { headDim: 128, qkNorm: true });

// Gemma-3: four RMSNorms per block, q_norm/k_norm, GeGLU, tied embeddings. The 4B, 12B and 27B checkpoints are
// Gemma3ForConditionalGeneration: the values are those of text_config (vocab 262208), and the SigLIP tower of
// vision_config (hidden 1152, 27 layers, intermediate 4304, patch 14, image 896, 3 channels) is outside the language
// model: Gemma3ForCausalLM loads the text part alone for text fine-tuning.
const gemma3 = (
  hidden: number,
  layers: number,
  heads: number,
  kvHeads: number,
  intermediate: number,
  vocab: number,
  contextLength: number,
  headDim = 256,
): Architecture =>
  llama(hidden, layers, heads, kvHeads, intermediate, vocab, true, contextLength, {
    headDim,
    normsPerLayer: 4,
    qkNorm: true,
  });
// gpt-oss (GptOssForCausalLM): q/k/v/o with biases, one learned attention sink per head, experts with biases on the
// fused gate_up_proj and down_proj, a router with a bias, head_dim 64, untied 201,088-row vocabulary. The experts ship
// as MXFP4 blocks; training dequantizes them to bf16 (transformers Mxfp4Config(dequantize=True), as in OpenAI's
// fine-tuning recipe), so they are sized as 16-bit weights here.
const gptOss = (layers: number, experts: number): Architecture =>
  llama(2880, layers, 64, 8, 2880, 201088, false, 131072, {
    headDim: 64,
    qkvBias: true,
    oBias: true,
    mlpBias: true,
    routerBias: true,
    sinks: true,
    experts,
    activeExperts: 4,
  });

/** Presets for the models people fine-tune today (issue #12); their sources and official counts are in
 *  preset-sources.ts. */
export const CURRENT_MODEL_PRESETS: readonly ModelPreset[] = [
  {
    id: 'qwen3-0.6b',
    name: 'Qwen3 0.6B',
    arch: qwen3(1024, 28, 16, 3072, true),
  },
  {
    id: 'qwen3-1.7b',
    name: 'Qwen3 1.7B',
    arch: qwen3(2048, 28, 16, 6144, true),
  },
  {
    id: 'qwen3-4b',
    name: 'Qwen3 4B',
    arch: qwen3(2560, 36, 32, 9728, true),
  },
  {
    id: 'qwen3-8b',
    name: 'Qwen3 8B',
    arch: qwen3(4096, 36, 32, 12288, false),
  },
  {
    id: 'qwen3-14b',
    name: 'Qwen3 14B',
    arch: qwen3(5120, 40, 40, 17408, false),
  },
  {
    id: 'qwen3-32b',
    name: 'Qwen3 32B',
    arch: qwen3(5120, 64, 64, 25600, false),
  },
  {
    id: 'qwen3-30b-a3b',
    name: 'Qwen3-30B-A3B (MoE)',
    // qwen3_moe: 128 experts of moe_intermediate_size 768, 8 routed per token, in every layer (decoder_sparse_step 1,
    // mlp_only_layers []), no shared expert, router without bias; 3.3B active parameters
    arch: llama(2048, 48, 32, 4, 768, 151936, false, 40960, {
      headDim: 128,
      qkNorm: true,
      experts: 128,
      activeExperts: 8,
    }),
  },
  {
    id: 'llama-3.3-70b',
    name: 'Llama-3.3 70B',
    arch: llama(8192, 80, 64, 8, 28672, 128256, false, 131072),
  },
  {
    id: 'gemma-3-1b',
    name: 'Gemma-3 1B',
    // text-only (Gemma3ForCausalLM, model_type gemma3_text): 262,144-row vocabulary, one KV head
    arch: gemma3(1152, 26, 4, 1, 6912, 262144, 32768),
  },
  {
    id: 'gemma-3-4b',
    name: 'Gemma-3 4B',
    arch: gemma3(2560, 34, 8, 4, 10240, 262208, 131072),
  },
  {
    id: 'gemma-3-12b',
    name: 'Gemma-3 12B',
    arch: gemma3(3840, 48, 16, 8, 15360, 262208, 131072),
  },
  {
    id: 'gemma-3-27b',
    name: 'Gemma-3 27B',
    // head_dim 128 with 32 heads: the query width (4096) is smaller than hidden_size (5376)
    arch: gemma3(5376, 62, 32, 16, 21504, 262208, 131072, 128),
  },
  {
    id: 'mistral-small-3-24b',
    name: 'Mistral-Small-3 24B (2501)',
    // head_dim 128 with 32 heads: the query width (4096) is smaller than hidden_size (5120)
    arch: llama(5120, 40, 32, 8, 32768, 131072, false, 32768, { headDim: 128 }),
  },
  {
    id: 'phi-4',
    name: 'Phi-4 14B',
    // Phi3ForCausalLM with fused qkv_proj and gate_up_proj (same parameter count as separate projections)
    arch: llama(5120, 40, 40, 10, 17920, 100352, false, 16384),
  },
  {
    id: 'gpt-oss-20b',
    name: 'gpt-oss-20b (MoE)',
    arch: gptOss(24, 32),
  },
  {
    id: 'gpt-oss-120b',
    name: 'gpt-oss-120b (MoE)',
    arch: gptOss(36, 128),
  },
  {
    id: 'deepseek-r1-distill-qwen-7b',
    name: 'DeepSeek-R1-Distill-Qwen-7B',
    // Qwen2ForCausalLM (from Qwen2.5-Math-7B): the shape of Qwen2.5-7B, q/k/v biases
    arch: llama(3584, 28, 28, 4, 18944, 152064, false, 131072, { qkvBias: true }),
  },
  {
    id: 'deepseek-r1-distill-llama-8b',
    name: 'DeepSeek-R1-Distill-Llama-8B',
    // LlamaForCausalLM from Llama-3.1-8B
    arch: llama(4096, 32, 32, 8, 14336, 128256, false, 131072),
  },
];

// GPU presets. `usableBytes` is the total the NVIDIA driver reports (nvidia-smi "Memory-Usage" total, in MiB), which
// is what a CUDA process can at most address; the CUDA context is then taken out of it by the `overhead` component.
// Values seen in published nvidia-smi output: T4 15360 MiB, L4 23034 MiB, RTX 3090 24576 MiB (older drivers print
// 24268 MiB), RTX 4090 24564 MiB, A10G 23028 MiB, RTX A6000 49140 MiB, A100 40GB 40960 MiB, A100 80GB 81920 MiB,
// H100 80GB 81559 MiB, H200 143771 MiB, B200 183359 MiB. Marketed sizes use the vendor's "GB", which for these
// cards is a binary figure (a "48 GB" A6000 holds 49140 MiB = 51.5 decimal GB).
const MIB = 2 ** 20;
const SMI = 'nvidia-smi total (MiB), driver-reported';

export const GPU_PRESETS: readonly GpuPreset[] = [
  { id: 't4', name: 'NVIDIA T4', memoryGB: 16, usableBytes: 15360 * MIB, source: SMI },
  { id: 'l4', name: 'NVIDIA L4', memoryGB: 24, usableBytes: 23034 * MIB, source: SMI },
  { id: 'rtx-3090', name: 'NVIDIA GeForce RTX 3090', memoryGB: 24, usableBytes: 24576 * MIB, source: SMI },
  { id: 'rtx-4090', name: 'NVIDIA GeForce RTX 4090', memoryGB: 24, usableBytes: 24564 * MIB, source: SMI },
  { id: 'a10g', name: 'NVIDIA A10G', memoryGB: 24, usableBytes: 23028 * MIB, source: SMI },
  { id: 'a6000', name: 'NVIDIA RTX A6000', memoryGB: 48, usableBytes: 49140 * MIB, source: SMI },
  { id: 'a100-40gb', name: 'NVIDIA A100 40GB', memoryGB: 40, usableBytes: 40960 * MIB, source: SMI },
  { id: 'a100-80gb', name: 'NVIDIA A100 80GB', memoryGB: 80, usableBytes: 81920 * MIB, source: SMI },
  { id: 'h100-80gb', name: 'NVIDIA H100 80GB', memoryGB: 80, usableBytes: 81559 * MIB, source: SMI },
  { id: 'h200', name: 'NVIDIA H200', memoryGB: 141, usableBytes: 143771 * MIB, source: SMI },
  { id: 'b200', name: 'NVIDIA B200', memoryGB: 180, usableBytes: 183359 * MIB, source: SMI },
];

/** Every model preset: the earlier ones first (their ids stay valid in shared links), then today's. */
export const MODEL_PRESETS: readonly ModelPreset[] = [...EARLIER_MODEL_PRESETS, ...CURRENT_MODEL_PRESETS];

/** The presets the method selector offers (scripts/gen-selector-memory.ts tabulates them). Each costs its on-demand
 *  chunk about 40 gzipped bytes, and that chunk has 10 kB (tests/build/budgets.test.ts): all 37 do not fit, so the
 *  selector keeps the models it had until its table is made smaller. */
export const SELECTOR_MODEL_PRESETS: readonly ModelPreset[] = EARLIER_MODEL_PRESETS;

export function findModel(id: string): ModelPreset | undefined {
  return MODEL_PRESETS.find((m) => m.id === id);
}

export function findGpu(id: string): GpuPreset | undefined {
  return GPU_PRESETS.find((g) => g.id === id);
}
