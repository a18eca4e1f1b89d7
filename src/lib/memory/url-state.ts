// Calculator state <-> URL query. Parameter names are the `vram` CLI flags without the dashes (model, method,
// precision, optimizer, rank, targets, seq, batch, grad-checkpointing, attention, gpus, sharding, double-quant,
// chunked-loss, gpu) plus `unit`; booleans are 1/0. The method selector links here with the same names.
// A custom architecture is `model=custom` plus its fields (hidden, layers, heads, kv-heads, head-dim, intermediate,
// vocab, tied, qkv-bias, experts, active-experts, mlp, norm, norms-per-layer, context).
import type { ByteUnit } from './format.ts';
import { findGpu, findModel } from './presets.ts';
import type { Architecture, InputError, TrainingInput } from './types.ts';
import { DEFAULTS } from './validate.ts';

export interface CalculatorState {
  input: TrainingInput;
  /** GPU to check the fit against (null: none chosen) */
  gpu: string | null;
  unit: ByteUnit;
}

export const DEFAULT_STATE: CalculatorState = {
  input: { model: 'llama-3.1-8b', method: 'qlora' },
  gpu: 'rtx-4090',
  unit: 'GB',
};

/** The default custom architecture (Llama-2-7B's shape), used when the reader switches to "custom". */
export const DEFAULT_CUSTOM: Architecture = {
  hidden: 4096,
  layers: 32,
  heads: 32,
  kvHeads: 32,
  headDim: 128,
  intermediate: 11008,
  vocab: 32000,
  tiedEmbeddings: false,
  qkvBias: false,
  mlp: 'gated',
  norm: 'rmsnorm',
  normsPerLayer: 2,
  experts: 1,
  activeExperts: 1,
  contextLength: 4096,
};

type Kind = 'int' | 'bool' | 'string';
const INPUT_KEYS: [keyof TrainingInput, string, Kind][] = [
  ['method', 'method', 'string'],
  ['precision', 'precision', 'string'],
  ['optimizer', 'optimizer', 'string'],
  ['rank', 'rank', 'int'],
  ['targets', 'targets', 'string'],
  ['seq', 'seq', 'int'],
  ['batch', 'batch', 'int'],
  ['gradCheckpointing', 'grad-checkpointing', 'bool'],
  ['attention', 'attention', 'string'],
  ['gpus', 'gpus', 'int'],
  ['sharding', 'sharding', 'string'],
  ['doubleQuant', 'double-quant', 'bool'],
  ['chunkedLoss', 'chunked-loss', 'bool'],
];
const ARCH_KEYS: [keyof Architecture, string, Kind][] = [
  ['hidden', 'hidden', 'int'],
  ['layers', 'layers', 'int'],
  ['heads', 'heads', 'int'],
  ['kvHeads', 'kv-heads', 'int'],
  ['headDim', 'head-dim', 'int'],
  ['intermediate', 'intermediate', 'int'],
  ['vocab', 'vocab', 'int'],
  ['tiedEmbeddings', 'tied', 'bool'],
  ['qkvBias', 'qkv-bias', 'bool'],
  ['experts', 'experts', 'int'],
  ['activeExperts', 'active-experts', 'int'],
  ['mlp', 'mlp', 'string'],
  ['norm', 'norm', 'string'],
  ['normsPerLayer', 'norms-per-layer', 'int'],
  ['contextLength', 'context', 'int'],
];

/** URL parameter name for an input field (e.g. gradCheckpointing → grad-checkpointing). */
export function paramName(field: string): string {
  const [root, sub] = field.split('.');
  if (root === 'model' && sub) return ARCH_KEYS.find(([k]) => k === sub)?.[1] ?? sub;
  return INPUT_KEYS.find(([k]) => k === root)?.[1] ?? root ?? field;
}

function parseValue(kind: Kind, raw: string): { ok: true; value: unknown } | { ok: false } {
  if (kind === 'int') return /^\d{1,9}$/.test(raw) ? { ok: true, value: Number(raw) } : { ok: false };
  if (kind === 'bool') {
    if (raw === '1' || raw === 'true') return { ok: true, value: true };
    if (raw === '0' || raw === 'false') return { ok: true, value: false };
    return { ok: false };
  }
  return { ok: true, value: raw };
}

/**
 * Reads a calculator state from a query string. Unknown or malformed values are reported (param name + message) and
 * replaced by defaults, so a bad link still renders; the memory model then validates ranges and combinations.
 * `preset` is accepted as an alias of `model` (the embed loader's data-preset).
 */
export function decodeState(query: string | URLSearchParams): { state: CalculatorState; errors: InputError[] } {
  const p = typeof query === 'string' ? new URLSearchParams(query) : query;
  const errors: InputError[] = [];
  const input: Record<string, unknown> = {};
  const modelParam = p.get('model') ?? p.get('preset');
  if (modelParam === 'custom') {
    const arch: Record<string, unknown> = { ...DEFAULT_CUSTOM };
    for (const [key, name, kind] of ARCH_KEYS) {
      const raw = p.get(name);
      if (raw === null) continue;
      const v = parseValue(kind, raw);
      if (v.ok) arch[key] = v.value;
      else errors.push({ field: name, message: `"${raw}" is not a valid ${kind === 'int' ? 'integer' : '1/0'}` });
    }
    input.model = arch;
  } else if (modelParam !== null && findModel(modelParam)) {
    input.model = modelParam;
  } else {
    if (modelParam !== null) errors.push({ field: 'model', message: `unknown model "${modelParam}"` });
    input.model = DEFAULT_STATE.input.model;
  }
  input.method = DEFAULT_STATE.input.method;
  for (const [key, name, kind] of INPUT_KEYS) {
    const raw = p.get(name);
    if (raw === null) continue;
    const v = parseValue(kind, raw);
    if (v.ok) input[key] = v.value;
    else errors.push({ field: name, message: `"${raw}" is not a valid ${kind === 'int' ? 'integer' : '1/0'}` });
  }
  let gpu: string | null = DEFAULT_STATE.gpu;
  const gpuParam = p.get('gpu');
  if (gpuParam !== null) {
    if (gpuParam === '' || gpuParam === 'none') gpu = null;
    else if (findGpu(gpuParam)) gpu = gpuParam;
    else errors.push({ field: 'gpu', message: `unknown GPU "${gpuParam}"` });
  }
  const unitParam = p.get('unit');
  let unit: ByteUnit = DEFAULT_STATE.unit;
  if (unitParam === 'GB' || unitParam === 'GiB') unit = unitParam;
  else if (unitParam !== null) errors.push({ field: 'unit', message: `must be GB or GiB (got "${unitParam}")` });
  return { state: { input: input as unknown as TrainingInput, gpu, unit }, errors };
}

function str(v: unknown): string {
  return typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
}

/** Writes a state as a query string (without "?"); values equal to the defaults are left out. */
export function encodeState(state: CalculatorState): string {
  const p = new URLSearchParams();
  const { input } = state;
  if (typeof input.model === 'string') {
    p.set('model', input.model);
  } else {
    p.set('model', 'custom');
    const arch = input.model as unknown as Record<string, unknown>;
    for (const [key, name] of ARCH_KEYS) if (arch[key] !== undefined) p.set(name, str(arch[key]));
  }
  p.set('method', input.method);
  const values = input as unknown as Record<string, unknown>;
  const defaults = DEFAULTS as unknown as Record<string, unknown>;
  for (const [key, name] of INPUT_KEYS) {
    if (key === 'method') continue;
    const v = values[key];
    if (v !== undefined && v !== defaults[key]) p.set(name, str(v));
  }
  if (state.gpu !== DEFAULT_STATE.gpu) p.set('gpu', state.gpu ?? 'none');
  if (state.unit !== DEFAULT_STATE.unit) p.set('unit', state.unit);
  return p.toString();
}
