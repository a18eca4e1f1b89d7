// Props of the build-time <Vram> component (src/components/Vram.astro): parsed and checked here so that a card
// with a bad prop fails the build with a message naming the prop, and never prints a stale or invented number.
import { estimateMemory, statesBytes } from './estimate.ts';
import { type ByteUnit, formatBytes } from './format.ts';
import { INPUT_PARAMS } from './parameters.ts';
import { MODEL_PRESETS } from './presets.ts';
import { COMPONENT_IDS, type ComponentId, type Estimate, type TrainingInput } from './types.ts';

export const VRAM_SHOW = [...COMPONENT_IDS, 'total', 'states'] as const;
export type VramShow = ComponentId | 'total' | 'states';

// The training inputs of the parameter table, by their TrainingInput names (a card writes gradCheckpointing="true").
const INT_PROPS = INPUT_PARAMS.filter((p) => p.type === 'int').map((p) => p.id);
const BOOL_PROPS = INPUT_PARAMS.filter((p) => p.type === 'bool').map((p) => p.id);
const STRING_PROPS = INPUT_PARAMS.filter((p) => p.type === 'enum' || p.type === 'model').map((p) => p.id);
export const VRAM_PROPS: readonly string[] = [...STRING_PROPS, ...INT_PROPS, ...BOOL_PROPS, 'show', 'unit', 'digits'];

export interface VramFigure {
  bytes: number;
  text: string;
  show: VramShow;
  unit: ByteUnit;
  estimate: Estimate;
}

export class VramPropError extends Error {
  readonly prop: string;
  constructor(prop: string, detail: string) {
    super(`<Vram> prop "${prop}" ${detail}`);
    this.name = 'VramPropError';
    this.prop = prop;
  }
}

/** The figure a <Vram> shows; throws VramPropError naming the first bad prop. */
export function vramFigure(props: Record<string, unknown>): VramFigure {
  for (const key of Object.keys(props)) {
    if (!VRAM_PROPS.includes(key)) throw new VramPropError(key, `is not a <Vram> prop (use ${VRAM_PROPS.join(', ')})`);
  }
  const input: Record<string, unknown> = {};
  for (const k of STRING_PROPS) if (props[k] !== undefined) input[k] = props[k];
  for (const k of INT_PROPS) {
    const v = props[k];
    if (v === undefined) continue;
    if (typeof v === 'string' && /^\d+$/.test(v.trim())) input[k] = Number(v.trim());
    else input[k] = v;
  }
  for (const k of BOOL_PROPS) {
    const v = props[k];
    if (v === undefined) continue;
    input[k] = v === 'true' ? true : v === 'false' ? false : v;
  }
  const show = (props.show ?? 'total') as VramShow;
  if (!(VRAM_SHOW as readonly string[]).includes(show as string)) {
    throw new VramPropError('show', `must be one of ${VRAM_SHOW.join(', ')} (got ${JSON.stringify(props.show)})`);
  }
  const unit = (props.unit ?? 'GB') as ByteUnit;
  if (unit !== 'GB' && unit !== 'GiB') {
    throw new VramPropError('unit', `must be GB or GiB (got ${JSON.stringify(props.unit)})`);
  }
  const digitsRaw = props.digits ?? 1;
  const digits = typeof digitsRaw === 'string' ? Number(digitsRaw) : digitsRaw;
  if (typeof digits !== 'number' || !Number.isInteger(digits) || digits < 0 || digits > 3) {
    throw new VramPropError('digits', `must be an integer from 0 to 3 (got ${JSON.stringify(props.digits)})`);
  }
  if (input.model !== undefined && typeof input.model !== 'string') {
    throw new VramPropError('model', 'must be a preset id');
  }
  const r = estimateMemory(input as unknown as TrainingInput);
  if (!r.ok) {
    const first = r.errors[0] ?? { field: 'model', message: 'is invalid' };
    throw new VramPropError(String(first.field), String(first.message));
  }
  const e = r.estimate;
  // Activations, logits and gradients are never all at their largest in the same phase of a step: a card shows each
  // at its own largest phase; the other components do not change between phases.
  const most = (k: string): number => Math.max(...e.phases.map((p) => p.parts[k] ?? 0));
  const bytes =
    show === 'total'
      ? e.perGpuBytes
      : show === 'states'
        ? statesBytes(e)
        : show === 'activations' || show === 'logits' || show === 'gradients'
          ? most(show)
          : e.components[show];
  return { bytes, text: formatBytes(bytes, unit, digits), show, unit, estimate: e };
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * The HTML of a <Vram> figure: the number, with the settings it was computed for in its title. One function for both
 * ways a card reaches the page (Vram.astro inside MDX, and cards the loader renders without MDX: src/astro/card-loader.ts).
 */
export function vramHtml(props: Record<string, unknown>): string {
  const figure = vramFigure(props);
  const i = figure.estimate.input;
  const name = MODEL_PRESETS.find((m) => m.id === figure.estimate.presetId)?.name ?? String(i.model);
  const what = figure.show === 'total' ? 'per-GPU total' : figure.show === 'states' ? 'model states' : figure.show;
  const settings = [
    name,
    i.method,
    i.precision,
    i.optimizer,
    i.method === 'full' ? null : `r=${i.rank} ${i.targets}`,
    `seq ${i.seq} × batch ${i.batch}`,
    i.gradCheckpointing ? 'gradient checkpointing' : null,
    i.attention,
    i.gpus > 1 ? `${i.gpus} GPUs ${i.sharding}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  const title = `Memory model estimate (${what}): ${settings}`;
  return `<span class="vram" data-show="${escapeAttr(figure.show)}" title="${escapeAttr(title)}">${escapeText(figure.text)}</span>`;
}
