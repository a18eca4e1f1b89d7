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
    ...a,
  } as Arch;
}

export function qDim(a: Architecture): number {
  return a.heads * a.headDim;
}

export function kvDim(a: Architecture): number {
  return a.kvHeads * a.headDim;
}

/** The linear layers of one block, in Hugging Face naming (q_proj … down_proj; Mixtral's w1/w3/w2 = gate/up/down). */
export function linearsOf(a: Arch): LinearSpec[] {
  const qd = qDim(a);
  const kvd = kvDim(a);
  const e = Math.max(1, a.experts);
  const moe = e > 1;
  const out: LinearSpec[] = [
    { name: 'q', dIn: a.hidden, dOut: qd, bias: a.qkvBias, count: 1, expert: false },
    { name: 'k', dIn: a.hidden, dOut: kvd, bias: a.qkvBias, count: 1, expert: false },
    { name: 'v', dIn: a.hidden, dOut: kvd, bias: a.qkvBias, count: 1, expert: false },
    { name: 'o', dIn: qd, dOut: a.hidden, bias: a.oBias, count: 1, expert: false },
  ];
  if (a.mlp === 'gated') {
    out.push({ name: 'gate', dIn: a.hidden, dOut: a.intermediate, bias: a.mlpBias, count: e, expert: moe });
  }
  out.push({ name: 'up', dIn: a.hidden, dOut: a.intermediate, bias: a.mlpBias, count: e, expert: moe });
  out.push({ name: 'down', dIn: a.intermediate, dOut: a.hidden, bias: a.mlpBias, count: e, expert: moe });
  if (moe) {
    // Mixtral's router ("gate"): nn.Linear(hidden, num_local_experts, bias=False)
    out.push({ name: 'router', dIn: a.hidden, dOut: e, bias: false, count: 1, expert: false });
  }
  return out;
}

/** Which block linears a LoRA target set adapts. PEFT's "all-linear" takes every nn.Linear but the output head. */
export function adaptedOf(a: Arch, targets: TargetsId): LinearSpec[] {
  const names: Record<TargetsId, readonly LinearSpec['name'][]> = {
    qv: ['q', 'v'],
    attention: ['q', 'k', 'v', 'o'],
    mlp: ['gate', 'up', 'down'],
    'all-linear': ['q', 'k', 'v', 'o', 'gate', 'up', 'down', 'router'],
  };
  const wanted = names[targets];
  return linearsOf(a).filter((l) => wanted.includes(l.name));
}

/** Linear layers that bitsandbytes quantizes to 4 bits in QLoRA: every block projection and expert. The router is
 *  kept in 16 bits here (it is tiny); embeddings, norms and the LM head stay 16-bit (QLoRA, arXiv 2305.14314 §3,
 *  and transformers' bitsandbytes integration, which skips the output head). */
export function quantizedLinears(a: Arch): LinearSpec[] {
  return linearsOf(a).filter((l) => l.name !== 'router');
}

function normParams(a: Arch): number {
  return a.hidden * (a.norm === 'layernorm' ? 2 : 1);
}

export interface ParamBreakdown {
  embedding: number;
  positions: number;
  lmHead: number;
  /** per block */
  blockLinearWeights: number;
  blockBiases: number;
  blockNorms: number;
  finalNorm: number;
  /** linear weights per block that QLoRA stores in 4 bits */
  blockQuantizable: number;
  total: number;
}

/**
 * Total parameters from the architecture:
 *   embeddings V·h (+ positions·h) + untied head V·h + L·(Σ linear d_in·d_out + biases + norms) + final norm.
 * MoE blocks count every expert (weights must hold all of them, arXiv 2401.04088 §2.1: 47B total, 13B active).
 */
export function breakdownOf(a: Arch): ParamBreakdown {
  const linears = linearsOf(a);
  let w = 0;
  let b = 0;
  for (const l of linears) {
    w += l.dIn * l.dOut * l.count;
    if (l.bias) b += l.dOut * l.count;
  }
  const quantizable = quantizedLinears(a).reduce((s, l) => s + l.dIn * l.dOut * l.count, 0);
  const embedding = a.vocab * a.hidden;
  const positions = a.positionEmbeddings * a.hidden;
  const lmHead = a.tiedEmbeddings ? 0 : a.vocab * a.hidden;
  const blockNorms = a.normsPerLayer * normParams(a);
  const finalNorm = normParams(a);
  const total = embedding + positions + lmHead + a.layers * (w + b + blockNorms) + finalNorm;
  return {
    embedding,
    positions,
    lmHead,
    blockLinearWeights: w,
    blockBiases: b,
    blockNorms,
    finalNorm,
    blockQuantizable: quantizable,
    total,
  };
}

/** Parameters that touch one token: shared weights plus `activeExperts` of the experts. */
function activeOf(a: Arch): number {
  const total = breakdownOf(a).total;
  if (a.experts <= 1) return total;
  const perExpert = linearsOf(a)
    .filter((l) => l.expert)
    .reduce((s, l) => s + l.dIn * l.dOut + (l.bias ? l.dOut : 0), 0);
  return total - a.layers * perExpert * (a.experts - a.activeExperts);
}

/**
 * LoRA trainable parameters: r·(d_in + d_out) per adapted matrix (A is r×d_in, B is d_out×r; LoRA, arXiv 2106.09685
 * §4.1). DoRA adds a magnitude vector of d_out per adapted matrix (arXiv 2402.09353 §4.1; PEFT lora_magnitude_vector).
 */
export function adapterCount(a: Arch, method: MethodId, rank: number, targets: TargetsId): number {
  if (method === 'full') return breakdownOf(a).total;
  let n = 0;
  for (const l of adaptedOf(a, targets)) {
    n += rank * (l.dIn + l.dOut) * l.count;
    if (method === 'dora') n += l.dOut * l.count;
  }
  return a.layers * n;
}

/** The trainable tensors, grouped by size, for per-tensor optimizer rules. */
export function trainableTensors(a: Arch, method: MethodId, rank: number, targets: TargetsId): TensorGroup[] {
  const groups: TensorGroup[] = [];
  const add = (numel: number, count: number, rows?: number, cols?: number): void => {
    if (numel > 0 && count > 0) groups.push(rows && cols ? { numel, count, rows, cols } : { numel, count });
  };
  if (method === 'full') {
    for (const l of linearsOf(a)) {
      add(l.dIn * l.dOut, l.count * a.layers, l.dOut, l.dIn);
      if (l.bias) add(l.dOut, l.count * a.layers);
    }
    const normTensors = a.norm === 'layernorm' ? 2 : 1;
    add(a.hidden, a.normsPerLayer * normTensors * a.layers + normTensors);
    add(a.vocab * a.hidden, a.tiedEmbeddings ? 1 : 2, a.vocab, a.hidden);
    add(a.positionEmbeddings * a.hidden, 1, a.positionEmbeddings, a.hidden);
    return groups;
  }
  for (const l of adaptedOf(a, targets)) {
    const c = l.count * a.layers;
    add(rank * l.dIn, c, rank, l.dIn); // A
    add(l.dOut * rank, c, l.dOut, rank); // B
    if (method === 'dora') add(l.dOut, c); // magnitude
  }
  return groups;
}

// The public counting functions take any architecture (a preset's, or one written by hand) and resolve it once.
export const countParams = (a: Architecture): number => breakdownOf(resolveArchitecture(a)).total;
export const paramBreakdown = (a: Architecture): ParamBreakdown => breakdownOf(resolveArchitecture(a));
export const activeParams = (a: Architecture): number => activeOf(resolveArchitecture(a));
export const blockLinears = (a: Architecture): LinearSpec[] => linearsOf(resolveArchitecture(a));
export const adaptedLinears = (a: Architecture, targets: TargetsId): LinearSpec[] =>
  adaptedOf(resolveArchitecture(a), targets);
export const adapterParams = (a: Architecture, method: MethodId, rank: number, targets: TargetsId): number =>
  adapterCount(resolveArchitecture(a), method, rank, targets);
