// Everything the calculator shows, computed from its controls in one pure, serializable step. The page computes the
// default view at build time (so the static HTML already holds a full result) and the island loads this module only
// when the reader changes an input or arrives with a state in the URL.
//
// One rule for every input: a value the parameter table or the memory model rejects marks its field, and there is no
// estimate until every field that applies is valid. Links and the embed code carry only the valid values.
import { estimateMemory } from './estimate.ts';
import { maxMicroBatch, maxSequence } from './fit.ts';
import { type FitChange, makeItFit } from './make-fit.ts';
import { requiredBytes } from './post-training.ts';
import { appliesTo, labelledMessage, PARAMS, paramOfField } from './parameters.ts';
import { GPU_PRESETS } from './presets.ts';
import {
  COMPONENT_IDS,
  type ComponentId,
  type InputError,
  PHASE_LABELS,
  type PhaseId,
  type PostTrainingBreakdown,
} from './types.ts';
import { decodeRaw, encodeParams, type Notice, type RawParams, rawDefaults, readQuery } from './url-state.ts';

export interface CalculatorView {
  /** canonical query of the valid values (defaults and invalid values left out): the page URL and every link */
  query: string;
  /** the same values as [name, value] pairs: the embed code's data-* attributes */
  embed: [string, string][];
  /** message per URL parameter name, in the reader's words ("Sequence length: must be …"), in form order */
  errors: Record<string, string>;
  unit: 'GB' | 'GiB';
  gpu: string | null;
  /** null when an input is invalid */
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
    /** a post-training step's models and caches (null for sft), with the colocated vLLM engine's bytes on the
     *  chosen GPU (null without a GPU or an engine) */
    trainer: (PostTrainingBreakdown & { vllmBytes: number | null }) | null;
    /** the phases of one step (allocated bytes each, and the name shown) and the one that sets the peak */
    phases: { id: PhaseId; bytes: number; label: string }[];
    peakPhase: PhaseId;
    /** paged optimizer state in managed memory: in `total`, not in the allocated figures */
    managed: number;
    /** warnings that do not stop the estimate (e.g. a sequence past the context length) */
    warnings: string[];
    /** on the chosen GPU, when the run does not fit: the changes that make it fit, cheapest first (make-fit.ts),
     *  each with every URL value to set (the changes before it included) and what the run then needs */
    fit: FitStep[] | null;
  } | null;
}

export interface FitStep {
  label: string;
  set: RawParams;
  total: number;
  fits: boolean;
}

const n = (x: number) => x.toLocaleString('en-US');
/** What each change does, in the reader's words. */
function fitLabel(c: FitChange): string {
  const p = c.patch;
  switch (c.id) {
    case 'checkpointing':
      return 'Turn on gradient checkpointing';
    case 'chunked-loss':
      return 'Use the chunked cross-entropy loss';
    case 'optimizer-8bit':
      return 'Use 8-bit AdamW';
    case 'qlora':
      return 'Train with QLoRA (4-bit base weights)';
    case 'micro-batch':
      return `Micro-batch ${p.batch} with gradient accumulation ${p.accumulation} (same effective batch)`;
    case 'sequence':
      return `Shorten sequences to ${n(p.seq ?? 0)} tokens`;
    case 'gpus':
      return `Train on ${p.gpus} GPUs with ZeRO-3`;
  }
}

/** A change's parameters as URL values. */
function urlValues(patch: FitChange['patch']): RawParams {
  const out: RawParams = {};
  for (const [field, v] of Object.entries(patch)) {
    const spec = paramOfField(field);
    if (spec) out[spec.url] = typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
  }
  return out;
}

/** The make-it-fit steps for a run that does not fit `gpu`: the cumulative changes carry the ones before them; the
 *  two alternatives at the end (sequence, GPUs) carry the cumulative ones only. */
function fitSteps(input: Parameters<typeof makeItFit>[0], gpu: string): FitStep[] {
  const steps: FitStep[] = [];
  let carried: RawParams = {};
  for (const c of makeItFit(input, gpu).changes) {
    const set = { ...carried, ...urlValues(c.patch) };
    if (c.id !== 'sequence' && c.id !== 'gpus') carried = set;
    steps.push({ label: fitLabel(c), set, total: c.neededBytes, fits: c.fits });
  }
  return steps;
}

/** The fields that do not apply to the chosen method and trainer (their values are kept but neither checked nor
 *  used). */
function inapplicable(method: string, trainer: string): Set<string> {
  return new Set(PARAMS.filter((p) => !appliesTo(p, method, trainer)).map((p) => p.url));
}

/** The controls decoded without the fields that do not apply to the chosen method and trainer: what every figure of
 *  the calculator (the memory view, the time and cost: src/lib/cost/view.ts) is computed from. */
export function decodeApplicable(controls: RawParams): ReturnType<typeof decodeRaw> {
  const first = decodeRaw(controls);
  const skip = inapplicable(String(first.state.input.method), String(first.state.input.trainer ?? 'sft'));
  const given: RawParams = {};
  for (const [k, v] of Object.entries(controls)) if (!skip.has(k)) given[k] = v;
  return decodeRaw(given);
}

export function computeView(controls: RawParams): CalculatorView {
  const { state, errors } = decodeApplicable(controls);
  const r = estimateMemory(state.input);
  const all: InputError[] = [...errors, ...(r.ok ? [] : r.errors)];
  const byName = new Map<string, string>();
  for (const e of all) {
    const spec = paramOfField(String(e.field));
    const name = spec?.url ?? String(e.field);
    const hint = spec?.type === 'model' || spec?.type === 'gpu' ? '; choose one from the list' : '';
    if (!byName.has(name)) byName.set(name, `${labelledMessage(e)}${hint}`);
  }
  const order = (name: string) => PARAMS.findIndex((p) => p.url === name);
  const errs = Object.fromEntries([...byName].sort((a, b) => order(a[0]) - order(b[0])));
  // Links carry the valid values only: an invalid one is dropped (its default applies) and listed in `errors`.
  const valid: RawParams = {};
  for (const [k, v] of Object.entries(controls)) if (!byName.has(k)) valid[k] = v;
  const embed = encodeParams(decodeRaw(valid).state);
  const view: CalculatorView = {
    query: new URLSearchParams(embed).toString(),
    embed,
    errors: errs,
    unit: state.unit,
    gpu: state.gpu,
    result: null,
  };
  if (!r.ok || errors.length > 0) return view;
  const e = r.estimate;
  const pt = e.postTraining;
  const chosen = GPU_PRESETS.find((g) => g.id === state.gpu);
  const components = {} as Record<ComponentId, number>;
  for (const c of COMPONENT_IDS) components[c] = e.components[c];
  view.result = {
    components,
    total: e.perGpuBytes,
    params: e.params,
    gpus: e.input.gpus,
    fits: GPU_PRESETS.map((g) => ({ id: g.id, fits: requiredBytes(e, g.usableBytes) <= g.usableBytes })),
    maxBatch: state.gpu ? maxMicroBatch(state.input, state.gpu) : null,
    maxSeq: state.gpu ? maxSequence(state.input, state.gpu) : null,
    contextLength: e.arch.contextLength || null,
    trainer: pt ? { ...pt, vllmBytes: chosen && pt.gpuShare > 0 ? pt.gpuShare * chosen.usableBytes : null } : null,
    phases: e.phases.map((p) => ({ id: p.id, bytes: p.bytes, label: PHASE_LABELS[p.id] })),
    peakPhase: e.peakPhase,
    managed: e.managedBytes,
    warnings: e.warnings.map((w) => labelledMessage(w)),
    fit: null,
  };
  if (chosen && requiredBytes(e, chosen.usableBytes) > chosen.usableBytes)
    view.result.fit = fitSteps(state.input, chosen.id);
  return view;
}

/** Every control's value as a URL parameter string, defaults first: what the island's form starts from. */
export function controlDefaults(): RawParams {
  return rawDefaults();
}

/** Control values from a query string over the defaults, with a notice for each part of the query that was dropped. */
export function readControls(
  search: string,
  defaults: RawParams,
  reserved: readonly string[] = [],
): { controls: RawParams; notices: Notice[] } {
  const { raw, notices } = readQuery(search, reserved);
  return { controls: { ...defaults, ...raw }, notices };
}

/** Control values from a query string: known parameters override the defaults; `preset` is an alias of `model`. */
export function controlsFromSearch(search: string, defaults: RawParams): RawParams {
  return readControls(search, defaults).controls;
}
