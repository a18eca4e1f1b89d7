// Everything the calculator shows, computed from its URL query in one pure, serializable step. The page computes the
// default view at build time (so the static HTML already holds a full result) and the island loads this module only
// when the reader changes an input or arrives with a state in the URL.
import { estimateMemory } from './estimate.ts';
import { maxMicroBatch, maxSequence } from './fit.ts';
import { GPU_PRESETS } from './presets.ts';
import { COMPONENT_IDS, type ComponentId } from './types.ts';
import { DEFAULT_CUSTOM, DEFAULT_STATE, decodeState, encodeState, paramName } from './url-state.ts';
import { DEFAULTS } from './validate.ts';

export interface CalculatorView {
  /** canonical query (defaults left out) when valid, else the query as typed */
  query: string;
  /** error message per URL parameter name */
  errors: Record<string, string>;
  unit: 'GB' | 'GiB';
  gpu: string | null;
  /** null when the input is invalid */
  result: {
    components: Record<ComponentId, number>;
    total: number;
    params: { total: number; trainable: number };
    gpus: number;
    /** per GPU preset: usable bytes and whether the estimate fits */
    fits: { id: string; fits: boolean }[];
    /** for the chosen GPU */
    maxBatch: number | null;
    maxSeq: number | null;
    contextLength: number | null;
  } | null;
}

export function computeView(query: Record<string, string>): CalculatorView {
  const params = new URLSearchParams(query);
  const { state, errors } = decodeState(params);
  const r = estimateMemory(state.input);
  const errs: Record<string, string> = {};
  for (const e of [...errors, ...(r.ok ? [] : r.errors)]) {
    const name = paramName(String(e.field));
    if (!errs[name]) errs[name] = e.message;
  }
  const valid = errors.length === 0 && r.ok;
  const view: CalculatorView = {
    query: valid ? encodeState(state) : params.toString(),
    errors: errs,
    unit: state.unit,
    gpu: state.gpu,
    result: null,
  };
  if (!r.ok) return view;
  const e = r.estimate;
  const components = {} as Record<ComponentId, number>;
  for (const c of COMPONENT_IDS) components[c] = e.components[c];
  view.result = {
    components,
    total: e.perGpuBytes,
    params: e.params,
    gpus: e.input.gpus,
    fits: GPU_PRESETS.map((g) => ({ id: g.id, fits: e.perGpuBytes <= g.usableBytes })),
    maxBatch: state.gpu ? maxMicroBatch(state.input, state.gpu) : null,
    maxSeq: state.gpu ? maxSequence(state.input, state.gpu) : null,
    contextLength: e.arch.contextLength ?? null,
  };
  return view;
}

/** Every control's value as a URL parameter string, defaults first: what the island's form starts from. */
export function controlDefaults(): Record<string, string> {
  const s = (v: unknown) => (typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  const q: Record<string, string> = { model: String(DEFAULT_STATE.input.model), method: DEFAULT_STATE.input.method };
  for (const [k, v] of Object.entries(DEFAULTS)) q[paramName(k)] = s(v);
  for (const [k, v] of Object.entries(DEFAULT_CUSTOM)) q[paramName(`model.${k}`)] = s(v);
  q.gpu = DEFAULT_STATE.gpu ?? 'none';
  q.unit = DEFAULT_STATE.unit;
  return q;
}

/** Control values from a query string: known parameters override the defaults; `preset` is an alias of `model`. */
export function controlsFromSearch(search: string, defaults: Record<string, string>): Record<string, string> {
  const p = new URLSearchParams(search);
  const q = { ...defaults };
  const preset = p.get('preset');
  if (preset !== null && !p.has('model')) q.model = preset;
  for (const key of Object.keys(defaults)) {
    const v = p.get(key);
    if (v !== null) q[key] = v;
  }
  return q;
}
