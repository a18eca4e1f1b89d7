// Published memory figures the model is tested against (tests/unit/memory/published.test.ts) and reports on
// /about/memory/. Each entry states its source, the settings we assumed, what is compared and the tolerance.
import { estimateMemory, statesBytes } from './estimate.ts';
import type { Architecture, Estimate, TrainingInput } from './types.ts';

/** GPT-3 175B: 96 layers, d_model 12288, 96 heads of 128, context 2048 (Brown et al., arXiv 2005.14165, Table 2.1);
 *  d_ff = 4·d_model; GPT-2-style block (LayerNorm, biases, GELU MLP, learned positions, tied embeddings);
 *  the GPT-2 BPE vocabulary of 50,257 tokens. */
export const GPT3_175B: Architecture = {
  hidden: 12288,
  layers: 96,
  heads: 96,
  kvHeads: 96,
  headDim: 128,
  intermediate: 4 * 12288,
  vocab: 50257,
  tiedEmbeddings: true,
  qkvBias: true,
  oBias: true,
  mlpBias: true,
  mlp: 'plain',
  norm: 'layernorm',
  positionEmbeddings: 2048,
  contextLength: 2048,
};

/** LLaMA-65B: dim 8192, 80 layers, 64 heads (Touvron et al., arXiv 2302.13971, Table 2); SwiGLU hidden 22016;
 *  32,000-token vocabulary; untied output head. */
export const LLAMA_65B: Architecture = {
  hidden: 8192,
  layers: 80,
  heads: 64,
  kvHeads: 64,
  headDim: 128,
  intermediate: 22016,
  vocab: 32000,
  tiedEmbeddings: false,
  qkvBias: false,
  contextLength: 2048,
};

/** What a published figure is compared with. */
export type Measure = 'allocated' | 'states' | 'total';

export interface PublishedFigure {
  id: string;
  label: string;
  source: string;
  url: string;
  /** the figure as published, in decimal GB */
  publishedGB: number;
  measure: Measure;
  input: TrainingInput;
  /** relative tolerance of the test */
  tolerance: number;
  assumptions: string;
}

// LitGPT tutorials/resource-tables.md ("Finetuning with LoRA on 1 GPU"; last updated 10/20/2023, LitGPT commit
// 8641822, A100-SXM4-40GB, PyTorch 2.1.0, bitsandbytes 0.41.1). --precision bf16-true (weights, LoRA weights and
// AdamW states in bf16), LoRA r=8 on query and value (4,194,304 trainable for 7B), micro-batch 1, Alpaca whose
// longest sample is 1,304 Llama-2 tokens (forced into the first batch), SDPA with is_causal (flash), chunked LM head
// and cross-entropy. "Max GPU RAM" is torch.cuda.max_memory_allocated() / 1e9, hence `allocated`.
const LITGPT_URL = 'https://github.com/Lightning-AI/litgpt/blob/main/tutorials/resource-tables.md';
const LITGPT: Omit<TrainingInput, 'model' | 'method'> = {
  precision: 'pure-bf16',
  optimizer: 'adamw',
  rank: 8,
  targets: 'qv',
  seq: 1304,
  batch: 1,
  attention: 'flash',
  // LitGPT's chunked_cross_entropy runs torch cross_entropy on the bf16 logit chunks, all kept until backward
  loss: 'bf16',
  // finetune/lora.py defaults: lora_dropout 0.05; bf16-true keeps the adapters in bf16
  loraDropout: 5,
  adapterFp32: false,
  // bitsandbytes 0.41.1 kept each 4-bit layer's input; Lightning's BitsandbytesPrecision quantizes the head too
  quantSavesInput: true,
  quantizeHead: true,
};
const LITGPT_NOTE =
  'bf16-true = pure bf16 with AdamW; LoRA r=8 on q and v; micro-batch 1 at the longest Alpaca sample (1,304 tokens); flash attention; bf16 cross-entropy; LoRA dropout 0.05 (one dropped copy per adapted layer); adapters in bf16; 4-bit layers keep their input and the head is 4-bit (bitsandbytes 0.41.1, Lightning); compared with torch max_memory_allocated (no CUDA context, no allocator reserve).';

export const PUBLISHED_FIGURES: readonly PublishedFigure[] = [
  {
    id: 'litgpt-7b-lora',
    label: 'LitGPT: Llama 2 7B, LoRA, A100',
    source: 'LitGPT resource tables',
    url: LITGPT_URL,
    publishedGB: 21.3,
    measure: 'allocated',
    input: { model: 'llama-2-7b', method: 'lora', ...LITGPT },
    tolerance: 0.2,
    assumptions: LITGPT_NOTE,
  },
  {
    id: 'litgpt-7b-nf4',
    label: 'LitGPT: Llama 2 7B, bnb.nf4',
    source: 'LitGPT resource tables',
    url: LITGPT_URL,
    publishedGB: 14.14,
    measure: 'allocated',
    input: { model: 'llama-2-7b', method: 'qlora', ...LITGPT },
    tolerance: 0.2,
    assumptions: `${LITGPT_NOTE} NF4 without double quantization.`,
  },
  {
    id: 'litgpt-7b-nf4-dq',
    label: 'LitGPT: Llama 2 7B, bnb.nf4-dq',
    source: 'LitGPT resource tables',
    url: LITGPT_URL,
    publishedGB: 13.84,
    measure: 'allocated',
    input: { model: 'llama-2-7b', method: 'qlora', doubleQuant: true, ...LITGPT },
    tolerance: 0.2,
    assumptions: `${LITGPT_NOTE} NF4 with double quantization.`,
  },
  {
    id: 'litgpt-13b-lora',
    label: 'LitGPT: Llama 2 13B, LoRA',
    source: 'LitGPT resource tables',
    url: LITGPT_URL,
    publishedGB: 38.12,
    measure: 'allocated',
    input: { model: 'llama-2-13b', method: 'lora', ...LITGPT },
    tolerance: 0.2,
    assumptions: LITGPT_NOTE,
  },
  {
    id: 'litgpt-13b-nf4-dq',
    label: 'LitGPT: Llama 2 13B, bnb.nf4-dq',
    source: 'LitGPT resource tables',
    url: LITGPT_URL,
    publishedGB: 22.55,
    measure: 'allocated',
    input: { model: 'llama-2-13b', method: 'qlora', doubleQuant: true, ...LITGPT },
    tolerance: 0.2,
    assumptions: `${LITGPT_NOTE} NF4 with double quantization.`,
  },
  {
    id: 'seed-7b-pure-bf16',
    label: 'Common claim: 7B full fine-tuning, bf16 weights + gradients + AdamW = 56 GB',
    source: 'the seed card (7e9 × 8 bytes)',
    url: 'https://arxiv.org/abs/1910.02054',
    publishedGB: 56,
    measure: 'states',
    input: { model: 'llama-2-7b', method: 'full', precision: 'pure-bf16', optimizer: 'adamw' },
    tolerance: 0.05,
    assumptions:
      'Pure bf16 (2 + 2 + 2 + 2 bytes/param), model states only; Llama-2-7B has 6.74e9 parameters, not 7e9, so the exact 8 bytes/param gives 53.9 GB (56 GB at 7e9).',
  },
  {
    id: 'lora-gpt3-full',
    label: 'LoRA paper: GPT-3 175B fine-tuning with Adam, 1.2 TB',
    source: 'Hu et al., LoRA, §4.2',
    url: 'https://arxiv.org/abs/2106.09685',
    publishedGB: 1200,
    measure: 'states',
    input: { model: GPT3_175B, method: 'full', precision: 'pure-bf16', optimizer: 'adamw' },
    tolerance: 0.2,
    assumptions:
      'Model states of a 16-bit model (weights, gradients, Adam moments in 16 bits), no activations; GPT-3 175B built from Table 2.1 of arXiv 2005.14165.',
  },
  {
    id: 'lora-gpt3-lora',
    label: 'LoRA paper: GPT-3 175B with LoRA, 350 GB',
    source: 'Hu et al., LoRA, §4.2',
    url: 'https://arxiv.org/abs/2106.09685',
    publishedGB: 350,
    measure: 'states',
    input: { model: GPT3_175B, method: 'lora', precision: 'pure-bf16', optimizer: 'adamw', rank: 4, targets: 'qv' },
    tolerance: 0.02,
    assumptions: 'LoRA r=4 on W_q and W_v as in §4.2; 16-bit model states, no activations.',
  },
];

export interface Comparison {
  figure: PublishedFigure;
  estimate: Estimate;
  oursGB: number;
  /** (ours − published) / published */
  error: number;
}

export function compareFigure(figure: PublishedFigure): Comparison {
  const r = estimateMemory(figure.input);
  if (!r.ok) throw new Error(`${figure.id}: ${JSON.stringify(r.errors)}`);
  const e = r.estimate;
  const bytes =
    figure.measure === 'allocated' ? e.allocatedBytes : figure.measure === 'states' ? statesBytes(e) : e.perGpuBytes;
  const oursGB = bytes / 1e9;
  return { figure, estimate: e, oursGB, error: (oursGB - figure.publishedGB) / figure.publishedGB };
}

/** QLoRA paper (arXiv 2305.14314): "finetune a 65B parameter model on a single 48GB GPU". Settings of the authors'
 *  scripts/finetune_guanaco_65b.sh and qlora.py: NF4 + double quantization, LoRA r=64 on all linear layers, gradient
 *  checkpointing, LoRA layers cast to bf16 (--bf16); one 512-token sequence per step. */
export const QLORA_65B_INPUT: TrainingInput = {
  model: LLAMA_65B,
  method: 'qlora',
  doubleQuant: true,
  rank: 64,
  targets: 'all-linear',
  gradCheckpointing: true,
  precision: 'pure-bf16',
  optimizer: 'adamw',
  // qlora.py casts the LoRA layers to bf16 under --bf16, so PEFT's fp32 adapters do not apply
  adapterFp32: false,
  seq: 512,
  batch: 1,
};
