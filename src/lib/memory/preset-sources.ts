// Where each model preset comes from: its config.json on the Hugging Face Hub, the parameter count the Hub reports for
// the checkpoint (safetensors total), and what that checkpoint holds beyond the language model sized here. Kept out of
// presets.ts so the calculator's and the selector's browser code carry only the architectures; /about/memory/ and the
// tests read it (every preset has an entry, and countParams(arch) + checkpointExtra = officialParams).
import { type SiglipShape, siglipParams } from './params.ts';

export interface PresetSource {
  /** The checkpoint's config.json on the Hub. */
  source: string;
  /** Parameter count published for the checkpoint (safetensors total), when we could confirm it. */
  officialParams?: number;
  /** Parameters the checkpoint's total holds that the language model trained here does not: Gemma-3's SigLIP vision
   *  tower and projector (text-only Gemma3ForCausalLM leaves them out), or a tied LM head that the file stores as a
   *  second tensor (Qwen3 0.6B/1.7B; one tensor in memory). countParams(arch) + params = officialParams. */
  checkpointExtra?: { params: number; why: string };
}

const HF = 'https://huggingface.co';

const GEMMA3_SIGLIP: SiglipShape = { hidden: 1152, layers: 27, intermediate: 4304, patch: 14, image: 896, channels: 3 };
const gemma3Vision = (textHidden: number) => ({
  params: siglipParams(GEMMA3_SIGLIP, textHidden),
  why: 'the SigLIP vision tower and projector of vision_config, which text-only Gemma3ForCausalLM does not load',
});
const tiedCopy = (vocab: number, hidden: number) => ({
  params: vocab * hidden,
  why: 'model.safetensors stores the tied lm_head as a second tensor; in memory it is the embedding matrix',
});

export const PRESET_SOURCES: Readonly<Record<string, PresetSource>> = {
  'llama-2-7b': {
    officialParams: 6_738_415_616,
    source: `${HF}/meta-llama/Llama-2-7b-hf/blob/main/config.json`,
  },
  'llama-2-13b': {
    officialParams: 13_015_864_320,
    source: `${HF}/meta-llama/Llama-2-13b-hf/blob/main/config.json`,
  },
  'llama-2-70b': {
    officialParams: 68_976_648_192,
    source: `${HF}/meta-llama/Llama-2-70b-hf/blob/main/config.json`,
  },
  'llama-3.1-8b': {
    officialParams: 8_030_261_248,
    source: `${HF}/meta-llama/Llama-3.1-8B/blob/main/config.json`,
  },
  'llama-3.1-70b': {
    officialParams: 70_553_706_496,
    source: `${HF}/meta-llama/Llama-3.1-70B/blob/main/config.json`,
  },
  'llama-3.2-1b': {
    officialParams: 1_235_814_400,
    source: `${HF}/meta-llama/Llama-3.2-1B/blob/main/config.json`,
  },
  'llama-3.2-3b': {
    officialParams: 3_212_749_824,
    source: `${HF}/meta-llama/Llama-3.2-3B/blob/main/config.json`,
  },
  'mistral-7b': {
    officialParams: 7_241_732_096,
    source: `${HF}/mistralai/Mistral-7B-v0.1/blob/main/config.json`,
  },
  'mixtral-8x7b': {
    officialParams: 46_702_792_704,
    source: `${HF}/mistralai/Mixtral-8x7B-v0.1/blob/main/config.json`,
  },
  'qwen2.5-0.5b': {
    officialParams: 494_032_768,
    source: `${HF}/Qwen/Qwen2.5-0.5B/blob/main/config.json`,
  },
  'qwen2.5-1.5b': {
    officialParams: 1_543_714_304,
    source: `${HF}/Qwen/Qwen2.5-1.5B/blob/main/config.json`,
  },
  'qwen2.5-7b': {
    officialParams: 7_615_616_512,
    source: `${HF}/Qwen/Qwen2.5-7B/blob/main/config.json`,
  },
  'qwen2.5-14b': {
    officialParams: 14_770_033_664,
    source: `${HF}/Qwen/Qwen2.5-14B/blob/main/config.json`,
  },
  'qwen2.5-32b': {
    officialParams: 32_763_876_352,
    source: `${HF}/Qwen/Qwen2.5-32B/blob/main/config.json`,
  },
  'qwen2.5-72b': {
    officialParams: 72_706_203_648,
    source: `${HF}/Qwen/Qwen2.5-72B/blob/main/config.json`,
  },
  'gemma-2-2b': {
    officialParams: 2_614_341_888,
    source: `${HF}/google/gemma-2-2b/blob/main/config.json`,
  },
  'gemma-2-9b': {
    officialParams: 9_241_705_984,
    source: `${HF}/google/gemma-2-9b/blob/main/config.json`,
  },
  'gemma-2-27b': {
    officialParams: 27_227_128_320,
    source: `${HF}/google/gemma-2-27b/blob/main/config.json`,
  },
  'phi-3-mini': {
    officialParams: 3_821_079_552,
    source: `${HF}/microsoft/Phi-3-mini-4k-instruct/blob/main/config.json`,
  },
  'qwen3-0.6b': {
    officialParams: 751_632_384,
    checkpointExtra: tiedCopy(151936, 1024),
    source: `${HF}/Qwen/Qwen3-0.6B/blob/main/config.json`,
  },
  'qwen3-1.7b': {
    officialParams: 2_031_739_904,
    checkpointExtra: tiedCopy(151936, 2048),
    source: `${HF}/Qwen/Qwen3-1.7B/blob/main/config.json`,
  },
  'qwen3-4b': {
    officialParams: 4_022_468_096,
    source: `${HF}/Qwen/Qwen3-4B/blob/main/config.json`,
  },
  'qwen3-8b': {
    officialParams: 8_190_735_360,
    source: `${HF}/Qwen/Qwen3-8B/blob/main/config.json`,
  },
  'qwen3-14b': {
    officialParams: 14_768_307_200,
    source: `${HF}/Qwen/Qwen3-14B/blob/main/config.json`,
  },
  'qwen3-32b': {
    officialParams: 32_762_123_264,
    source: `${HF}/Qwen/Qwen3-32B/blob/main/config.json`,
  },
  'qwen3-30b-a3b': {
    officialParams: 30_532_122_624,
    source: `${HF}/Qwen/Qwen3-30B-A3B/blob/main/config.json`,
  },
  'llama-3.3-70b': {
    officialParams: 70_553_706_496,
    source: `${HF}/meta-llama/Llama-3.3-70B-Instruct/blob/main/config.json`,
  },
  'gemma-3-1b': {
    officialParams: 999_885_952,
    source: `${HF}/google/gemma-3-1b-pt/blob/main/config.json`,
  },
  'gemma-3-4b': {
    officialParams: 4_300_079_472,
    checkpointExtra: gemma3Vision(2560),
    source: `${HF}/google/gemma-3-4b-pt/blob/main/config.json`,
  },
  'gemma-3-12b': {
    officialParams: 12_187_325_040,
    checkpointExtra: gemma3Vision(3840),
    source: `${HF}/google/gemma-3-12b-pt/blob/main/config.json`,
  },
  'gemma-3-27b': {
    officialParams: 27_432_406_640,
    checkpointExtra: gemma3Vision(5376),
    source: `${HF}/google/gemma-3-27b-pt/blob/main/config.json`,
  },
  'mistral-small-3-24b': {
    officialParams: 23_572_403_200,
    source: `${HF}/mistralai/Mistral-Small-24B-Base-2501/blob/main/config.json`,
  },
  'phi-4': {
    officialParams: 14_659_507_200,
    source: `${HF}/microsoft/phi-4/blob/main/config.json`,
  },
  'gpt-oss-20b': {
    officialParams: 20_914_757_184,
    source: `${HF}/openai/gpt-oss-20b/blob/main/config.json`,
  },
  'gpt-oss-120b': {
    officialParams: 116_829_156_672,
    source: `${HF}/openai/gpt-oss-120b/blob/main/config.json`,
  },
  'deepseek-r1-distill-qwen-7b': {
    officialParams: 7_615_616_512,
    source: `${HF}/deepseek-ai/DeepSeek-R1-Distill-Qwen-7B/blob/main/config.json`,
  },
  'deepseek-r1-distill-llama-8b': {
    officialParams: 8_030_261_248,
    source: `${HF}/deepseek-ai/DeepSeek-R1-Distill-Llama-8B/blob/main/config.json`,
  },
};

/** The Hub id in a preset's source URL (https://huggingface.co/<org>/<name>/blob/main/config.json). */
export function hubIdOf(source: string): string {
  const m = /^https:\/\/huggingface\.co\/([\w.-]+\/[\w.-]+)\//.exec(source);
  if (!m?.[1]) throw new Error(`preset source ${source} is not a Hub config URL`);
  return m[1];
}

/** A model preset's Hub id, or null for an id that is no preset (custom). */
export function presetHubId(preset: string): string | null {
  const src = PRESET_SOURCES[preset]?.source;
  return src ? hubIdOf(src) : null;
}
