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

const preset = (id: string): Architecture => {
  const m = MODEL_PRESETS.find((p) => p.id === id);
  if (!m) throw new Error(`no model preset ${id}`);
  return m.arch;
};

const QWEN: SourcedFigure = {
  title: 'Qwen (v1) README, “Profiling of Memory and Speed” (single A100-SXM4-80G, batch 1, accumulation 8)',
  url: 'https://github.com/QwenLM/Qwen#profiling-of-memory-and-speed',
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
  /** the published time per step */
  secondsPerStep: number;
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
export const TIME_CHECKS: readonly Measurement[] = QWEN_TABLE.flatMap(([arch, name, method, gpus, times]) =>
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

const cell = (id: string): Measurement => {
  const m = TIME_CHECKS.find((c) => c.id === id);
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
