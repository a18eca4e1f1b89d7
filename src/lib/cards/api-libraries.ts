// Which libraries a card's code shows, so the content check can insist that the card says which release its API
// was checked against (`verified`). The one table of libraries and the code that names them lives here.
import type { Verified } from '../../schemas/verified.ts';

export interface ApiLibrary {
  /** The name a card's `verified` entry uses for this library, e.g. "TRL". */
  library: string;
  /** Imports, calls, config keys or commands that only this library's users write. */
  patterns: readonly RegExp[];
  /** A line of code that names the library; the tests check that it is found, and as this library only. */
  example: string;
}

export const API_LIBRARIES: readonly ApiLibrary[] = [
  {
    library: 'TRL',
    patterns: [
      /\bfrom trl\b/,
      /\bimport trl\b/,
      /\b(?:SFT|DPO|GRPO|KTO|ORPO|CPO|RLOO|PPO|GKD|PRM|Reward)(?:Trainer|Config)\b/,
      /^\s*trl\s+(?:sft|dpo|grpo|kto|reward|rloo|env|vllm-serve)\b/m,
    ],
    example: 'trainer = GRPOTrainer(model=model, reward_funcs=[accuracy])',
  },
  {
    library: 'PEFT',
    patterns: [/\bfrom peft\b/, /\bimport peft\b/, /\bLoraConfig\(/, /(?<![.\w])get_peft_model\(/],
    example: 'config = LoraConfig(r=16, target_modules="all-linear")',
  },
  {
    library: 'Transformers',
    patterns: [
      /\bfrom transformers\b/,
      /\bimport transformers\b/,
      /\bTrainingArguments\(/,
      /\bAutoModel\w*\.from_pretrained\(/,
      /\.apply_chat_template\(/,
      /\.resize_token_embeddings\(/,
      /"rope_scaling"\s*:/,
    ],
    example: 'model.resize_token_embeddings(len(tokenizer))',
  },
  {
    library: 'Accelerate',
    patterns: [/\bfrom accelerate\b/, /\bAccelerator\(/, /\baccelerate launch\b/],
    example: 'accelerator = Accelerator()',
  },
  {
    library: 'PyTorch',
    patterns: [/^\s*import torch\b/m, /\bfrom torch\b/, /\btorch\.(?:compile|cuda|autograd|distributed|nn)\b/],
    example: 'model = torch.compile(model)',
  },
  {
    library: 'vLLM',
    patterns: [/^\s*vllm serve\b/m, /\bfrom vllm\b/, /\bVLLM_[A-Z_]+=/],
    example: 'vllm serve ./my-model --enable-lora',
  },
  {
    library: 'SGLang',
    patterns: [/\bsglang\.launch_server\b/, /\bfrom sglang\b/, /\bimport sglang\b/],
    example: 'python3 -m sglang.launch_server --model-path ./my-model',
  },
  {
    library: 'llama.cpp',
    patterns: [/\bconvert_hf_to_gguf\.py\b/, /\bllama-(?:quantize|cli|server)\b/],
    example: './llama-quantize model-f16.gguf model-Q4_K_M.gguf Q4_K_M',
  },
  {
    library: 'mergekit',
    patterns: [/\bmergekit-(?:yaml|multi|moe|extract-lora)\b/, /^merge_method:/m],
    example: 'merge_method: slerp',
  },
  {
    library: 'LLM Compressor',
    patterns: [/\bllmcompressor\b/, /\b(?:QuantizationModifier|GPTQModifier|AWQModifier|SmoothQuantModifier)\(/],
    example: 'recipe = GPTQModifier(targets="Linear", scheme="W4A16")',
  },
  {
    library: 'torchao',
    patterns: [/\bfrom torchao\b/, /\bimport torchao\b/],
    example: 'from torchao.float8 import convert_to_float8_training',
  },
  {
    library: 'Liger Kernel',
    patterns: [/\bliger_kernel\b/, /\buse_liger_kernel\b/],
    example: 'from liger_kernel.transformers import apply_liger_kernel_to_llama',
  },
  {
    library: 'Unsloth',
    patterns: [/\bfrom unsloth\b/, /\bimport unsloth\b/, /\bFastLanguageModel\b/],
    example: 'from unsloth import FastLanguageModel',
  },
  {
    library: 'torchtune',
    patterns: [/^\s*tune\s+(?:run|download|cp|ls|validate)\b/m, /\bfrom torchtune\b/, /\bimport torchtune\b/],
    example: 'tune run lora_finetune_single_device --config llama3_1/8B_lora_single_device',
  },
  {
    library: 'Math-Verify',
    patterns: [/\bfrom math_verify\b/, /\bimport math_verify\b/],
    example: 'from math_verify import parse, verify',
  },
  {
    library: 'Axolotl',
    patterns: [/^\s*axolotl\s+(?:train|preprocess|fetch|inference|merge-lora)\b/m, /\bfrom axolotl\b/],
    example: 'axolotl train lora-1b.yml',
  },
  {
    library: 'LLaMA-Factory',
    patterns: [/\bllamafactory-cli\b/, /\bfrom llamafactory\b/],
    example: 'llamafactory-cli train examples/train_lora/qwen3_lora_sft.yaml',
  },
  {
    library: 'bitsandbytes',
    patterns: [/\bimport bitsandbytes\b/, /\bfrom bitsandbytes\b/, /\bbnb\.optim\b/],
    example: 'import bitsandbytes as bnb',
  },
  {
    library: 'lm-evaluation-harness',
    patterns: [/^\s*lm_eval\b/m, /\bimport lm_eval\b/, /\bfrom lm_eval\b/],
    example: 'lm_eval --model vllm --tasks gsm8k',
  },
  {
    library: 'NumPy',
    patterns: [/\bimport numpy\b/, /\bfrom numpy\b/],
    example: 'import numpy as np',
  },
];

/**
 * Cards whose code shows a library they could not be checked against, each library with the reason. The content
 * check lists these as still to do instead of failing, and fails when an entry is no longer needed, so the list can
 * only shrink. New cards never go here: check the API and add `verified`.
 */
export const API_CHECK_BACKLOG: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'serving-adapters-vllm-sglang': {
    SGLang:
      'checked again on 2026-12-02: the flags, defaults and help texts match docs.sglang.io and the stored python/sglang/srt/arg_groups/fields/lora.py, but the file index holds python/sglang/version.py only at the commits that set a version (0.5.3rc2, 0.5.6.post2) and server_args.py and lora.py at other commits, so no stored copy ties the flags to a release; the repository snapshot (1,215,191,040 bytes) is over the 524,288,000 bytes that can be brought here to read a release tag, and no registry this project reaches ships SGLang',
  },
};

/** The fenced code blocks of a Markdown body: their language tag and text. */
export function codeBlocks(body: string): { lang: string; code: string }[] {
  const out: { lang: string; code: string }[] = [];
  for (const m of body.matchAll(/^(`{3,}|~{3,})[ \t]*([\w+-]*)[^\n]*\n([\s\S]*?)^\1[ \t]*$/gm))
    out.push({ lang: (m[2] ?? '').toLowerCase(), code: m[3] ?? '' });
  return out;
}

/** The libraries, in table order, that a body's code blocks name. */
export function librariesInCode(body: string): string[] {
  const code = codeBlocks(body)
    .map((b) => b.code)
    .join('\n');
  return API_LIBRARIES.filter((l) => l.patterns.some((p) => p.test(code))).map((l) => l.library);
}

export interface ApiCheckIssues {
  problems: { field: string; message: string }[];
  /** Libraries the backlog excuses for now: checks still to do, not problems. */
  pending: { field: string; message: string }[];
}

/**
 * What the content check says about one card's API checks: every library its code names must appear in `verified`,
 * unless the backlog lists it for this card (then it is pending); a backlog entry the card no longer needs is a problem.
 */
export function apiCheckIssues(
  id: string,
  body: string,
  verified: readonly Verified[] | undefined,
  backlog: Readonly<Record<string, Readonly<Record<string, string>>>> = API_CHECK_BACKLOG,
): ApiCheckIssues {
  const out: ApiCheckIssues = { problems: [], pending: [] };
  const shown = librariesInCode(body);
  const checked = new Set((verified ?? []).map((v) => v.library.toLowerCase()));
  const reasons = backlog[id] ?? {};
  const pending = new Set(Object.keys(reasons));
  for (const library of shown) {
    if (checked.has(library.toLowerCase())) continue;
    if (pending.has(library))
      out.pending.push({
        field: 'verified',
        message: `the code shows ${library}, whose API this card was not yet checked against (${reasons[library]}): check it and add { library: ${library}, version, date }`,
      });
    else
      out.problems.push({
        field: 'verified',
        message: `the code shows ${library}: check the snippet against a release and add { library: ${library}, version: "…", date: YYYY-MM-DD } to verified`,
      });
  }
  for (const library of pending)
    if (!shown.includes(library) || checked.has(library.toLowerCase()))
      out.problems.push({
        field: 'verified',
        message: `the API check backlog (src/lib/cards/api-libraries.ts) lists ${library} for this card, which no longer needs it: remove the entry`,
      });
  return out;
}
