// Model and GPU presets.
//
// Architecture values are the fields of each checkpoint's config.json on the Hugging Face Hub (URL in `source`).
// They were cross-checked against LitGPT's litgpt/config.py, which mirrors those configs with the same URLs
// (github.com/Lightning-AI/litgpt, litgpt/config.py), and every `officialParams` below is reproduced exactly by
// countParams() from these values (tests/unit/memory/params.test.ts). Official totals are the safetensors parameter
// counts the Hub reports for the checkpoints (e.g. Llama-2-7B 6,738,415,616).
import { type SiglipShape, siglipParams } from './params.ts';
import type { Architecture, GpuPreset, ModelPreset } from './types.ts';

const HF = 'https://huggingface.co';

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
    officialParams: 6_738_415_616,
    source: `${HF}/meta-llama/Llama-2-7b-hf/blob/main/config.json`,
  },
  {
    id: 'llama-2-13b',
    name: 'Llama-2 13B',
    arch: llama(5120, 40, 40, 40, 13824, 32000, false, 4096),
    officialParams: 13_015_864_320,
    source: `${HF}/meta-llama/Llama-2-13b-hf/blob/main/config.json`,
  },
  {
    id: 'llama-2-70b',
    name: 'Llama-2 70B',
    arch: llama(8192, 80, 64, 8, 28672, 32000, false, 4096),
    officialParams: 68_976_648_192,
    source: `${HF}/meta-llama/Llama-2-70b-hf/blob/main/config.json`,
  },
  {
    id: 'llama-3.1-8b',
    name: 'Llama-3.1 8B',
    arch: llama(4096, 32, 32, 8, 14336, 128256, false, 131072),
    officialParams: 8_030_261_248,
    source: `${HF}/meta-llama/Llama-3.1-8B/blob/main/config.json`,
  },
  {
    id: 'llama-3.1-70b',
    name: 'Llama-3.1 70B',
    arch: llama(8192, 80, 64, 8, 28672, 128256, false, 131072),
    officialParams: 70_553_706_496,
    source: `${HF}/meta-llama/Llama-3.1-70B/blob/main/config.json`,
  },
  {
    id: 'llama-3.2-1b',
    name: 'Llama-3.2 1B',
    // head_dim 64 (2048 / 32); tie_word_embeddings: true
    arch: llama(2048, 16, 32, 8, 8192, 128256, true, 131072),
    officialParams: 1_235_814_400,
    source: `${HF}/meta-llama/Llama-3.2-1B/blob/main/config.json`,
  },
  {
    id: 'llama-3.2-3b',
    name: 'Llama-3.2 3B',
    // head_dim 128 (3072 / 24); tie_word_embeddings: true
    arch: llama(3072, 28, 24, 8, 8192, 128256, true, 131072),
    officialParams: 3_212_749_824,
    source: `${HF}/meta-llama/Llama-3.2-3B/blob/main/config.json`,
  },
  {
    id: 'mistral-7b',
    name: 'Mistral 7B (v0.1)',
    // sliding_window 4096 does not change parameter or per-token activation counts
    arch: llama(4096, 32, 32, 8, 14336, 32000, false, 32768),
    officialParams: 7_241_732_096,
    source: `${HF}/mistralai/Mistral-7B-v0.1/blob/main/config.json`,
  },
  {
    id: 'mixtral-8x7b',
    name: 'Mixtral 8x7B',
    // num_local_experts 8, num_experts_per_tok 2: weights are sized by ALL experts (46.7B), compute by 2 (12.9B)
    arch: llama(4096, 32, 32, 8, 14336, 32000, false, 32768, { experts: 8, activeExperts: 2 }),
    officialParams: 46_702_792_704,
    source: `${HF}/mistralai/Mixtral-8x7B-v0.1/blob/main/config.json`,
  },
  {
    id: 'qwen2.5-0.5b',
    name: 'Qwen2.5 0.5B',
    arch: llama(896, 24, 14, 2, 4864, 151936, true, 32768, { qkvBias: true }),
    officialParams: 494_032_768,
    source: `${HF}/Qwen/Qwen2.5-0.5B/blob/main/config.json`,
  },
  {
    id: 'qwen2.5-1.5b',
    name: 'Qwen2.5 1.5B',
    arch: llama(1536, 28, 12, 2, 8960, 151936, true, 131072, { qkvBias: true }),
    officialParams: 1_543_714_304,
    source: `${HF}/Qwen/Qwen2.5-1.5B/blob/main/config.json`,
  },
  {
    id: 'qwen2.5-7b',
    name: 'Qwen2.5 7B',
    arch: llama(3584, 28, 28, 4, 18944, 152064, false, 131072, { qkvBias: true }),
    officialParams: 7_615_616_512,
    source: `${HF}/Qwen/Qwen2.5-7B/blob/main/config.json`,
  },
  {
    id: 'qwen2.5-14b',
    name: 'Qwen2.5 14B',
    arch: llama(5120, 48, 40, 8, 13824, 152064, false, 131072, { qkvBias: true }),
    officialParams: 14_770_033_664,
    source: `${HF}/Qwen/Qwen2.5-14B/blob/main/config.json`,
  },
  {
    id: 'qwen2.5-32b',
    name: 'Qwen2.5 32B',
    arch: llama(5120, 64, 40, 8, 27648, 152064, false, 131072, { qkvBias: true }),
    officialParams: 32_763_876_352,
    source: `${HF}/Qwen/Qwen2.5-32B/blob/main/config.json`,
  },
  {
    id: 'qwen2.5-72b',
    name: 'Qwen2.5 72B',
    arch: llama(8192, 80, 64, 8, 29568, 152064, false, 131072, { qkvBias: true }),
    officialParams: 72_706_203_648,
    source: `${HF}/Qwen/Qwen2.5-72B/blob/main/config.json`,
  },
  {
    id: 'gemma-2-2b',
    name: 'Gemma-2 2B',
    // head_dim 256 (not hidden/heads); four RMSNorms per block (pre/post attention, pre/post feed-forward);
    // GeGLU MLP; tied embeddings; 256k vocabulary
    arch: llama(2304, 26, 8, 4, 9216, 256000, true, 8192, { headDim: 256, normsPerLayer: 4 }),
    officialParams: 2_614_341_888,
    source: `${HF}/google/gemma-2-2b/blob/main/config.json`,
  },
  {
    id: 'gemma-2-9b',
    name: 'Gemma-2 9B',
    arch: llama(3584, 42, 16, 8, 14336, 256000, true, 8192, { headDim: 256, normsPerLayer: 4 }),
    officialParams: 9_241_705_984,
    source: `${HF}/google/gemma-2-9b/blob/main/config.json`,
  },
  {
    id: 'gemma-2-27b',
    name: 'Gemma-2 27B',
    // head_dim 128 with 32 heads: the query width (4096) is smaller than hidden_size (4608)
    arch: llama(4608, 46, 32, 16, 36864, 256000, true, 8192, { headDim: 128, normsPerLayer: 4 }),
    officialParams: 27_227_128_320,
    source: `${HF}/google/gemma-2-27b/blob/main/config.json`,
  },
  {
    id: 'phi-3-mini',
    name: 'Phi-3-mini (4k)',
    // fused qkv_proj and gate_up_proj in the HF implementation: same parameter count as separate projections
    arch: llama(3072, 32, 32, 32, 8192, 32064, false, 4096),
    officialParams: 3_821_079_552,
    source: `${HF}/microsoft/Phi-3-mini-4k-instruct/blob/main/config.json`,
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
const GEMMA3_SIGLIP: SiglipShape = { hidden: 1152, layers: 27, intermediate: 4304, patch: 14, image: 896, channels: 3 };
const gemma3Vision = (textHidden: number) => ({
  params: siglipParams(GEMMA3_SIGLIP, textHidden),
  why: 'the SigLIP vision tower and projector of vision_config, which text-only Gemma3ForCausalLM does not load',
});
const tiedCopy = (vocab: number, hidden: number) => ({
  params: vocab * hidden,
  why: 'model.safetensors stores the tied lm_head as a second tensor; in memory it is the embedding matrix',
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

/** Presets for the models people fine-tune today (issue #12). Official totals are the Hub's safetensors counts,
 *  each reproduced by countParams() (+ checkpointExtra where the file holds more than the language model). */
export const CURRENT_MODEL_PRESETS: readonly ModelPreset[] = [
  {
    id: 'qwen3-0.6b',
    name: 'Qwen3 0.6B',
    arch: qwen3(1024, 28, 16, 3072, true),
    officialParams: 751_632_384,
    checkpointExtra: tiedCopy(151936, 1024),
    source: `${HF}/Qwen/Qwen3-0.6B/blob/main/config.json`,
  },
  {
    id: 'qwen3-1.7b',
    name: 'Qwen3 1.7B',
    arch: qwen3(2048, 28, 16, 6144, true),
    officialParams: 2_031_739_904,
    checkpointExtra: tiedCopy(151936, 2048),
    source: `${HF}/Qwen/Qwen3-1.7B/blob/main/config.json`,
  },
  {
    id: 'qwen3-4b',
    name: 'Qwen3 4B',
    arch: qwen3(2560, 36, 32, 9728, true),
    officialParams: 4_022_468_096,
    source: `${HF}/Qwen/Qwen3-4B/blob/main/config.json`,
  },
  {
    id: 'qwen3-8b',
    name: 'Qwen3 8B',
    arch: qwen3(4096, 36, 32, 12288, false),
    officialParams: 8_190_735_360,
    source: `${HF}/Qwen/Qwen3-8B/blob/main/config.json`,
  },
  {
    id: 'qwen3-14b',
    name: 'Qwen3 14B',
    arch: qwen3(5120, 40, 40, 17408, false),
    officialParams: 14_768_307_200,
    source: `${HF}/Qwen/Qwen3-14B/blob/main/config.json`,
  },
  {
    id: 'qwen3-32b',
    name: 'Qwen3 32B',
    arch: qwen3(5120, 64, 64, 25600, false),
    officialParams: 32_762_123_264,
    source: `${HF}/Qwen/Qwen3-32B/blob/main/config.json`,
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
    officialParams: 30_532_122_624,
    source: `${HF}/Qwen/Qwen3-30B-A3B/blob/main/config.json`,
  },
  {
    id: 'llama-3.3-70b',
    name: 'Llama-3.3 70B',
    arch: llama(8192, 80, 64, 8, 28672, 128256, false, 131072),
    officialParams: 70_553_706_496,
    source: `${HF}/meta-llama/Llama-3.3-70B-Instruct/blob/main/config.json`,
  },
  {
    id: 'gemma-3-1b',
    name: 'Gemma-3 1B',
    // text-only (Gemma3ForCausalLM, model_type gemma3_text): 262,144-row vocabulary, one KV head
    arch: gemma3(1152, 26, 4, 1, 6912, 262144, 32768),
    officialParams: 999_885_952,
    source: `${HF}/google/gemma-3-1b-pt/blob/main/config.json`,
  },
  {
    id: 'gemma-3-4b',
    name: 'Gemma-3 4B',
    arch: gemma3(2560, 34, 8, 4, 10240, 262208, 131072),
    officialParams: 4_300_079_472,
    checkpointExtra: gemma3Vision(2560),
    source: `${HF}/google/gemma-3-4b-pt/blob/main/config.json`,
  },
  {
    id: 'gemma-3-12b',
    name: 'Gemma-3 12B',
    arch: gemma3(3840, 48, 16, 8, 15360, 262208, 131072),
    officialParams: 12_187_325_040,
    checkpointExtra: gemma3Vision(3840),
    source: `${HF}/google/gemma-3-12b-pt/blob/main/config.json`,
  },
  {
    id: 'gemma-3-27b',
    name: 'Gemma-3 27B',
    // head_dim 128 with 32 heads: the query width (4096) is smaller than hidden_size (5376)
    arch: gemma3(5376, 62, 32, 16, 21504, 262208, 131072, 128),
    officialParams: 27_432_406_640,
    checkpointExtra: gemma3Vision(5376),
    source: `${HF}/google/gemma-3-27b-pt/blob/main/config.json`,
  },
  {
    id: 'mistral-small-3-24b',
    name: 'Mistral-Small-3 24B (2501)',
    // head_dim 128 with 32 heads: the query width (4096) is smaller than hidden_size (5120)
    arch: llama(5120, 40, 32, 8, 32768, 131072, false, 32768, { headDim: 128 }),
    officialParams: 23_572_403_200,
    source: `${HF}/mistralai/Mistral-Small-24B-Base-2501/blob/main/config.json`,
  },
  {
    id: 'phi-4',
    name: 'Phi-4 14B',
    // Phi3ForCausalLM with fused qkv_proj and gate_up_proj (same parameter count as separate projections)
    arch: llama(5120, 40, 40, 10, 17920, 100352, false, 16384),
    officialParams: 14_659_507_200,
    source: `${HF}/microsoft/phi-4/blob/main/config.json`,
  },
  {
    id: 'gpt-oss-20b',
    name: 'gpt-oss-20b (MoE)',
    arch: gptOss(24, 32),
    officialParams: 20_914_757_184,
    source: `${HF}/openai/gpt-oss-20b/blob/main/config.json`,
  },
  {
    id: 'gpt-oss-120b',
    name: 'gpt-oss-120b (MoE)',
    arch: gptOss(36, 128),
    officialParams: 116_829_156_672,
    source: `${HF}/openai/gpt-oss-120b/blob/main/config.json`,
  },
  {
    id: 'deepseek-r1-distill-qwen-7b',
    name: 'DeepSeek-R1-Distill-Qwen-7B',
    // Qwen2ForCausalLM (from Qwen2.5-Math-7B): the shape of Qwen2.5-7B, q/k/v biases
    arch: llama(3584, 28, 28, 4, 18944, 152064, false, 131072, { qkvBias: true }),
    officialParams: 7_615_616_512,
    source: `${HF}/deepseek-ai/DeepSeek-R1-Distill-Qwen-7B/blob/main/config.json`,
  },
  {
    id: 'deepseek-r1-distill-llama-8b',
    name: 'DeepSeek-R1-Distill-Llama-8B',
    // LlamaForCausalLM from Llama-3.1-8B
    arch: llama(4096, 32, 32, 8, 14336, 128256, false, 131072),
    officialParams: 8_030_261_248,
    source: `${HF}/deepseek-ai/DeepSeek-R1-Distill-Llama-8B/blob/main/config.json`,
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

export function findModel(id: string): ModelPreset | undefined {
  return MODEL_PRESETS.find((m) => m.id === id);
}

export function findGpu(id: string): GpuPreset | undefined {
  return GPU_PRESETS.find((g) => g.id === id);
}
