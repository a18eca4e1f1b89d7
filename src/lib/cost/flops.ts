// FLOPs per trained token, counted the way MFU is defined (PaLM, arXiv 2204.02311 appendix B): 2 FLOPs per weight per
// token in the forward pass and 4 in the backward pass (gradient of the input and of the weight), so 6N, plus the
// attention score and value matmuls, 12·L·s·d_attn per token forward and backward (PaLM's 12·L·H·Q·T; the same
// counting as Narayanan et al. 2021, arXiv 2104.04473 §5.1). Like PaLM and NVIDIA NeMo's "model TFLOP/s", the
// attention term is not halved for causal masking, so measured MFU figures (ours and theirs) mean the same thing.
import {
  activeParams,
  type Architecture,
  type MethodId,
  paramBreakdown,
  resolveArchitecture,
  type TargetsId,
} from '../memory/index.ts';
import { adaptedOf, blockKinds } from '../memory/params.ts';

export interface FlopsInput {
  arch: Architecture;
  method: MethodId;
  rank: number;
  targets: TargetsId;
  /** tokens per sequence: the attention term grows with it */
  seq: number;
  /** one more forward pass of every block in the backward pass */
  gradCheckpointing: boolean;
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
  /** forward + backward: the "model FLOPs" of MFU */
  model: number;
  /** the blocks' forward again under gradient checkpointing (the output head is not recomputed) */
  recompute: number;
  /** what the GPU executes: model + recompute */
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
  return {
    matmulParams,
    adapterParams,
    attentionForward,
    forward,
    backward,
    model,
    recompute,
    total: model + recompute,
  };
}
