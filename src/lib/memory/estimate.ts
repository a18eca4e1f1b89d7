// The memory model: peak GPU memory per GPU for one training step, split into components.
//
// Sources (each formula below cites the one it follows):
// [ZeRO]   Rajbhandari et al., "ZeRO: Memory Optimizations Toward Training Trillion Parameter Models",
//          arXiv 1910.02054, §3.1 (model states 2Ψ + 2Ψ + KΨ, K = 12 for mixed-precision Adam) and §5.1
//          (per-GPU states with N devices: stage 1 4Ψ + KΨ/N, stage 2 2Ψ + (2+K)Ψ/N, stage 3 (4+K)Ψ/N).
// [LoRA]   Hu et al., arXiv 2106.09685, §4.1 (A ∈ R^{r×k}, B ∈ R^{d×r}) and §4.2 (no optimizer state for frozen W).
// [QLoRA]  Dettmers et al., arXiv 2305.14314, §3: NF4 with blocksize 64 and 32-bit constants (32/64 = 0.5 bit/param);
//          double quantization: 8-bit constants + 32-bit second-level constants per 256 blocks,
//          8/64 + 32/(64·256) = 0.127 bit/param.
// [DoRA]   Liu et al., arXiv 2402.09353, §4.1 (magnitude vector m ∈ R^{1×k}) and §4.3 (‖V+ΔV‖_c treated as a
//          constant, detached from the graph); PEFT src/peft/tuners/lora/dora.py (forward computes
//          (m/‖W+sBA‖ − 1)·base_result + m/‖W+sBA‖·lora_result·s, so both d_out-sized results are saved for m's grad).
// [8bit]   Dettmers et al., "8-bit Optimizers via Block-wise Quantization", arXiv 2110.02861; bitsandbytes
//          optim/optimizer.py: two 8-bit states (1 byte each) with block-wise fp32 absmax, and tensors with fewer
//          than min_8bit_size = 4096 elements keep 32-bit state.
// [Adafactor] Shazeer & Stern, arXiv 1804.04235, §3: factored second moment (row + column sums), no first moment.
// [Flash]  Dao et al., arXiv 2205.14135, §3.1: the backward recomputes attention from Q, K, V, the output and the
//          softmax log-sum-exp; no s×s matrix is stored.
// [Megatron] Korthikanti et al., arXiv 2205.05198, §4.1: a GPT block stores s·b·h·(34 + 5·a·s/h) bytes in 16-bit;
//          the 5·a·s/h term is the attention score/softmax/dropout tensors. Llama-style blocks need their own count,
//          done below tensor by tensor.
// [HF]     transformers src/transformers/models/llama/modeling_llama.py: LlamaRMSNorm upcasts its input to fp32
//          (saved for backward); eager_attention_forward repeats K/V per head (repeat_kv) and runs softmax in fp32
//          then casts back; ForCausalLMLoss upcasts the logits to fp32 before cross-entropy.
// [bnb4]   bitsandbytes autograd/_functions.py, MatMul4Bit.forward: `ctx.tensors = (A, B)` whenever an input needs a
//          gradient — a frozen 4-bit layer still saves its input activation, unlike a frozen nn.Linear, whose
//          autograd only saves the input when the weight needs a gradient.
// [DDP]    PyTorch DistributedDataParallel docs, gradient_as_bucket_view: without it, the gradient buckets are a
//          second copy of the gradients ("the saved memory size will be equal to the total gradients size").
// [CUDA]   PyTorch "CUDA semantics" notes: memory_allocated()/max_memory_allocated() count tensors only; the caching
//          allocator's reserve and the CUDA context (created at the first CUDA call: kernels, cuBLAS/cuDNN
//          workspaces; ~0.3–2 GiB depending on the stack) appear in nvidia-smi but not there.
import { CUSTOM_MODEL, checkInputs, showValue, validateArchitecture } from './parameters.ts';
import {
  type Arch,
  adaptedOf,
  adapterCount,
  breakdownOf,
  kvDim,
  qDim,
  quantizedLinears,
  resolveArchitecture,
  trainableTensors,
} from './params.ts';
import { composeTrainer } from './post-training.ts';
import { findModel, MODEL_PRESETS } from './presets.ts';
import type {
  Architecture,
  ComponentId,
  Estimate,
  EstimateResult,
  InputError,
  NormalizedInput,
  PrecisionId,
  TrainingInput,
} from './types.ts';

const MIB = 2 ** 20;

/** CUDA context + PyTorch kernels + library workspaces. An assumption inside the 0.3–2 GiB range reported for
 *  PyTorch (e.g. 723 MiB for a one-element tensor on discuss.pytorch.org, "What is the reason for pytorch's GPU
 *  memory floor?"); documented on /about/memory. */
export const CUDA_CONTEXT_BYTES = 750 * MIB;
/** Caching-allocator reserve (fragmentation, rounding, cached free blocks) as a fraction of allocated bytes.
 *  An assumption: PyTorch reports `max_memory_reserved() - max_memory_allocated()` but documents no typical value. */
export const ALLOCATOR_RESERVE_FRACTION = 0.05;
/** bitsandbytes keeps 32-bit optimizer state for tensors with fewer elements than this [8bit]. */
export const BNB_MIN_8BIT_SIZE = 4096;
/** bitsandbytes block-wise 8-bit optimizer state: one fp32 absmax per block of this many values [8bit]. */
export const BNB_OPTIMIZER_BLOCK = 256;
/** Number of chunks of a chunked cross-entropy (torchtune CEWithChunkedOutputLoss uses 8). */
export const LOSS_CHUNKS = 8;

/** NF4 storage in bits per quantized parameter, including the quantization constants [QLoRA §3]. */
export function nf4BitsPerParam(doubleQuant: boolean): number {
  return 4 + (doubleQuant ? 8 / 64 + 32 / (64 * 256) : 32 / 64);
}

interface Bytes {
  /** stored weights (frozen base or trainable) */
  weight: number;
  /** activations and the compute dtype */
  act: number;
  /** gradients [ZeRO: fp16 gradients in mixed precision] */
  grad: number;
  /** fp32 master copy per trainable parameter (mixed precision only) [ZeRO §3.1] */
  master: number;
  /** element size of optimizer state kept in the parameter dtype (torch.optim AdamW/SGD/Adafactor) */
  state: number;
}

function precisionBytes(p: PrecisionId): Bytes {
  switch (p) {
    case 'mixed-bf16':
      return { weight: 2, act: 2, grad: 2, master: 4, state: 4 };
    case 'pure-bf16':
      return { weight: 2, act: 2, grad: 2, master: 0, state: 2 };
    case 'fp32':
      return { weight: 4, act: 4, grad: 4, master: 0, state: 4 };
  }
}

/** Optimizer state bytes (without the master copy) for the trainable tensors. */
export function optimizerStateBytes(
  arch: Arch,
  input: Pick<NormalizedInput, 'method' | 'rank' | 'targets' | 'optimizer' | 'precision'>,
): number {
  const b = precisionBytes(input.precision);
  let total = 0;
  for (const t of trainableTensors(arch, input.method, input.rank, input.targets)) {
    let per: number;
    switch (input.optimizer) {
      case 'adamw':
        // exp_avg and exp_avg_sq, in the parameter's dtype (fp32 master in mixed precision) [ZeRO K = 12 incl. master]
        per = 2 * b.state * t.numel;
        break;
      case 'adamw-8bit':
      case 'paged-adamw-8bit':
        // Paging moves state to CPU RAM only under memory pressure (NVIDIA unified memory) [QLoRA §3]; the steady
        // state lives on the GPU, so the paged variant is sized like the plain one.
        per =
          t.numel < BNB_MIN_8BIT_SIZE ? 8 * t.numel : 2 * t.numel + 2 * 4 * Math.ceil(t.numel / BNB_OPTIMIZER_BLOCK);
        break;
      case 'sgd':
        per = b.state * t.numel; // momentum buffer
        break;
      case 'adafactor':
        per = t.rows && t.cols ? b.state * (t.rows + t.cols) : b.state * t.numel;
        break;
    }
    total += per * t.count;
  }
  return total;
}

/** Which tensors a block keeps for the backward pass, in bytes per token. See the header for sources. */
export function blockSavedBytesPerToken(a: Arch, input: NormalizedInput): number {
  const { act } = precisionBytes(input.precision);
  const h = a.hidden;
  const qd = qDim(a);
  const kvd = kvDim(a);
  const i = a.intermediate;
  const k = a.experts > 1 ? a.activeExperts : 1;
  const full = input.method === 'full';
  const quant = input.method === 'qlora';
  const adapted = full ? [] : adaptedOf(a, input.targets);
  const has = (n: string): boolean => adapted.some((l) => l.name === n);
  // A linear layer's input is saved when its weight needs a gradient (full FT), when a LoRA A matrix reads it, or
  // when the frozen weight is a bitsandbytes 4-bit layer [bnb4]. Inputs shared by several projections count once.
  const keepsInput = (names: string[]): boolean => full || quant || names.some(has);

  let bytes = 0;
  // Norms: RMSNorm saves its fp32 upcast input and the fp32 rsqrt per token [HF]; LayerNorm saves its input and
  // mean/rstd. A trainable norm weight also needs the normalized output.
  const normSaved = (a.norm === 'rmsnorm' ? 4 * h : act * h) + 8 + (full ? act * h : 0);
  bytes += a.normsPerLayer * normSaved;
  // Attention projections.
  if (keepsInput(['q', 'k', 'v'])) bytes += act * h;
  // q_norm/k_norm (Qwen3, Gemma-3) are RMSNorms over each head: fp32 upcast input and fp32 rsqrt per head, as the
  // block norms [HF Qwen3RMSNorm = LlamaRMSNorm].
  if (a.qkNorm) bytes += 4 * (qd + kvd) + 4 * (a.heads + a.kvHeads);
  // LoRA: B reads A's r-sized output; DoRA also keeps base and LoRA outputs (d_out each) for the magnitude's grad.
  for (const l of adapted) {
    const copies = l.expert ? k : 1;
    bytes += act * input.rank * copies;
    if (input.method === 'dora') bytes += 2 * act * l.dOut * copies;
  }
  // Attention core.
  if (input.attention === 'flash') {
    // Q, K, V (K/V at their GQA width), output, fp32 log-sum-exp per head [Flash §3.1].
    bytes += act * (2 * qd + 2 * kvd) + 4 * a.heads;
  } else {
    // Q, K and V repeated to every head, fp32 softmax output and its 16-bit cast (s scores per head per token) [HF].
    const cast = act < 4 ? act : 0;
    bytes += act * 3 * qd + a.heads * input.seq * (4 + cast);
  }
  if (keepsInput(['o'])) bytes += act * qd;
  // MLP.
  if (keepsInput(['gate', 'up', 'router'])) bytes += act * h;
  let mlp = 0;
  if (a.mlp === 'gated') {
    // gate output (for the activation), activation output and up output (for the product) [HF LlamaMLP]
    mlp += 3 * act * i;
  } else {
    mlp += act * i; // fc output for GELU
  }
  if (keepsInput(['down'])) mlp += act * i;
  if (a.experts > 1) {
    // router probabilities (fp32) and each active expert's output, scaled by its routing weight
    bytes += 4 * a.experts + k * act * h;
  }
  // DeepSeek's shared experts run on every token, besides the routed ones
  bytes += (k + (a.experts > 1 ? a.sharedExperts : 0)) * mlp;
  return bytes;
}

/** One block's backward working set (gradients of its intermediates), bytes per token. */
function backwardWorkingBytesPerToken(a: Arch, input: NormalizedInput): number {
  const { act } = precisionBytes(input.precision);
  const k = a.experts > 1 ? a.activeExperts + a.sharedExperts : 1;
  const mlpTensors = a.mlp === 'gated' ? 3 : 2;
  return act * (2 * a.hidden + mlpTensors * k * a.intermediate);
}

function perBlockWeightBytes(a: Arch, input: NormalizedInput): number {
  const { weight } = precisionBytes(input.precision);
  const pb = breakdownOf(a);
  const perBlock = pb.blockLinearWeights + pb.blockBiases + pb.blockNorms;
  if (input.method !== 'qlora') return perBlock * weight;
  const q = pb.blockQuantizable;
  return (q * nf4BitsPerParam(input.doubleQuant)) / 8 + (perBlock - q) * weight;
}

/** The core: returns per-GPU bytes by component. Input must be valid (see estimateMemory). */
function compute(a: Arch, input: NormalizedInput, presetId: string | null): Estimate {
  const b = precisionBytes(input.precision);
  const pb = breakdownOf(a);
  const total = pb.total;
  const full = input.method === 'full';
  const trainableCount = full ? total : adapterCount(a, input.method, input.rank, input.targets);
  const tokens = input.seq * input.batch;
  const n = input.gpus;

  // --- model states (unsharded) ---
  let weights: number;
  let quantizedWeightBytes = 0;
  if (input.method === 'qlora') {
    // 4-bit NF4 linear weights + constants; embeddings, norms, head (and router) stay 16-bit [QLoRA §3].
    const q = pb.quantizable;
    quantizedWeightBytes = (q * nf4BitsPerParam(input.doubleQuant)) / 8;
    weights = quantizedWeightBytes + (total - q) * b.weight;
  } else {
    weights = total * b.weight;
  }
  // Adapter weights in the compute dtype; the fp32 master copy of mixed precision is counted in `optimizer`.
  let trainable = full ? 0 : trainableCount * b.weight;
  let gradients = trainableCount * b.grad;
  const masterWeightBytes = trainableCount * b.master;
  let optimizer = masterWeightBytes + optimizerStateBytes(a, input);

  // --- sharding [ZeRO §5.1]; FSDP FULL_SHARD shards like stage 3 ---
  let communication = 0;
  if (input.sharding === 'none') {
    if (n > 1) communication = gradients; // DDP gradient buckets [DDP]
  } else {
    optimizer /= n;
    if (input.sharding !== 'zero1') gradients /= n;
    if (input.sharding === 'zero3' || input.sharding === 'fsdp') {
      weights /= n;
      trainable /= n;
      // The block being computed and the prefetched next one are gathered unsharded (DeepSpeed stage-3 prefetch,
      // FSDP backward_prefetch); FSDP also materialises one block's unsharded gradients before reduce-scatter.
      communication = 2 * perBlockWeightBytes(a, input);
      if (input.sharding === 'fsdp') {
        const blockTrainable = full
          ? pb.blockLinearWeights + pb.blockBiases + pb.blockNorms
          : trainableCount / a.layers;
        communication += blockTrainable * b.grad;
      }
    }
  }

  // --- activations ---
  const perBlock = blockSavedBytesPerToken(a, input);
  const blockActivationBytes = input.gradCheckpointing
    ? // Checkpointing keeps each block's input and recomputes one block at a time during backward; the input of the
      // block being recomputed is counted inside its working set.
      ((a.layers - 1) * b.act * a.hidden + perBlock) * tokens
    : a.layers * perBlock * tokens;
  // Final norm (fp32 upcast) and, when the head is trainable, its input; one block's backward gradients.
  const finalNorm = (a.norm === 'rmsnorm' ? 4 : b.act) * a.hidden + (full ? 2 * b.act * a.hidden : 0);
  let transient = (finalNorm + backwardWorkingBytesPerToken(a, input)) * tokens;
  if (input.method === 'qlora') {
    // one 4-bit weight dequantized to the compute dtype at a time [bnb4]
    transient += Math.max(...quantizedLinears(a).map((l) => l.dIn * l.dOut)) * b.act;
  }
  if (input.method === 'dora') {
    // weight norm of the largest adapted matrix: dequantized W, B·A and W + s·B·A, then discarded [DoRA §4.3]
    transient += 3 * Math.max(...adaptedOf(a, input.targets).map((l) => l.dIn * l.dOut)) * b.act;
  }
  const activations = blockActivationBytes + transient;

  // --- logits ---
  // Unchunked: fp32 log-probabilities saved by log_softmax, their gradient and the gradient w.r.t. the logits
  // (12 bytes per vocab entry; the 16-bit logits and their fp32 upcast of the forward, act + 8 bytes, fit inside) [HF].
  // Chunked (torchtune CEWithChunkedOutputLoss, LitGPT chunked_cross_entropy): the 16-bit logits stay, fp32 work is
  // done one chunk at a time.
  const logits = input.chunkedLoss
    ? tokens * a.vocab * b.act + Math.ceil(tokens / LOSS_CHUNKS) * a.vocab * 12
    : tokens * a.vocab * 12;

  // --- overhead [CUDA] ---
  const allocated = weights + trainable + gradients + optimizer + activations + logits + communication;
  const allocatorReserve = allocated * ALLOCATOR_RESERVE_FRACTION;
  const overhead = CUDA_CONTEXT_BYTES + allocatorReserve + communication;

  const components: Record<ComponentId, number> = {
    weights,
    trainable,
    gradients,
    optimizer,
    activations,
    logits,
    overhead,
  };
  const perGpuBytes = Object.values(components).reduce((s, x) => s + x, 0);
  return {
    input,
    arch: a,
    presetId,
    params: { total, trainable: trainableCount },
    components,
    perGpuBytes,
    allocatedBytes: perGpuBytes - CUDA_CONTEXT_BYTES - allocatorReserve,
    details: {
      quantizedWeightBytes,
      blockActivationBytes,
      transientActivationBytes: transient,
      cudaContextBytes: CUDA_CONTEXT_BYTES,
      allocatorReserveBytes: allocatorReserve,
      communicationBytes: communication,
      masterWeightBytes: masterWeightBytes / (input.sharding === 'none' ? 1 : n),
    },
  };
}

/** Resolves and validates the input against the parameter table; the architecture is resolved here, once. */
export function normalize(
  input: TrainingInput,
): { ok: true; input: NormalizedInput; arch: Arch; presetId: string | null } | { ok: false; errors: InputError[] } {
  if (typeof input !== 'object' || input === null) {
    return { ok: false, errors: [{ field: 'input', message: 'must be an object' }] };
  }
  const raw = input as unknown as Record<string, unknown>;
  const errors: InputError[] = [];
  let arch: Architecture | null = null;
  let presetId: string | null = null;
  if (typeof raw.model === 'string') {
    const preset = findModel(raw.model);
    if (preset) {
      arch = preset.arch;
      presetId = preset.id;
    } else {
      errors.push({
        field: 'model',
        message: `unknown model ${showValue(raw.model)}; use one of ${MODEL_PRESETS.map((m) => m.id).join(', ')}${
          raw.model === CUSTOM_MODEL ? ' (a custom model is an architecture object)' : ''
        }`,
      });
    }
  } else if (raw.model === undefined) {
    errors.push({ field: 'model', message: 'is required (a preset id or an architecture)' });
  } else {
    const archErrors = validateArchitecture(raw.model);
    if (archErrors.length) errors.push(...archErrors);
    else arch = raw.model as Architecture;
  }
  const checked = checkInputs(raw);
  errors.push(...checked.errors);
  if (errors.length || !arch) return { ok: false, errors };
  return {
    ok: true,
    arch: resolveArchitecture(arch),
    presetId,
    input: { model: raw.model, ...checked.values } as unknown as NormalizedInput,
  };
}

/** Estimates the per-GPU peak memory of one training step. Invalid input returns typed errors, never a number. */
export function estimateMemory(input: TrainingInput): EstimateResult {
  const n = normalize(input);
  if (!n.ok) return { ok: false, errors: n.errors };
  // Post-training trainers compose the one-model step (post-training.ts); sft is the step itself.
  return { ok: true, estimate: composeTrainer(n.input, (i) => compute(n.arch, i, n.presetId)) };
}

/** "states" = weights + trainable + gradients + optimizer (model states, no activations). */
export function statesBytes(e: Estimate): number {
  const c = e.components;
  return c.weights + c.trainable + c.gradients + c.optimizer;
}
