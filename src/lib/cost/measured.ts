// Published throughput: where the utilisation defaults come from, and the figures the model is checked against
// (tests/unit/cost/checks.test.ts, and the table on /about/memory/). Each figure is stated as its source states it
// (seconds per iteration, tokens per second, TFLOP/s); the comparison is derived in checks.ts.
import type { Architecture, MethodId, TargetsId } from '../memory/types.ts';
import { MODEL_PRESETS } from '../memory/presets.ts';
import type { FlopsInput } from './flops.ts';
import type { SourcedFigure } from './gpus.ts';

/** Qwen-7B (Qwen/Qwen-7B config.json): hidden 4096, 32 layers and heads of 128, MLP 11008 per half of its fused w1/w2
 *  (intermediate_size 22016 there), vocabulary 151,936, untied head, bias on c_attn. */
export const QWEN_7B: Architecture = {
  hidden: 4096,
  layers: 32,
  heads: 32,
  kvHeads: 32,
  headDim: 128,
  intermediate: 11008,
  vocab: 151936,
  tiedEmbeddings: false,
  qkvBias: true,
};
/** Qwen-14B (Qwen/Qwen-14B config.json): hidden 5120, 40 layers, 40 heads, intermediate_size 27392 (13696 per half),
 *  vocabulary 152,064. */
export const QWEN_14B: Architecture = {
  hidden: 5120,
  layers: 40,
  heads: 40,
  kvHeads: 40,
  headDim: 128,
  intermediate: 13696,
  vocab: 152064,
  tiedEmbeddings: false,
  qkvBias: true,
};
/** PaLM 540B (arXiv 2204.02311 Table 1): 118 layers, d_model 18432, 48 heads of 256, multi-query (one key/value
 *  head), SwiGLU with d_ff = 4·d_model, 256k vocabulary, shared input/output embeddings, no biases. */
export const PALM_540B: Architecture = {
  hidden: 18432,
  layers: 118,
  heads: 48,
  kvHeads: 1,
  headDim: 256,
  intermediate: 4 * 18432,
  vocab: 256000,
  tiedEmbeddings: true,
  qkvBias: false,
};

// A lookup (it throws only on an unknown id, which the tests would catch): marked so that bundles reading only the
// utilisation defaults (the calculator's time panel) drop the rows built with it.
/* @__NO_SIDE_EFFECTS__ */
const preset = (id: string): Architecture => {
  const m = MODEL_PRESETS.find((p) => p.id === id);
  if (!m) throw new Error(`no model preset ${id}`);
  return m.arch;
};

const QWEN: SourcedFigure = {
  title: 'Qwen (v1) README, “Profiling of Memory and Speed” (single A100-SXM4-80G, batch 1, accumulation 8)',
  // the README at its last change (the table has not changed since)
  url: 'https://github.com/QwenLM/Qwen/blob/712d922eceea9a9388375fc51ee97ec971eb13bb/README.md#profiling-of-memory-and-speed',
  says: 'memory / speed (s/iter) by sequence length 256 … 8192; LoRA and Q-LoRA on 1 GPU, full-parameter on 2',
};
/** Qwen's finetune.py: LoRA r=64 on c_attn, c_proj, w1, w2 (every block linear); scripts pass --gradient_checkpointing;
 *  sequences padded to model_max_length. Its Q-LoRA loads the GPTQ Int4 checkpoint (GPTQConfig(bits=4)). */
const QWEN_SETUP = {
  rank: 64,
  targets: 'all-linear' as TargetsId,
  gradCheckpointing: true,
  gpu: 'a100-80gb',
  sequencesPerGpuStep: 8,
};

/** One measured step: what ran and how long a step took (or how many tokens per second). */
export interface Measurement extends FlopsInput {
  id: string;
  label: string;
  source: SourcedFigure;
  /** GPU preset id (gpus.ts) */
  gpu: string;
  gpus: number;
  /** tokens each GPU trains per step */
  tokensPerGpuStep: number;
  /** the time per step: as published, or derived from the published tokens per second */
  secondsPerStep: number;
  /** tokens per second per GPU, when the source states that instead of a time per step */
  tokensPerSecond?: number;
  /** why the run is shown but not held to the tolerance (the model does not describe what it ran) */
  excluded?: string;
}

const qwen = (
  id: string,
  label: string,
  arch: Architecture,
  method: MethodId,
  seq: number,
  secondsPerStep: number,
  gpus = 1,
): Measurement => ({
  id,
  label,
  source: QWEN,
  arch,
  method,
  seq,
  gpus,
  secondsPerStep,
  tokensPerGpuStep: QWEN_SETUP.sequencesPerGpuStep * seq,
  rank: QWEN_SETUP.rank,
  targets: QWEN_SETUP.targets,
  gradCheckpointing: QWEN_SETUP.gradCheckpointing,
  gpu: QWEN_SETUP.gpu,
});

/** Qwen's table, every cell of the 7B and 14B rows (seconds per iteration by sequence length). */
const QWEN_TABLE: readonly [Architecture, string, MethodId, number, readonly number[]][] = [
  [QWEN_7B, 'Qwen-7B', 'lora', 1, [1.2, 1.5, 2.8, 5.2, 10.1, 21.3]],
  [QWEN_7B, 'Qwen-7B', 'qlora', 1, [3.0, 3.0, 3.5, 7.0, 11.6, 22.3]],
  [QWEN_7B, 'Qwen-7B', 'full', 2, [4.0, 4.0, 4.5]],
  [QWEN_14B, 'Qwen-14B', 'lora', 1, [1.6, 2.4, 4.4, 8.4, 17.0, 36.0]],
  [QWEN_14B, 'Qwen-14B', 'qlora', 1, [5.3, 6.3, 8.2, 11.8, 20.1, 38.3]],
];
const QWEN_SEQS = [256, 512, 1024, 2048, 4096, 8192] as const;
const METHOD_LABEL: Record<string, string> = { lora: 'LoRA', qlora: 'Q-LoRA', full: 'full-parameter' };

/** Every cell of the table, predicted with the defaults above (the three default cells included). */
const QWEN_CHECKS: readonly Measurement[] = QWEN_TABLE.flatMap(([arch, name, method, gpus, times]) =>
  times.map((s, i) => {
    const seq = QWEN_SEQS[i] as number;
    const where = gpus > 1 ? `, ${gpus} GPUs` : '';
    return qwen(
      `${name.toLowerCase()}-${method}-${seq}`,
      `${name} ${METHOD_LABEL[method]}${where}, seq ${seq}`,
      arch,
      method,
      seq,
      s,
      gpus,
    );
  }),
);

const TORCHTUNE: SourcedFigure = {
  title: 'torchtune v0.5.0 README, “Optimization flags” (Llama 3.2 3B, batch 2, max seq len 4096, bf16, A100)',
  url: 'https://github.com/pytorch/torchtune/blob/v0.5.0/README.md#optimization-flags',
  says: 'Tokens Per Second of each technique added on top of the previous one',
};
/** torchtune's tokens_per_second_per_gpu (recipes/full_finetune_single_device.py at v0.5.0): the tokens whose label
 *  is not ignore_index over the time from one optimizer step to the next. alpaca_dataset trains on the input by
 *  default (train_on_input=True), so on a packed dataset that is every token but each pack's padding: taken as all
 *  2 × 4096 tokens of the step. The A100 is the 80 GB one (the memory column reaches 60.0 GiB). */
const TT_TOKENS = 2 * 4096;
const TT_COMPILED = 'torch.compile, which the model has no term for (its utilisation defaults come from eager runs)';
/** [row, method, checkpointing, tokens/s, compiled]; LoRA and QLoRA: rank 64 on q, v, output and the MLP. */
const TT_TABLE: readonly [string, MethodId, boolean, number, boolean][] = [
  ['+ Packed Dataset', 'full', false, 7075, false],
  ['+ Compile', 'full', false, 8998, true],
  ['+ Chunked Cross Entropy', 'full', false, 9174, true],
  ['+ Activation Checkpointing', 'full', true, 7210, true],
  ['+ Fuse optimizer step into backward', 'full', true, 7309, true],
  ['+ Activation Offloading', 'full', true, 7301, true],
  ['+ 8-bit AdamW', 'full', true, 6960, true],
  ['LoRA', 'lora', true, 8210, true],
  ['QLoRA', 'qlora', true, 8035, true],
];
// Pure: only the build-time checks read these rows, so the calculator's time panel (which imports this module for its
// defaults) leaves them out of its chunk.
const TORCHTUNE_CHECKS: readonly Measurement[] = /* @__PURE__ */ TT_TABLE.map(
  ([row, method, checkpointing, tps, compiled]) => {
    const label = `torchtune Llama 3.2 3B ${method === 'full' ? `full, ${row}` : row}, 2 × 4096`;
    return {
      id: `torchtune-3b-${row
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')}`,
      label,
      source: { ...TORCHTUNE, says: `${row}: ${tps} tokens per second` },
      arch: preset('llama-3.2-3b'),
      method,
      seq: 4096,
      rank: 64,
      targets: 'all-linear' as TargetsId,
      gradCheckpointing: checkpointing,
      gpu: 'a100-80gb',
      gpus: 1,
      tokensPerGpuStep: TT_TOKENS,
      secondsPerStep: TT_TOKENS / tps,
      tokensPerSecond: tps,
      ...(compiled ? { excluded: TT_COMPILED } : {}),
    };
  },
);

/** Every published step the time model is compared with: Qwen's table, then torchtune's. */
export const TIME_CHECKS: readonly Measurement[] = /* @__PURE__ */ QWEN_CHECKS.concat(TORCHTUNE_CHECKS);

const cell = (id: string): Measurement => {
  const m = QWEN_CHECKS.find((c) => c.id === id);
  if (!m) throw new Error(`no cell ${id}`);
  return m;
};

/** The cells the utilisation defaults are measured from: one per method, Qwen-7B at the calculator's starting
 *  sequence length (2048; full-parameter ran only up to 1024). DoRA takes LoRA's (no published DoRA timing). */
export const UTILISATION_RUNS: Readonly<Record<'full' | 'lora' | 'qlora', Measurement>> = {
  lora: cell('qwen-7b-lora-2048'),
  qlora: cell('qwen-7b-qlora-2048'),
  full: cell('qwen-7b-full-1024'),
};

/** Below this many tokens per micro-batch the table's utilisation falls well under the default (fixed costs per
 *  micro-batch dominate), so the estimate is too fast there; the checks hold the cells from here up. */
export const MIN_CHECKED_TOKENS = 1024;

/** A published FLOPs-per-token figure: tokens/s and FLOP/s of the same run. */
export interface FlopsFigure {
  id: string;
  label: string;
  source: SourcedFigure;
  arch: Architecture;
  seq: number;
  tokensPerSecond: number;
  /** FLOP/s, as the source counts model FLOPs */
  flopsPerSecond: number;
}

const NEMO: SourcedFigure = {
  title: 'NVIDIA NeMo Framework 24.12, Performance Benchmarks, pre-training (H100, FP8)',
  url: 'https://docs.nvidia.com/nemo-framework/user-guide/24.12/nemotoolkit/performance/performance_summary.html',
  says: 'Tokens / sec / GPU and Model TFLOP / sec / GPU of each run',
};

/** Model FLOPs per token as others count them: NeMo's tables (tokens/s and model TFLOP/s per GPU) and PaLM's worked
 *  example (appendix B: 238.3K tokens/s on 6144 TPU v4 chips of 275 peak TFLOP/s at 46.2% MFU). */
export const FLOPS_CHECKS: readonly FlopsFigure[] = [
  {
    id: 'nemo-llama2-7b',
    label: 'Llama-2-7B, seq 4096',
    source: { ...NEMO, says: 'LLAMA2-7B, 8 GPUs, sequence 4096: 16934 tokens/s/GPU, 780 model TFLOP/s/GPU' },
    arch: preset('llama-2-7b'),
    seq: 4096,
    tokensPerSecond: 16934,
    flopsPerSecond: 780e12,
  },
  {
    id: 'nemo-llama3-8b',
    label: 'Llama-3-8B, seq 8192',
    source: { ...NEMO, says: 'LLAMA3-8B, 8 GPUs, sequence 8192: 12273 tokens/s/GPU, 711 model TFLOP/s/GPU' },
    arch: preset('llama-3.1-8b'),
    seq: 8192,
    tokensPerSecond: 12273,
    flopsPerSecond: 711e12,
  },
  {
    id: 'nemo-llama3-70b',
    label: 'Llama-3-70B, seq 8192',
    source: { ...NEMO, says: 'LLAMA3-70B, 64 GPUs, sequence 8192: 1524 tokens/s/GPU, 734 model TFLOP/s/GPU' },
    arch: preset('llama-3.1-70b'),
    seq: 8192,
    tokensPerSecond: 1524,
    flopsPerSecond: 734e12,
  },
  {
    id: 'palm-540b',
    label: 'PaLM 540B, seq 2048',
    source: {
      title: 'Chowdhery et al., PaLM (arXiv 2204.02311), appendix B',
      url: 'https://arxiv.org/abs/2204.02311',
      says: '238.3K tokens/s on 6144 TPU v4 chips (275 peak TFLOP/s each) is 46.2% model FLOPs utilization',
    },
    arch: PALM_540B,
    seq: 2048,
    tokensPerSecond: 238.3e3,
    flopsPerSecond: 0.462 * 6144 * 275e12,
  },
];
