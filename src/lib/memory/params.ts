// Parameter counting from the architecture, and the list of linear layers a LoRA adapter can target.
import type { Architecture, MethodId, TargetsId } from './types.ts';

/** A linear layer of one transformer block. `count` is how many copies a block holds (MoE experts). */
export interface LinearSpec {
  name: 'q' | 'k' | 'v' | 'o' | 'gate' | 'up' | 'down' | 'router';
  dIn: number;
  dOut: number;
  bias: boolean;
  count: number;
  /** part of the MLP experts (activations scale with the active experts) */
  expert: boolean;
}

/** A group of equally sized parameter tensors (used where per-tensor rules apply, e.g. 8-bit optimizer states). */
export interface TensorGroup {
  numel: number;
  count: number;
  /** a 2-D weight matrix (rows, cols) for factored optimizers; absent for vectors */
  rows?: number;
  cols?: number;
}

/** An architecture with every optional field filled in: what the model computes with. */
export type Arch = Required<Architecture>;

/** Fills the optional fields with their defaults. Called once where an architecture enters the model (normalize, and
 *  the public counting functions below); everything inside takes an Arch. */
export function resolveArchitecture(a: Architecture): Arch {
  return {
    oBias: false,
    mlpBias: false,
    mlp: 'gated',
    norm: 'rmsnorm',
    normsPerLayer: 2,
    positionEmbeddings: 0,
    experts: 1,
    activeExperts: 1,
    contextLength: 0,
    qkNorm: false,
    sharedExperts: 0,
    denseLayers: 0,
    denseIntermediate: 0,
    routerBias: false,
    sinks: false,
    ...a,
  } as Arch;
}

export function qDim(a: Architecture): number {
  return a.heads * a.headDim;
}

export function kvDim(a: Architecture): number {
  return a.kvHeads * a.headDim;
}

/** Layers whose MLP is dense although the model has experts (DeepSeek-V3 first_k_dense_replace). */
function denseCount(a: Arch): number {
  return a.experts > 1 && a.denseIntermediate > 0 ? Math.min(a.denseLayers, a.layers) : 0;
}

/**
 * The linear layers of one block, in Hugging Face naming (q_proj … down_proj; Mixtral's w1/w3/w2 = gate/up/down;
 * gpt-oss's fused gate_up_proj counts as gate + up). `dense` asks for a dense layer of a model with experts
 * (DeepSeek-V3's first layers, intermediate_size wide); otherwise the typical block, with its experts.
 */
export function linearsOf(a: Arch, dense = false): LinearSpec[] {
  const qd = qDim(a);
  const kvd = kvDim(a);
  const e = Math.max(1, a.experts);
  const moe = e > 1 && !dense;
  const out: LinearSpec[] = [
    { name: 'q', dIn: a.hidden, dOut: qd, bias: a.qkvBias, count: 1, expert: false },
    { name: 'k', dIn: a.hidden, dOut: kvd, bias: a.qkvBias, count: 1, expert: false },
    { name: 'v', dIn: a.hidden, dOut: kvd, bias: a.qkvBias, count: 1, expert: false },
    { name: 'o', dIn: qd, dOut: a.hidden, bias: a.oBias, count: 1, expert: false },
  ];
  const mlp = (width: number, count: number, expert: boolean): void => {
    if (a.mlp === 'gated') out.push({ name: 'gate', dIn: a.hidden, dOut: width, bias: a.mlpBias, count, expert });
    out.push({ name: 'up', dIn: a.hidden, dOut: width, bias: a.mlpBias, count, expert });
    out.push({ name: 'down', dIn: width, dOut: a.hidden, bias: a.mlpBias, count, expert });
  };
  if (dense && e > 1) {
    mlp(a.denseIntermediate, 1, false);
    return out;
  }
  mlp(a.intermediate, e, moe);
  // DeepSeek's shared experts: one MLP of n_shared_experts × moe_intermediate_size (DeepseekV3MoE.shared_experts),
  // which has as many weights as that many experts; every token passes through it.
  if (moe && a.sharedExperts > 0) mlp(a.intermediate, a.sharedExperts, false);
  if (moe) {
    // Mixtral's router ("gate"): nn.Linear(hidden, num_local_experts, bias=False); gpt-oss's has a bias
    out.push({ name: 'router', dIn: a.hidden, dOut: e, bias: a.routerBias, count: 1, expert: false });
  }
  return out;
}

/** The kinds of block a model has and how many layers of each: one kind, or DeepSeek's dense first layers and the
 *  expert layers after them. */
export function blockKinds(a: Arch): { layers: number; dense: boolean; linears: LinearSpec[] }[] {
  const d = denseCount(a);
  const kinds = [{ layers: a.layers - d, dense: false, linears: linearsOf(a) }];
  if (d > 0) kinds.unshift({ layers: d, dense: true, linears: linearsOf(a, true) });
  return kinds.filter((k) => k.layers > 0);
}

const TARGET_NAMES: Record<TargetsId, readonly LinearSpec['name'][]> = {
  qv: ['q', 'v'],
  attention: ['q', 'k', 'v', 'o'],
  mlp: ['gate', 'up', 'down'],
  'all-linear': ['q', 'k', 'v', 'o', 'gate', 'up', 'down', 'router'],
};

/** Which block linears a LoRA target set adapts. PEFT's "all-linear" takes every nn.Linear but the output head;
 *  `experts` false leaves the routed experts out (the expertAdapters parameter), keeping the router and shared ones. */
export function adaptedOf(a: Arch, targets: TargetsId, dense = false, experts = true): LinearSpec[] {
  const wanted = TARGET_NAMES[targets];
  return linearsOf(a, dense).filter((l) => wanted.includes(l.name) && (experts || !l.expert));
}

/** Linear layers that bitsandbytes quantizes to 4 bits in QLoRA: every block projection and expert. The router is
 *  kept in 16 bits here (it is tiny); embeddings, norms and the LM head stay 16-bit (QLoRA, arXiv 2305.14314 §3,
 *  and transformers' bitsandbytes integration, which skips the output head). */
export function quantizedLinears(a: Arch, dense = false): LinearSpec[] {
  return linearsOf(a, dense).filter((l) => l.name !== 'router');
}

function normParams(a: Arch): number {
  return a.hidden * (a.norm === 'layernorm' ? 2 : 1);
}

export interface ParamBreakdown {
  embedding: number;
  positions: number;
  lmHead: number;
  /** per block (the typical block: with its experts when the model has dense first layers) */
  blockLinearWeights: number;
  /** biases and the other vectors of a block (gpt-oss attention sinks) */
  blockBiases: number;
  blockNorms: number;
  finalNorm: number;
  /** linear weights per block that QLoRA stores in 4 bits */
  blockQuantizable: number;
  /** the same over all layers (differs from layers × block for DeepSeek's dense first layers) */
  layersTotal: number;
  quantizable: number;
  total: number;
}

/**
 * Total parameters from the architecture:
 *   embeddings V·h (+ positions·h) + untied head V·h + Σ over layers (linear d_in·d_out + biases + norms) + final norm.
 * MoE blocks count every expert (weights must hold all of them, arXiv 2401.04088 §2.1: 47B total, 13B active).
 */
export function breakdownOf(a: Arch): ParamBreakdown {
  const blockNorms = a.normsPerLayer * normParams(a) + (a.qkNorm ? 2 * a.headDim : 0);
  const sinks = a.sinks ? a.heads : 0;
  const sums = (linears: LinearSpec[]) => {
    let w = 0;
    let b = sinks;
    for (const l of linears) {
      w += l.dIn * l.dOut * l.count;
      if (l.bias) b += l.dOut * l.count;
    }
    const q = linears.filter((l) => l.name !== 'router').reduce((s, l) => s + l.dIn * l.dOut * l.count, 0);
    return { w, b, q };
  };
  const typical = sums(linearsOf(a));
  let layersTotal = 0;
  let quantizable = 0;
  for (const k of blockKinds(a)) {
    const s = sums(k.linears);
    layersTotal += k.layers * (s.w + s.b + blockNorms);
    quantizable += k.layers * s.q;
  }
  const embedding = a.vocab * a.hidden;
  const positions = a.positionEmbeddings * a.hidden;
  const lmHead = a.tiedEmbeddings ? 0 : a.vocab * a.hidden;
  const finalNorm = normParams(a);
  const total = embedding + positions + lmHead + layersTotal + finalNorm;
  return {
    embedding,
    positions,
    lmHead,
    blockLinearWeights: typical.w,
    blockBiases: typical.b,
    blockNorms,
    finalNorm,
    blockQuantizable: typical.q,
    layersTotal,
    quantizable,
    total,
  };
}

/** Parameters that touch one token: shared weights plus `activeExperts` of the routed experts. */
function activeOf(a: Arch): number {
  const total = breakdownOf(a).total;
  if (a.experts <= 1) return total;
  const perExpert = linearsOf(a)
    .filter((l) => l.expert)
    .reduce((s, l) => s + l.dIn * l.dOut + (l.bias ? l.dOut : 0), 0);
  return total - (a.layers - denseCount(a)) * perExpert * (a.experts - a.activeExperts);
}

/**
 * LoRA trainable parameters: r·(d_in + d_out) per adapted matrix (A is r×d_in, B is d_out×r; LoRA, arXiv 2106.09685
 * §4.1). DoRA adds a magnitude vector of d_out per adapted matrix (arXiv 2402.09353 §4.1; PEFT lora_magnitude_vector).
 */
export function adapterCount(a: Arch, method: MethodId, rank: number, targets: TargetsId, experts = true): number {
  if (method === 'full') return breakdownOf(a).total;
  let total = 0;
  for (const k of blockKinds(a)) {
    let n = 0;
    for (const l of adaptedOf(a, targets, k.dense, experts)) {
      n += rank * (l.dIn + l.dOut) * l.count;
      if (method === 'dora') n += l.dOut * l.count;
    }
    total += k.layers * n;
  }
  return total;
}

/** The trainable tensors, grouped by size, for per-tensor optimizer rules. */
export function trainableTensors(
  a: Arch,
  method: MethodId,
  rank: number,
  targets: TargetsId,
  experts = true,
): TensorGroup[] {
  const groups: TensorGroup[] = [];
  const add = (numel: number, count: number, rows?: number, cols?: number): void => {
    if (numel > 0 && count > 0) groups.push(rows && cols ? { numel, count, rows, cols } : { numel, count });
  };
  if (method === 'full') {
    for (const k of blockKinds(a)) {
      for (const l of k.linears) {
        add(l.dIn * l.dOut, l.count * k.layers, l.dOut, l.dIn);
        if (l.bias) add(l.dOut, l.count * k.layers);
      }
    }
    const normTensors = a.norm === 'layernorm' ? 2 : 1;
    add(a.hidden, a.normsPerLayer * normTensors * a.layers + normTensors);
    if (a.qkNorm) add(a.headDim, 2 * a.layers);
    if (a.sinks) add(a.heads, a.layers);
    add(a.vocab * a.hidden, a.tiedEmbeddings ? 1 : 2, a.vocab, a.hidden);
    add(a.positionEmbeddings * a.hidden, 1, a.positionEmbeddings, a.hidden);
    return groups;
  }
  for (const k of blockKinds(a)) {
    for (const l of adaptedOf(a, targets, k.dense, experts)) {
      const c = l.count * k.layers;
      add(rank * l.dIn, c, rank, l.dIn); // A
      add(l.dOut * rank, c, l.dOut, rank); // B
      if (method === 'dora') add(l.dOut, c); // magnitude
    }
  }
  return groups;
}

// The public counting functions take any architecture (a preset's, or one written by hand) and resolve it once.
export const countParams = (a: Architecture): number => breakdownOf(resolveArchitecture(a)).total;
export const paramBreakdown = (a: Architecture): ParamBreakdown => breakdownOf(resolveArchitecture(a));
export const activeParams = (a: Architecture): number => activeOf(resolveArchitecture(a));
export const blockLinears = (a: Architecture): LinearSpec[] => linearsOf(resolveArchitecture(a));
export const adaptedLinears = (a: Architecture, targets: TargetsId, experts = true): LinearSpec[] =>
  adaptedOf(resolveArchitecture(a), targets, false, experts);
export const adapterParams = (
  a: Architecture,
  method: MethodId,
  rank: number,
  targets: TargetsId,
  experts = true,
): number => adapterCount(resolveArchitecture(a), method, rank, targets, experts);

/** A SigLIP vision tower as Gemma-3 configs describe it (vision_config). */
export interface SiglipShape {
  /** hidden_size */
  hidden: number;
  /** num_hidden_layers */
  layers: number;
  /** intermediate_size */
  intermediate: number;
  /** patch_size */
  patch: number;
  /** image_size */
  image: number;
  /** num_channels */
  channels: number;
}

/**
 * Parameters of a SigLIP vision tower without its pooling head (transformers SiglipVisionTransformer with
 * vision_use_head false): a patch-embedding convolution with bias, one learned position per patch, per layer two
 * LayerNorms, q/k/v/o and fc1/fc2 with biases, and a final LayerNorm; plus Gemma-3's projector
 * (Gemma3MultiModalProjector: mm_input_projection_weight vision × text hidden, mm_soft_emb_norm RMSNorm).
 * For gemma-3-4b this gives 416,866,032 + 2,950,272, which with the language model's 3,880,263,168 is the Hub's
 * safetensors total of 4,300,079,472.
 */
export function siglipParams(v: SiglipShape, textHidden: number): number {
  const h = v.hidden;
  const patches = (v.image / v.patch) ** 2;
  const embed = v.channels * v.patch * v.patch * h + h + patches * h;
  const layer = 4 * (h * h + h) + (h * v.intermediate + v.intermediate) + (v.intermediate * h + h) + 4 * h;
  const tower = embed + v.layers * layer + 2 * h;
  return tower + h * textHidden + h;
}
