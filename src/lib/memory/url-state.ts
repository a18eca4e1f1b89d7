// Calculator state <-> URL query, read and written from the parameter table (parameters.ts): each parameter's `url`
// name, booleans as 1/0, values equal to the defaults left out. A custom architecture is `model=custom` plus its
// fields. The CLI reads its flags through the same decodeRaw, so a value means the same in a link and in a terminal.
import type { ByteUnit } from './format.ts';
import {
  ARCH_PARAMS,
  allowedText,
  archField,
  CUSTOM_MODEL,
  NO_GPU,
  PARAMS,
  type ParamSpec,
  paramByUrl,
  paramOfField,
  showValue,
} from './parameters.ts';
import { findGpu, findModel } from './presets.ts';
import type { Architecture, InputError, TrainingInput } from './types.ts';

export interface CalculatorState {
  input: TrainingInput;
  /** GPU to check the fit against (null: none chosen) */
  gpu: string | null;
  unit: ByteUnit;
}

/** A problem with the query itself (not with a value): an unknown, repeated or superseded parameter. */
export interface Notice {
  param: string;
  message: string;
}

/** Raw values by URL name, as a query, a form or the CLI holds them. */
export type RawParams = Record<string, string>;

const byId = (id: string): ParamSpec => PARAMS.find((p) => p.id === id) as ParamSpec;

export const DEFAULT_STATE: CalculatorState = {
  input: { model: byId('model').default as string, method: byId('method').default as TrainingInput['method'] },
  gpu: byId('gpu').default === NO_GPU ? null : (byId('gpu').default as string),
  unit: byId('unit').default as ByteUnit,
};

/** The custom architecture a reader starts from when switching to "custom" (Llama-2-7B's shape). */
export const DEFAULT_CUSTOM: Architecture = Object.fromEntries(
  ARCH_PARAMS.map((p) => [archField(p), p.default]),
) as unknown as Architecture;

/** URL parameter name for an input field or error field (gradCheckpointing → grad-checkpointing). */
export function paramName(field: string): string {
  return paramOfField(field)?.url ?? field;
}

const str = (v: unknown): string => (typeof v === 'boolean' ? (v ? '1' : '0') : String(v));

/** Every parameter's default as a raw value: what a form starts from. */
export function rawDefaults(): RawParams {
  return Object.fromEntries(PARAMS.map((p) => [p.url, str(p.default)]));
}

/**
 * Reads the table's parameters from a query. Unknown names, repeats (the first value wins) and an alias next to its
 * parameter are dropped with a notice; `reserved` names (the embed's host and frame) are skipped silently.
 */
export function readQuery(
  query: string | URLSearchParams,
  reserved: readonly string[] = [],
): { raw: RawParams; notices: Notice[] } {
  const p = typeof query === 'string' ? new URLSearchParams(query.startsWith('?') ? query.slice(1) : query) : query;
  const given = new Map<ParamSpec, [string, string, number][]>();
  const notices: (Notice & { at: number })[] = [];
  let at = 0;
  for (const [name, value] of p) {
    at++;
    if (reserved.includes(name)) continue;
    const spec = paramByUrl(name);
    if (spec) given.set(spec, [...(given.get(spec) ?? []), [name, value, at]]);
    else notices.push({ param: name, message: `Unknown parameter ${showValue(name)} ignored.`, at });
  }
  const raw: RawParams = {};
  for (const [spec, pairs] of given) {
    // The parameter's own name wins over an alias, the first value over a repeat.
    const chosen = Math.max(
      0,
      pairs.findIndex(([n]) => n === spec.url),
    );
    const [name, value] = pairs[chosen] as [string, string, number];
    // An old name may carry old values (chunked-loss=1 means loss=chunked).
    raw[spec.url] = spec.aliasValues?.[name]?.[value.trim()] ?? value;
    pairs.forEach(([other, , i], n) => {
      if (n === chosen) return;
      notices.push({
        param: other,
        message:
          other === name
            ? `Repeated parameter ${showValue(other)} ignored; the first value is used.`
            : `${showValue(other)} ignored: ${showValue(name)} gives the ${spec.label.toLowerCase()}.`,
        at: i,
      });
    });
  }
  notices.sort((a, b) => a.at - b.at);
  return { raw, notices: notices.map(({ param, message }) => ({ param, message })) };
}

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

/** Parses one raw value by its table entry. Integer ranges and cross-field rules are left to the memory model. */
export function parseRaw(spec: ParamSpec, input: string): Parsed {
  const raw = input.trim();
  switch (spec.type) {
    case 'int':
      if (raw === '') return { ok: false, message: `is empty: enter a whole number from ${range(spec)}` };
      return /^\d{1,9}$/.test(raw)
        ? { ok: true, value: Number(raw) }
        : { ok: false, message: `must be a whole number from ${range(spec)} (got ${showValue(input)})` };
    case 'bool':
      if (raw === '1' || raw === 'true') return { ok: true, value: true };
      if (raw === '0' || raw === 'false') return { ok: true, value: false };
      return { ok: false, message: `must be 1 or 0 (got ${showValue(input)})` };
    case 'model':
      return raw === CUSTOM_MODEL || findModel(raw)
        ? { ok: true, value: raw }
        : { ok: false, message: `unknown model ${showValue(input)}` };
    case 'gpu':
      if (raw === '' || raw === NO_GPU) return { ok: true, value: null };
      return findGpu(raw) ? { ok: true, value: raw } : { ok: false, message: `unknown GPU ${showValue(input)}` };
    case 'enum':
      return (spec.values ?? []).some(([v]) => v === raw)
        ? { ok: true, value: raw }
        : { ok: false, message: `must be one of ${allowedText(spec)} (got ${showValue(input)})` };
  }
}

const range = (p: ParamSpec) => `${(p.min ?? 0).toLocaleString('en-US')} to ${(p.max ?? 0).toLocaleString('en-US')}`;

/**
 * A calculator state from raw values by URL name. A value that cannot be read is reported (field = URL name) and
 * replaced by its default, so a bad link still renders; the memory model then checks ranges and combinations.
 */
export function decodeRaw(raw: RawParams): { state: CalculatorState; errors: InputError[] } {
  const errors: InputError[] = [];
  const value = (spec: ParamSpec): unknown => {
    const r = raw[spec.url];
    if (r === undefined) return undefined;
    const v = parseRaw(spec, r);
    if (v.ok) return v.value;
    errors.push({ field: spec.url, message: v.message });
    return undefined;
  };
  const input: Record<string, unknown> = {};
  let gpu = DEFAULT_STATE.gpu;
  let unit = DEFAULT_STATE.unit;
  const model = value(byId('model'));
  for (const spec of PARAMS) {
    if (spec.type === 'model') continue;
    if (spec.group === 'architecture') continue;
    const v = value(spec);
    if (v === undefined) continue;
    if (spec.id === 'gpu') gpu = v as string | null;
    else if (spec.id === 'unit') unit = v as ByteUnit;
    else input[spec.id] = v;
  }
  if (model === CUSTOM_MODEL) {
    const arch: Record<string, unknown> = { ...DEFAULT_CUSTOM };
    for (const spec of ARCH_PARAMS) {
      const v = value(spec);
      if (v !== undefined) arch[archField(spec)] = v;
    }
    input.model = arch;
  } else {
    input.model = model ?? DEFAULT_STATE.input.model;
  }
  input.method ??= DEFAULT_STATE.input.method;
  // Errors in table order, whatever order the checks ran in.
  const order = (f: string) => PARAMS.findIndex((p) => p.url === f);
  errors.sort((a, b) => order(String(a.field)) - order(String(b.field)));
  return { state: { input: { model: input.model, ...input } as unknown as TrainingInput, gpu, unit }, errors };
}

/** Reads a calculator state from a query string: readQuery, then decodeRaw. `preset` is an alias of `model`. */
export function decodeState(
  query: string | URLSearchParams,
  reserved: readonly string[] = [],
): { state: CalculatorState; errors: InputError[]; notices: Notice[] } {
  const { raw, notices } = readQuery(query, reserved);
  return { ...decodeRaw(raw), notices };
}

/** The state as [URL name, value] pairs in table order, defaults left out (model and method always written). */
export function encodeParams(state: CalculatorState): [string, string][] {
  const out: [string, string][] = [];
  const input = state.input as unknown as Record<string, unknown>;
  const custom = typeof state.input.model !== 'string';
  const arch = (custom ? state.input.model : {}) as Record<string, unknown>;
  for (const spec of PARAMS) {
    let v: unknown;
    if (spec.type === 'model') v = custom ? CUSTOM_MODEL : state.input.model;
    else if (spec.group === 'architecture') {
      if (custom && arch[archField(spec)] !== undefined) out.push([spec.url, str(arch[archField(spec)])]);
      continue;
    } else if (spec.id === 'gpu') v = state.gpu ?? NO_GPU;
    else if (spec.id === 'unit') v = state.unit;
    else v = input[spec.id];
    if (v === undefined) continue;
    if (spec.id !== 'model' && spec.id !== 'method' && str(v) === str(spec.default)) continue;
    out.push([spec.url, str(v)]);
  }
  return out;
}

/** Writes a state as a query string (without "?"); values equal to the defaults are left out. */
export function encodeState(state: CalculatorState): string {
  return new URLSearchParams(encodeParams(state)).toString();
}
