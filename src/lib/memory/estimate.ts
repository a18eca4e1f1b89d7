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
  type TensorGroup,
  trainableTensors,
} from './params.ts';
import { composeTrainer } from './post-training.ts';
import { findModel, MODEL_PRESETS } from './presets.ts';
import type {
  Architecture,
  ComponentId,
  Estimate,
  EstimateResult,
  EstimateWarning,
  InputError,
  NormalizedInput,
  Phase,
  PhaseId,
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
/** Tokens per chunk of TRL's chunked_nll loss: trl/trainer/sft_trainer.py `_CHUNKED_LM_HEAD_CHUNK_SIZE = 256`
 *  (TRL 1.9.0); each chunk's logits live only inside its own checkpointed forward and backward. */
export const LOSS_CHUNK_TOKENS = 256;
/** DeepSpeed ZeRO-1/2 `reduce_bucket_size` default, in elements (DeepSpeed configuration docs: "Default: 5e8"). */
export const ZERO_REDUCE_BUCKET = 5e8;

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

/** Byte sizes of the trained tensors. PEFT's autocast_adapter_dtype=True (its default; peft/tuners/tuners_utils.py
 *  `_cast_adapter_dtype`) upcasts adapter weights to fp32 on a 16-bit model: the weights, their gradients and the
 *  AdamW moments are then fp32 and no separate master copy exists. */
function trainedBytes(input: Pick<NormalizedInput, 'method' | 'precision' | 'adapterFp32'>): Bytes {
  const b = precisionBytes(input.precision);
  if (input.method !== 'full' && input.adapterFp32 && input.precision !== 'fp32') {
    return { weight: 4, act: b.act, grad: 4, master: 0, state: 4 };
  }
  return b;
}

/** Full copies PEFT trains next to the adapters (modules_to_save): the output head and the embeddings, in the model's
 *  dtype (peft/utils/other.py ModulesToSaveWrapper deep-copies the module; the original stays frozen). */
function savedModules(
  a: Arch,
  input: Pick<NormalizedInput, 'method' | 'trainHead' | 'trainEmbeddings'>,
): TensorGroup[] {
  if (input.method === 'full') return [];
  const m = a.vocab * a.hidden;
  const count = (input.trainHead ? 1 : 0) + (input.trainEmbeddings ? 1 : 0);
  return count ? [{ numel: m, count, rows: a.vocab, cols: a.hidden }] : [];
}

type OptimizerInput = Pick<
  NormalizedInput,
  | 'method'
  | 'rank'
  | 'targets'
  | 'expertAdapters'
  | 'optimizer'
  | 'precision'
  | 'adapterFp32'
  | 'trainHead'
  | 'trainEmbeddings'
>;

function stateOf(optimizer: NormalizedInput['optimizer'], numel: number, rows: number, cols: number, el: number) {
  switch (optimizer) {
    case 'adamw':
      // exp_avg and exp_avg_sq, in the parameter's dtype (fp32 master in mixed precision) [ZeRO K = 12 incl. master]
      return 2 * el * numel;
    case 'paged-adamw':
      // bitsandbytes PagedAdamW (optim_bits=32): two fp32 states whatever the parameter dtype [8bit]
      return 8 * numel;
    case 'adamw-8bit':
    case 'paged-adamw-8bit':
      return numel < BNB_MIN_8BIT_SIZE ? 8 * numel : 2 * numel + 2 * 4 * Math.ceil(numel / BNB_OPTIMIZER_BLOCK);
    case 'sgd':
      return el * numel; // momentum buffer
    case 'adafactor':
      return rows && cols ? el * (rows + cols) : el * numel;
  }
}

/** Optimizer state bytes (without the master copy) for the trainable tensors. */
export function optimizerStateBytes(arch: Arch, input: OptimizerInput): number {
  const t = trainedBytes(input);
  const b = precisionBytes(input.precision);
  let total = 0;
  for (const g of trainableTensors(arch, input.method, input.rank, input.targets, input.expertAdapters)) {
    total += stateOf(input.optimizer, g.numel, g.rows ?? 0, g.cols ?? 0, t.state) * g.count;
  }
  for (const g of savedModules(arch, input)) {
    total += stateOf(input.optimizer, g.numel, g.rows ?? 0, g.cols ?? 0, b.state) * g.count;
  }
  return total;
}

/** Paged bitsandbytes optimizers allocate their state with cudaMallocManaged (bitsandbytes functional.py
 *  get_paged / GlobalPageManager), which PyTorch's caching allocator does not see. */
const isPaged = (o: NormalizedInput['optimizer']): boolean => o === 'paged-adamw' || o === 'paged-adamw-8bit';

/** Which tensors a block keeps for the backward pass, in bytes per token. See the header for sources. */
export function blockSavedBytesPerToken(a: Arch, input: NormalizedInput): number {
  const { act } = precisionBytes(input.precision);
  const h = a.hidden;
  const qd = qDim(a);
  const kvd = kvDim(a);
  const i = a.intermediate;
  const k = a.experts > 1 ? a.activeExperts : 1;
  const full = input.method === 'full';
  const adapted = full ? [] : adaptedOf(a, input.targets, false, input.expertAdapters);
  const has = (n: string): boolean => adapted.some((l) => l.name === n);
  const dropout = !full && input.loraDropout > 0;
  // PEFT casts each adapted layer's input to the adapter dtype before dropout and lora_A
  // (peft/tuners/lora/layer.py Linear.forward: `x = self._cast_input_dtype(x, lora_A.weight.dtype)`); outside
  // autocast (pure bf16) with fp32 adapters that is a new fp32 tensor per adapted layer, saved by lora_A.
  const castCopy = !full && input.adapterFp32 && input.precision === 'pure-bf16';
  const adapterAct = castCopy ? 4 : act;
  // A frozen bitsandbytes 4-bit layer kept its input until 0.43.2 (autograd/_functions.py MatMul4Bit.forward
  // `ctx.tensors = (A, B)`, changed to `(None, B)` by bitsandbytes PR #1270, released in 0.43.2) [bnb4].
  const quantSaves = input.method === 'qlora' && input.quantSavesInput;
  // A linear layer's input is saved when its weight needs a gradient (full FT), when a frozen 4-bit layer keeps it,
  // or when lora_A reads it directly (no dropout, no dtype cast). Inputs shared by several projections count once.
  const keepsInput = (names: string[]): boolean => full || quantSaves || (!dropout && !castCopy && names.some(has));

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
  for (const l of adapted) {
    const copies = l.expert ? k : 1;
    // Dropout (p > 0) saves its boolean mask and its output, one pair per adapted layer (torch native_dropout;
    // PEFT and LitGPT give every LoRA layer its own lora_dropout); without dropout a dtype cast is saved instead.
    if (dropout) bytes += (1 + adapterAct) * l.dIn * copies;
    else if (castCopy) bytes += 4 * l.dIn * copies;
    // lora_B reads lora_A's r-sized output; DoRA also keeps base and LoRA outputs (d_out each) for the magnitude.
    bytes += adapterAct * input.rank * copies;
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
  // down_proj's input, per expert copy; frozen routed experts (expertAdapters off) keep none of their own.
  const moe = a.experts > 1;
  const downIn = keepsInput(['down']) ? act * i : 0;
  if (moe) {
    // router probabilities (fp32) and each active expert's output, scaled by its routing weight
    bytes += 4 * a.experts + k * act * h;
  }
  // DeepSeek's shared experts run on every token, besides the routed ones
  bytes += k * (mlp + (moe && !full && !input.expertAdapters && !quantSaves ? 0 : downIn));
  if (moe) bytes += a.sharedExperts * (mlp + downIn);
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

/**
 * Bytes the loss keeps per phase over the vocabulary V for T tokens [HF, TRL, Liger]:
 * - fp32 (transformers loss_utils.py ForCausalLMLoss: `logits = logits.float()`): the 16-bit logits (held by the
 *   model output), their fp32 upcast and log_softmax's fp32 output during the loss (2 + 4 + 4 bytes per entry); at
 *   the start of backward the logits, log-probabilities, their gradient and the logits' fp32 gradient (2+4+4+4).
 * - bf16 (torch cross_entropy on 16-bit logits, as LitGPT's chunked_cross_entropy does): logits and log-probs
 *   (2 + 2), then their two gradients (2 + 2 + 2 + 2).
 * - chunked (TRL ≥ 1.4 chunked_nll, the SFTTrainer default in TRL 1.9.0): the hidden states reordered once (act·h
 *   per token, and their gradient in backward); each 256-token chunk's logits exist only inside its checkpointed
 *   forward and backward, with the fp32 sizes above.
 * - fused (Liger fused linear cross-entropy, torchtune LinearCrossEntropyLoss): logits never exist beyond a chunk of
 *   about T·h/V tokens (fp32 logits and their gradient); the hidden states' gradient is computed in the forward.
 */
function lossBytes(a: Arch, input: NormalizedInput, tokens: number): { loss: number; backward: number } {
  const { act } = precisionBytes(input.precision);
  const V = a.vocab;
  const h = a.hidden;
  const TV = tokens * V;
  switch (input.loss) {
    case 'fp32':
      return { loss: TV * (act + 8), backward: TV * (act + 12) };
    case 'bf16':
      return { loss: TV * 2 * act, backward: TV * 4 * act };
    case 'chunked': {
      const chunk = Math.min(tokens, LOSS_CHUNK_TOKENS) * V;
      return { loss: tokens * h * act + chunk * (act + 8), backward: 2 * tokens * h * act + chunk * (act + 12) };
    }
    case 'fused':
      return { loss: tokens * h * (act + 8), backward: tokens * h * act };
  }
}

type Parts = Record<string, number>;
const sum = (p: Parts): number => Object.values(p).reduce((s, x) => s + x, 0);

/** The core: the phases of one step and their peak, per GPU. Input must be valid (see estimateMemory). */
function compute(a: Arch, input: NormalizedInput, presetId: string | null): Estimate {
  const b = precisionBytes(input.precision);
  const tb = trainedBytes(input);
  const pb = breakdownOf(a);
  const total = pb.total;
  const full = input.method === 'full';
  const modules = savedModules(a, input);
  const moduleCount = modules.reduce((s, g) => s + g.numel * g.count, 0);
  const adapterParams = full ? 0 : adapterCount(a, input.method, input.rank, input.targets, input.expertAdapters);
  const trainableCount = full ? total : adapterParams + moduleCount;
  const tokens = input.seq * input.batch;
  const n = input.gpus;
  const sharded = input.sharding !== 'none';
  const offloadOptimizer = input.offload === 'optimizer' || input.offload === 'both';
  const offloadActivations = input.offload === 'activations' || input.offload === 'both';

  // --- model states (unsharded) ---
  const headQuantized = input.method === 'qlora' && input.quantizeHead && !a.tiedEmbeddings;
  let weights: number;
  let quantizedWeightBytes = 0;
  if (input.method === 'qlora') {
    // 4-bit NF4 linear weights + constants; embeddings, norms and (with Transformers) the head stay 16-bit [QLoRA §3].
    const q = pb.quantizable + (headQuantized ? pb.lmHead : 0);
    quantizedWeightBytes = (q * nf4BitsPerParam(input.doubleQuant)) / 8;
    weights = quantizedWeightBytes + (total - q) * b.weight;
  } else {
    weights = total * b.weight;
  }
  // Adapter weights (fp32 with PEFT's default) and PEFT's trainable copies of the head/embeddings.
  let trainable = full ? 0 : adapterParams * tb.weight + moduleCount * b.weight;
  const gradBytes = full ? total * b.grad : adapterParams * tb.grad + moduleCount * b.grad;
  const masterWeightBytes = full ? total * b.master : adapterParams * tb.master + moduleCount * b.master;
  const stateBytes = optimizerStateBytes(a, input);

  // --- sharding [ZeRO §5.1]; FSDP FULL_SHARD shards like stage 3 ---
  let gradients = gradBytes;
  let states = masterWeightBytes + stateBytes;
  let communication = 0;
  let stepComm = 0;
  if (!sharded) {
    if (n > 1) communication = gradBytes; // DDP gradient buckets, allocated with the model [DDP]
  } else {
    states /= n;
    if (input.sharding !== 'zero1') gradients /= n;
    if (input.sharding === 'zero1' || input.sharding === 'zero2') {
      // reduce buckets of reduce_bucket_size elements during backward
      stepComm = Math.min(trainableCount, ZERO_REDUCE_BUCKET) * (full ? b.grad : tb.grad);
    }
    if (input.sharding === 'zero3' || input.sharding === 'fsdp') {
      weights /= n;
      trainable /= n;
      // The block being computed and the prefetched next one are gathered unsharded (DeepSpeed stage-3 prefetch,
      // FSDP backward_prefetch); FSDP also materialises one block's unsharded gradients before reduce-scatter.
      stepComm = 2 * perBlockWeightBytes(a, input);
      if (input.sharding === 'fsdp') {
        const blockTrainable = full ? pb.blockLinearWeights + pb.blockBiases + pb.blockNorms : adapterParams / a.layers;
        stepComm += blockTrainable * b.grad;
        // FSDP's root unit (whatever no block wraps: embeddings, head, final norm) is gathered for the whole forward
        // and backward: the root is not resharded after forward (torch FSDP `reshard_after_forward` is False for the
        // root, and LitGPT wraps only its blocks).
        const head = headQuantized ? (pb.lmHead * nf4BitsPerParam(input.doubleQuant)) / 8 : pb.lmHead * b.weight;
        const root = (pb.embedding + pb.positions + pb.finalNorm) * b.weight + head;
        stepComm += root * (1 - 1 / n);
      }
    }
  }
  // Paged optimizers: the state lives in managed memory, outside the allocator (and outside max_memory_allocated).
  const managedBytes = isPaged(input.optimizer) && !offloadOptimizer ? states : 0;
  const residentStates = offloadOptimizer || managedBytes ? 0 : states;
  // Under accumulation the gradients live through every micro-batch's forward; FSDP keeps them unsharded inside
  // no_sync() (torch FSDP docs: no_sync "will accumulate gradients in the unsharded form").
  const accumulatedGrads =
    input.accumulation > 1 ? (input.sharding === 'fsdp' || input.sharding === 'zero3' ? gradBytes : gradients) : 0;
  // Gradient of the output head at the start of backward (full FT, or a trained head copy): the first gradient.
  const headGrad = full || input.trainHead ? a.vocab * a.hidden * b.grad : 0;

  // --- activations ---
  const perBlock = blockSavedBytesPerToken(a, input) * tokens;
  const blockInput = b.act * a.hidden * tokens;
  // Saved through forward, loss and backward start: every block's saved tensors, or only each block's input under
  // checkpointing (torch.utils.checkpoint); activation offloading (torchtune OffloadActivations, TRL
  // activation_offloading) moves them to CPU and keeps the block in flight and the next one prefetched.
  const kept = input.gradCheckpointing ? blockInput : perBlock;
  const saved = offloadActivations ? Math.min(a.layers, 2) * kept : a.layers * kept;
  // Final norm (fp32 upcast) and, when the head is trainable, its input.
  const finalNorm =
    ((a.norm === 'rmsnorm' ? 4 : b.act) * a.hidden + (full || input.trainHead ? b.act * a.hidden : 0)) * tokens;
  const work = backwardWorkingBytesPerToken(a, input) * tokens;
  let dequant = 0;
  if (input.method === 'qlora') {
    // one 4-bit weight dequantized to the compute dtype at a time [bnb4]; a 4-bit head is the largest
    dequant = Math.max(...quantizedLinears(a).map((l) => l.dIn * l.dOut)) * b.act;
  }
  const headDequant = headQuantized ? pb.lmHead * b.act : 0;
  let doraNorm = 0;
  if (input.method === 'dora') {
    // weight norm of the largest adapted matrix: W, B·A and W + s·B·A, then discarded [DoRA §4.3]
    const sizes = adaptedOf(a, input.targets, false, input.expertAdapters).map((l) => l.dIn * l.dOut);
    doraNorm = 3 * Math.max(0, ...sizes) * b.act;
  }
  const loss = lossBytes(a, input, tokens);
  // Checkpointing: recomputing the last block brings back its saved tensors (its input is already among `saved`).
  const recompute = input.gradCheckpointing && !offloadActivations ? perBlock - blockInput + dequant + doraNorm : 0;

  // --- the optimizer step ---
  // torch.optim AdamW (foreach, the default on CUDA): _multi_tensor_adam computes
  // `exp_avg_sq_sqrt = torch._foreach_sqrt(device_exp_avg_sqs)`, one state-sized temporary for every parameter;
  // fused=True runs one kernel per tensor list with no temporary; bitsandbytes optimizers update each tensor in its own
  // kernel. In the backward pass (torchtune optimizer_in_bwd, register_post_accumulate_grad_hook) every gradient is
  // applied and freed as soon as it is complete, so at most one parameter's gradient exists.
  const foreachTemp =
    input.optimizerImpl === 'foreach' && input.optimizer === 'adamw' && !offloadOptimizer
      ? (full ? total * (b.master ? 4 : b.state) : adapterParams * tb.state + moduleCount * (b.master ? 4 : b.state)) /
        (sharded ? n : 1)
      : 0;
  const inBackward = input.optimizerImpl === 'in-backward';
  const largestGrad = Math.max(
    ...trainableTensors(a, input.method, input.rank, input.targets, input.expertAdapters).map((t) => t.numel),
    ...modules.map((m) => m.numel),
    0,
  );
  const stepGrads = inBackward ? largestGrad * (full ? b.grad : tb.grad) : gradients;

  const statics: Parts = { weights, trainable, optimizer: residentStates, communication };
  const phases: Phase[] = [
    {
      id: 'forward',
      parts: {
        ...statics,
        gradients: accumulatedGrads,
        activations: saved + finalNorm + dequant + doraNorm,
        communication: communication + stepComm,
      },
    },
    {
      id: 'loss',
      parts: {
        ...statics,
        gradients: accumulatedGrads,
        activations: saved + finalNorm,
        logits: loss.loss + headDequant,
        communication: communication + stepComm,
      },
    },
    {
      // the head's gradient is the only new one; the logits' gradients are at their largest. Under checkpointing the
      // last block is recomputed right after, once the logits are freed: whichever is larger sets this phase.
      id: 'backward-start',
      parts:
        recompute > loss.backward + headDequant
          ? {
              ...statics,
              gradients: Math.max(
                accumulatedGrads,
                inBackward ? 0 : headGrad / (sharded && input.sharding !== 'zero1' ? n : 1),
              ),
              activations: saved - blockInput + perBlock + work + dequant + doraNorm,
              communication: communication + stepComm,
            }
          : {
              ...statics,
              gradients: Math.max(
                accumulatedGrads,
                inBackward ? 0 : headGrad / (sharded && input.sharding !== 'zero1' ? n : 1),
              ),
              activations: saved + finalNorm + work,
              logits: loss.backward + headDequant,
              communication: communication + stepComm,
            },
    },
    {
      // every gradient exists; the saved tensors are gone but the first block's, recomputed under checkpointing
      // after the logits were freed
      id: 'backward-end',
      parts: {
        ...statics,
        gradients: inBackward ? stepGrads : Math.max(gradients, accumulatedGrads),
        activations: perBlock + work + dequant + doraNorm,
        communication: communication + stepComm,
      },
    },
    {
      id: 'optimizer',
      parts: {
        ...statics,
        gradients: inBackward ? 0 : gradients,
        optimizer: residentStates + (inBackward ? 0 : foreachTemp),
      },
    },
  ].map((p) => ({ id: p.id as PhaseId, parts: p.parts, bytes: sum(p.parts) }));

  let peak = phases[0] as Phase;
  for (const p of phases) if (p.bytes > peak.bytes) peak = p;
  const allocated = peak.bytes;
  const allocatorReserve = allocated * ALLOCATOR_RESERVE_FRACTION;
  const pp = peak.parts;
  const components: Record<ComponentId, number> = {
    weights: pp.weights ?? 0,
    trainable: pp.trainable ?? 0,
    gradients: pp.gradients ?? 0,
    optimizer: (pp.optimizer ?? 0) + managedBytes,
    activations: pp.activations ?? 0,
    logits: pp.logits ?? 0,
    overhead: CUDA_CONTEXT_BYTES + allocatorReserve + (pp.communication ?? 0),
  };
  const perGpuBytes = Object.values(components).reduce((s, x) => s + x, 0);
  const warnings: EstimateWarning[] = [];
  if (a.contextLength > 0 && input.seq > a.contextLength) {
    warnings.push({
      field: 'seq',
      message: `${input.seq.toLocaleString('en-US')} tokens is more than the model’s context length (${a.contextLength.toLocaleString('en-US')}, max_position_embeddings): it was not trained on sequences this long`,
    });
  }
  return {
    input,
    arch: a,
    presetId,
    params: { total, trainable: trainableCount },
    components,
    perGpuBytes,
    allocatedBytes: allocated,
    phases,
    peakPhase: peak.id,
    managedBytes,
    warnings,
    details: {
      quantizedWeightBytes,
      blockActivationBytes: peak.id === 'backward-end' ? perBlock : saved,
      transientActivationBytes: (pp.activations ?? 0) - (peak.id === 'backward-end' ? perBlock : saved),
      cudaContextBytes: CUDA_CONTEXT_BYTES,
      allocatorReserveBytes: allocatorReserve,
      communicationBytes: pp.communication ?? 0,
      masterWeightBytes: masterWeightBytes / (sharded ? n : 1),
      statesBytes: weights + trainable + gradients + residentStates + managedBytes,
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
  const resolved = resolveArchitecture(arch);
  const v = checked.values as unknown as NormalizedInput;
  // PEFT refuses a config whose target modules match nothing; so does the model.
  if (v.method !== 'full' && !v.expertAdapters && adapterCount(resolved, v.method, v.rank, v.targets, false) === 0) {
    return {
      ok: false,
      errors: [
        {
          field: 'expertAdapters',
          message: `leaves nothing to adapt: the ${v.targets} targets are all routed experts`,
        },
      ],
    };
  }
  return {
    ok: true,
    arch: resolved,
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

/** A phase's parts as components (activations and logits of that phase; absent parts are 0). */
export function phaseParts(e: Estimate, id: PhaseId): { activations: number; logits: number; gradients: number } {
  const p = e.phases.find((x) => x.id === id)?.parts ?? {};
  return { activations: p.activations ?? 0, logits: p.logits ?? 0, gradients: p.gradients ?? 0 };
}

/** "states" = weights + trainable + gradients + optimizer (model states, no activations). */
export function statesBytes(e: Estimate): number {
  return e.details.statesBytes;
}
