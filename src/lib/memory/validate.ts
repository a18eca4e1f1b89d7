// Input validation: every invalid input becomes a typed InputError naming the field; never a number.
import { findModel, MODEL_PRESETS } from './presets.ts';
import {
  ATTENTION_IDS,
  type Architecture,
  type InputError,
  METHOD_IDS,
  type NormalizedInput,
  OPTIMIZER_IDS,
  PRECISION_IDS,
  SHARDING_IDS,
  TARGETS_IDS,
  type TrainingInput,
} from './types.ts';

export const LIMITS = {
  rank: { min: 1, max: 4096 },
  seq: { min: 1, max: 2_097_152 },
  batch: { min: 1, max: 65_536 },
  gpus: { min: 1, max: 65_536 },
} as const;

export const DEFAULTS = {
  precision: 'mixed-bf16',
  optimizer: 'adamw',
  rank: 8,
  targets: 'qv',
  seq: 2048,
  batch: 1,
  gradCheckpointing: false,
  attention: 'flash',
  gpus: 1,
  sharding: 'none',
  doubleQuant: false,
  chunkedLoss: false,
} as const;

const ARCH_INT_LIMITS: Record<string, [number, number]> = {
  hidden: [1, 262_144],
  layers: [1, 2048],
  heads: [1, 16_384],
  kvHeads: [1, 16_384],
  headDim: [1, 4096],
  intermediate: [1, 2_097_152],
  vocab: [1, 8_388_608],
};

function showValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  return typeof v;
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

function checkInt(errors: InputError[], field: string, v: unknown, min: number, max: number): void {
  if (!isInt(v) || v < min || v > max) {
    errors.push({ field, message: `must be an integer from ${min} to ${max} (got ${showValue(v)})` });
  }
}

function checkEnum(errors: InputError[], field: string, v: unknown, allowed: readonly string[]): void {
  if (typeof v !== 'string' || !allowed.includes(v)) {
    errors.push({ field, message: `must be one of ${allowed.join(', ')} (got ${showValue(v)})` });
  }
}

function checkBool(errors: InputError[], field: string, v: unknown): void {
  if (typeof v !== 'boolean') errors.push({ field, message: `must be true or false (got ${showValue(v)})` });
}

/** Validates a custom architecture; fields are reported as `model.<field>`. */
export function validateArchitecture(a: unknown): InputError[] {
  const errors: InputError[] = [];
  if (typeof a !== 'object' || a === null || Array.isArray(a)) {
    return [{ field: 'model', message: 'must be a preset id or an architecture object' }];
  }
  const o = a as Record<string, unknown>;
  for (const [k, [min, max]] of Object.entries(ARCH_INT_LIMITS)) checkInt(errors, `model.${k}`, o[k], min, max);
  checkBool(errors, 'model.tiedEmbeddings', o.tiedEmbeddings);
  checkBool(errors, 'model.qkvBias', o.qkvBias);
  for (const k of ['oBias', 'mlpBias'] as const) if (o[k] !== undefined) checkBool(errors, `model.${k}`, o[k]);
  if (o.mlp !== undefined) checkEnum(errors, 'model.mlp', o.mlp, ['gated', 'plain']);
  if (o.norm !== undefined) checkEnum(errors, 'model.norm', o.norm, ['rmsnorm', 'layernorm']);
  if (o.normsPerLayer !== undefined) checkInt(errors, 'model.normsPerLayer', o.normsPerLayer, 1, 8);
  if (o.positionEmbeddings !== undefined) {
    checkInt(errors, 'model.positionEmbeddings', o.positionEmbeddings, 0, 16_777_216);
  }
  if (o.contextLength !== undefined) checkInt(errors, 'model.contextLength', o.contextLength, 1, 16_777_216);
  if (o.experts !== undefined) checkInt(errors, 'model.experts', o.experts, 1, 1024);
  if (o.activeExperts !== undefined) {
    const maxActive = isInt(o.experts) && o.experts >= 1 ? o.experts : 1;
    checkInt(errors, 'model.activeExperts', o.activeExperts, 1, maxActive);
  }
  if (isInt(o.heads) && isInt(o.kvHeads) && o.kvHeads > 0 && o.heads % o.kvHeads !== 0) {
    errors.push({ field: 'model.kvHeads', message: `must divide heads (${o.heads}) evenly (got ${o.kvHeads})` });
  }
  return errors;
}

/** Resolves and validates the input; returns the normalized input and architecture, or the errors. */
export function normalize(
  input: TrainingInput,
):
  | { ok: true; input: NormalizedInput; arch: Architecture; presetId: string | null }
  | { ok: false; errors: InputError[] } {
  const errors: InputError[] = [];
  if (typeof input !== 'object' || input === null) {
    return { ok: false, errors: [{ field: 'input', message: 'must be an object' }] };
  }
  const raw = input as unknown as Record<string, unknown>;
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
        message: `unknown model ${showValue(raw.model)}; use one of ${MODEL_PRESETS.map((m) => m.id).join(', ')}`,
      });
    }
  } else if (raw.model === undefined) {
    errors.push({ field: 'model', message: 'is required (a preset id or an architecture)' });
  } else {
    const archErrors = validateArchitecture(raw.model);
    if (archErrors.length) errors.push(...archErrors);
    else arch = raw.model as Architecture;
  }
  if (raw.method === undefined) errors.push({ field: 'method', message: `is required: ${METHOD_IDS.join(', ')}` });
  else checkEnum(errors, 'method', raw.method, METHOD_IDS);

  const v = <K extends keyof typeof DEFAULTS>(k: K): unknown => (raw[k] === undefined ? DEFAULTS[k] : raw[k]);
  checkEnum(errors, 'precision', v('precision'), PRECISION_IDS);
  checkEnum(errors, 'optimizer', v('optimizer'), OPTIMIZER_IDS);
  checkInt(errors, 'rank', v('rank'), LIMITS.rank.min, LIMITS.rank.max);
  checkEnum(errors, 'targets', v('targets'), TARGETS_IDS);
  checkInt(errors, 'seq', v('seq'), LIMITS.seq.min, LIMITS.seq.max);
  checkInt(errors, 'batch', v('batch'), LIMITS.batch.min, LIMITS.batch.max);
  checkBool(errors, 'gradCheckpointing', v('gradCheckpointing'));
  checkEnum(errors, 'attention', v('attention'), ATTENTION_IDS);
  checkInt(errors, 'gpus', v('gpus'), LIMITS.gpus.min, LIMITS.gpus.max);
  checkEnum(errors, 'sharding', v('sharding'), SHARDING_IDS);
  checkBool(errors, 'doubleQuant', v('doubleQuant'));
  checkBool(errors, 'chunkedLoss', v('chunkedLoss'));

  if (errors.length || !arch) return { ok: false, errors };
  return {
    ok: true,
    arch,
    presetId,
    input: {
      model: raw.model as string | Architecture,
      method: raw.method as NormalizedInput['method'],
      precision: v('precision') as NormalizedInput['precision'],
      optimizer: v('optimizer') as NormalizedInput['optimizer'],
      rank: v('rank') as number,
      targets: v('targets') as NormalizedInput['targets'],
      seq: v('seq') as number,
      batch: v('batch') as number,
      gradCheckpointing: v('gradCheckpointing') as boolean,
      attention: v('attention') as NormalizedInput['attention'],
      gpus: v('gpus') as number,
      sharding: v('sharding') as NormalizedInput['sharding'],
      doubleQuant: v('doubleQuant') as boolean,
      chunkedLoss: v('chunkedLoss') as boolean,
    },
  };
}
