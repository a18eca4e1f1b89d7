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
  /**
   * Where this library's documentation and source are published per release (URL prefixes). A card that checked
   * its API against one release should link these at that release, not at main or latest, which move on.
   */
  docs?: readonly RegExp[];
}

/** A GitHub repository's front page and its files and folders at any ref (not its issues or pull requests). */
const github = (repo: string) =>
  new RegExp(`^https://github\\.com/${repo.replace(/[.]/g, '\\.')}(?:/?$|/(?:blob|tree|raw)/)`);
/** A library's documentation on huggingface.co/docs. */
const hfDocs = (name: string) => new RegExp(`^https://huggingface\\.co/docs/${name}/`);

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
    docs: [hfDocs('trl'), github('huggingface/trl')],
  },
  {
    library: 'PEFT',
    patterns: [/\bfrom peft\b/, /\bimport peft\b/, /\bLoraConfig\(/, /(?<![.\w])get_peft_model\(/],
    example: 'config = LoraConfig(r=16, target_modules="all-linear")',
    docs: [hfDocs('peft'), github('huggingface/peft')],
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
    docs: [hfDocs('transformers'), github('huggingface/transformers')],
  },
  {
    library: 'Accelerate',
    patterns: [/\bfrom accelerate\b/, /\bAccelerator\(/, /\baccelerate launch\b/],
    example: 'accelerator = Accelerator()',
    docs: [hfDocs('accelerate'), github('huggingface/accelerate')],
  },
  {
    library: 'PyTorch',
    patterns: [/^\s*import torch\b/m, /\bfrom torch\b/, /\btorch\.(?:compile|cuda|autograd|distributed|nn)\b/],
    example: 'model = torch.compile(model)',
    docs: [/^https:\/\/docs\.pytorch\.org\/docs\//, github('pytorch/pytorch')],
  },
  {
    library: 'vLLM',
    patterns: [/^\s*vllm serve\b/m, /\bfrom vllm\b/, /\bVLLM_[A-Z_]+=/],
    example: 'vllm serve ./my-model --enable-lora',
    docs: [/^https:\/\/docs\.vllm\.ai\/en\//, github('vllm-project/vllm')],
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
    docs: [github('ggml-org/llama.cpp')],
  },
  {
    library: 'mergekit',
    patterns: [/\bmergekit-(?:yaml|multi|moe|extract-lora)\b/, /^merge_method:/m],
    example: 'merge_method: slerp',
    docs: [github('arcee-ai/mergekit')],
  },
  {
    library: 'LLM Compressor',
    patterns: [/\bllmcompressor\b/, /\b(?:QuantizationModifier|GPTQModifier|AWQModifier|SmoothQuantModifier)\(/],
    example: 'recipe = GPTQModifier(targets="Linear", scheme="W4A16")',
    docs: [/^https:\/\/docs\.vllm\.ai\/projects\/llm-compressor\//, github('vllm-project/llm-compressor')],
  },
  {
    library: 'torchao',
    patterns: [/\bfrom torchao\b/, /\bimport torchao\b/],
    example: 'from torchao.float8 import convert_to_float8_training',
    docs: [/^https:\/\/docs\.pytorch\.org\/ao\//, github('pytorch/ao')],
  },
  {
    library: 'Liger Kernel',
    patterns: [/\bliger_kernel\b/, /\buse_liger_kernel\b/],
    example: 'from liger_kernel.transformers import apply_liger_kernel_to_llama',
    docs: [github('linkedin/Liger-Kernel')],
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
    docs: [github('huggingface/Math-Verify')],
  },
  {
    library: 'Axolotl',
    patterns: [/^\s*axolotl\s+(?:train|preprocess|fetch|inference|merge-lora)\b/m, /\bfrom axolotl\b/],
    example: 'axolotl train lora-1b.yml',
    docs: [github('axolotl-ai-cloud/axolotl')],
  },
  {
    library: 'LLaMA-Factory',
    patterns: [/\bllamafactory-cli\b/, /\bfrom llamafactory\b/],
    example: 'llamafactory-cli train examples/train_lora/qwen3_lora_sft.yaml',
    docs: [github('hiyouga/LLaMA-Factory')],
  },
  {
    library: 'bitsandbytes',
    patterns: [/\bimport bitsandbytes\b/, /\bfrom bitsandbytes\b/, /\bbnb\.optim\b/],
    example: 'import bitsandbytes as bnb',
    docs: [hfDocs('bitsandbytes'), github('bitsandbytes-foundation/bitsandbytes')],
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

/**
 * The release a URL's path names, if any: a segment such as "v1.9.0", "0.13.0" or "2.14". Branch names (main,
 * latest, stable) and commits name none.
 */
export function versionInUrl(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  return path
    .split('/')
    .map((seg) => /^v?(\d+(?:\.\d+)+)$/.exec(seg)?.[1])
    .find((v) => v !== undefined);
}

/**
 * Sources that link the documentation or source of a library the card checked its API against, but not at that
 * release: at main or latest, which move on, or at another version. A link at a minor version ("2.14") covers its
 * patch releases ("2.14.1"). Libraries without a `docs` entry (or published per commit only) are not checked.
 */
export function sourceVersionIssues(
  sources: readonly { url: string }[],
  verified: readonly Verified[] | undefined,
  libraries: readonly ApiLibrary[] = API_LIBRARIES,
): { field: string; url: string; message: string }[] {
  const out: { field: string; url: string; message: string }[] = [];
  for (const v of verified ?? []) {
    const lib = libraries.find((l) => l.library.toLowerCase() === v.library.toLowerCase());
    if (!lib?.docs) continue;
    sources.forEach((s, i) => {
      if (!lib.docs?.some((p) => p.test(s.url))) return;
      const named = versionInUrl(s.url);
      if (named !== undefined && (named === v.version || v.version.startsWith(`${named}.`))) return;
      const where = named === undefined ? 'without a release in the link' : `at ${named}`;
      out.push({
        field: `sources[${i}].url`,
        url: s.url,
        message: `links ${lib.library} ${where}, but the card's API was checked against ${lib.library} ${v.version}: link the page at ${v.version} after reading it there, or check the API again at the release you link`,
      });
    });
  }
  return out;
}

/**
 * Sources linked at another release than the one the card's API was checked against, that could not be read at
 * the checked release yet: card id, then URL, then the reason. The content check lists these as still to do instead
 * of warning, and fails when an entry is no longer needed, so the list can only shrink.
 */
export const SOURCE_VERSION_BACKLOG: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'fp8-inference': {
    'https://docs.vllm.ai/en/v0.32.0/features/quantization/llm_compressor/fp8/':
      'on 2026-12-02 the stored docs had this page at v0.32.0 only and the online-quantization page (the API shown) at v0.29.0 only; the vLLM repository (1,123,921,920 bytes) is too large to bring here to read either at the other tag',
  },
  'serving-adapters-vllm-sglang': {
    'https://docs.vllm.ai/en/latest/features/lora/':
      'on 2026-12-02 the stored docs had the LoRA adapters page at latest only, and the vLLM repository is too large to bring here to read it at v0.26.0',
  },
  'torch-compile-training': {
    'https://huggingface.co/docs/transformers/v5.14.0/torch_compile':
      'on 2026-12-02 the stored docs had this page at v5.12.0, v5.14.0 and latest only, and the Transformers repository (1,331,292,160 bytes) is too large to bring here to read it at v5.18.0',
  },
  galore: {
    'https://huggingface.co/docs/transformers/en/trainer':
      'on 2026-12-02 the Transformers repository (1,331,292,160 bytes) was too large to bring here to read the Trainer docs at v5.18.0',
  },
  'seed-variance': {
    'https://huggingface.co/docs/transformers/main_classes/trainer':
      'on 2026-12-02 the Transformers repository (1,331,292,160 bytes) was too large to bring here to read the Trainer reference at v5.18.0',
  },
  'tokenizer-extension': {
    'https://github.com/huggingface/transformers/blob/main/src/transformers/modeling_utils.py':
      'on 2026-12-02 the Transformers repository (1,331,292,160 bytes) was too large to bring here to read modeling_utils.py at v5.18.0',
  },
};

/**
 * What the content check says about one card's source links: unexcused version mismatches are warnings, those the
 * backlog excuses are pending, and a backlog entry the card no longer needs is a problem.
 */
export function sourceVersionCheck(
  id: string,
  sources: readonly { url: string }[],
  verified: readonly Verified[] | undefined,
  backlog: Readonly<Record<string, Readonly<Record<string, string>>>> = SOURCE_VERSION_BACKLOG,
): { warnings: ApiCheckIssues['problems']; pending: ApiCheckIssues['pending']; problems: ApiCheckIssues['problems'] } {
  const out = {
    warnings: [] as ApiCheckIssues['problems'],
    pending: [] as ApiCheckIssues['pending'],
    problems: [] as ApiCheckIssues['problems'],
  };
  const excused = backlog[id] ?? {};
  const issues = sourceVersionIssues(sources, verified);
  for (const { field, url, message } of issues) {
    const reason = excused[url];
    if (reason === undefined) out.warnings.push({ field, message });
    else out.pending.push({ field, message: `${message} (still to do: ${reason})` });
  }
  for (const url of Object.keys(excused))
    if (!issues.some((i) => i.url === url))
      out.problems.push({
        field: 'sources',
        message: `the source-version backlog (src/lib/cards/api-libraries.ts) lists ${url} for this card, which no longer needs it: remove the entry`,
      });
  return out;
}
