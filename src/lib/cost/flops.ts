// FLOPs per trained token, counted the way MFU is defined (PaLM, arXiv 2204.02311 appendix B): 2 FLOPs per weight per
// token in the forward pass and 4 in the backward pass (gradient of the input and of the weight), so 6N, plus the
// attention score and value matmuls, 12·L·s·d_attn per token forward and backward (PaLM's 12·L·H·Q·T; the same
// counting as Narayanan et al. 2021, arXiv 2104.04473 §5.1). Like PaLM and NVIDIA NeMo's "model TFLOP/s", the
// attention term is not halved for causal masking, so measured MFU figures (ours and theirs) mean the same thing.
// The memory model's modules, not its index: the calculator loads this lib in a chunk of its own (TimePanel.tsx),
// and the index would bring modules (the CLI's, the cards') into it.
import { activeParams, adaptedOf, blockKinds, paramBreakdown, resolveArchitecture } from '../memory/params.ts';
import type { Architecture, MethodId, TargetsId } from '../memory/types.ts';

export interface FlopsInput {
  arch: Architecture;
  method: MethodId;
  rank: number;
  targets: TargetsId;
  /** tokens per sequence: the attention term grows with it */
  seq: number;
  /** one more forward pass of every block in the backward pass */
  gradCheckpointing: boolean;
  /** forward passes without gradients per trained token besides the policy's own (trainers.ts): of the policy
   *  itself (KTO's KL completions) and of the frozen reference (a copy, or the base with the adapters off) */
  extraForwards?: { policy: number; reference: number };
}

export interface FlopsPerToken {
  /** N: weights one token is multiplied by (active experts only, the output head included, the embedding lookup not) */
  matmulParams: number;
  /** adapter weights one token passes through (0 for full fine-tuning) */
  adapterParams: number;
  /** attention matmuls of the forward pass: 4·L·s·d_attn */
  attentionForward: number;
  forward: number;
  backward: number;
  /** forward + backward: the "model FLOPs" of MFU, = weights + attention */
  model: number;
  /** of the model FLOPs: the weight (and adapter) matmuls, forward and backward */
  weights: number;
  /** of the model FLOPs: the attention matmuls, forward and backward (12·L·s·d_attn) */
  attention: number;
  /** the blocks' forward again under gradient checkpointing (the output head is not recomputed) */
  recompute: number;
  /** forward passes without gradients (a reference model, KTO's KL completions): executed, not trained */
  noGrad: number;
  /** what the GPU executes: model + recompute + noGrad */
  total: number;
}

export function flopsPerToken(x: FlopsInput): FlopsPerToken {
  const a = resolveArchitecture(x.arch);
  const b = paramBreakdown(a);
  const head = a.vocab * a.hidden;
  // activeParams counts a tied head once, as the embedding; the head's matmul still happens.
  const matmulParams = activeParams(a) - b.embedding - b.positions + (a.tiedEmbeddings ? head : 0);
  let adapterParams = 0;
  if (x.method !== 'full') {
    for (const k of blockKinds(a)) {
      for (const l of adaptedOf(a, x.targets, k.dense)) {
        const copies = l.expert ? Math.min(l.count, a.activeExperts) : l.count;
        adapterParams += k.layers * x.rank * (l.dIn + l.dOut) * copies;
      }
    }
  }
  const attentionForward = 4 * a.layers * x.seq * a.heads * a.headDim;
  const forward = 2 * matmulParams + 2 * adapterParams + attentionForward;
  // Frozen weights need the gradient of their input only (2N), not of the weight (another 2N); adapters need both.
  const weightBackward = x.method === 'full' ? 4 * matmulParams : 2 * matmulParams + 4 * adapterParams;
  const backward = weightBackward + 2 * attentionForward;
  const model = forward + backward;
  const recompute = x.gradCheckpointing ? forward - 2 * head : 0;
  // The reference is the frozen base: its forward skips the adapters (PEFT's disabled adapters, or a copy of the
  // base for full fine-tuning); the policy's no-grad forward is its own forward.
  const extra = x.extraForwards ?? { policy: 0, reference: 0 };
  const noGrad = extra.policy * forward + extra.reference * (2 * matmulParams + attentionForward);
  return {
    matmulParams,
    adapterParams,
    attentionForward,
    forward,
    backward,
    model,
    weights: model - 3 * attentionForward,
    attention: 3 * attentionForward,
    recompute,
    noGrad,
    total: model + recompute + noGrad,
  };
}
