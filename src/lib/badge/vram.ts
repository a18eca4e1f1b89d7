// The calculator's badge: "QLoRA | fits RTX 4090 · 14.2 GB", from an estimate and the GPU it is checked against.
// The CLI (`vram --badge out.svg`) and the calculator page's badge panel both call vramBadge.
import { estimateMemory } from '../memory/estimate.ts';
import { shortGpuName } from '../memory/fields.ts';
import { fitsGpu } from '../memory/fit.ts';
import { formatBytes } from '../memory/format.ts';
import { PARAMS } from '../memory/parameters.ts';
import { findGpu, MODEL_PRESETS } from '../memory/presets.ts';
import type { Estimate } from '../memory/types.ts';
import { decodeState } from '../memory/url-state.ts';
import { type Badge, badgeSvg, badgeText } from './badge.ts';

const METHOD_LABELS = new Map((PARAMS.find((p) => p.id === 'method')?.values ?? []).map(([v, l]) => [v, l]));

/** The badge's words for an estimate, checked against `gpuId` (null: no GPU, the per-GPU figure alone). */
export function vramBadge(e: Estimate, gpuId: string | null): Badge {
  const method = METHOD_LABELS.get(e.input.method) ?? e.input.method;
  const model = MODEL_PRESETS.find((m) => m.id === e.presetId)?.name ?? 'A custom model';
  const size = formatBytes(e.perGpuBytes, 'GB');
  const gpu = gpuId ? findGpu(gpuId) : undefined;
  const count = e.input.gpus > 1 ? `${e.input.gpus}× ` : '';
  const perGpu = e.input.gpus > 1 ? ' per GPU' : '';
  const calc = 'Estimate of the Fine-Tuning Cards VRAM calculator';
  if (!gpu) {
    return {
      label: method,
      message: `${size} per GPU`,
      tone: 'info',
      title: `${model}, ${method}: ${size} per GPU. ${calc}.`,
    };
  }
  const fits = fitsGpu(e, gpu.id);
  const verb = fits ? 'fits' : 'does not fit';
  return {
    label: method,
    message: `${verb} ${count}${shortGpuName(gpu.name)} · ${size}${perGpu}`,
    tone: fits ? 'ok' : 'bad',
    title: `${model}, ${method}: ${verb} ${count}${gpu.name} (${size}${perGpu} of ${formatBytes(gpu.usableBytes, 'GB')} usable). ${calc}.`,
  };
}

/** The badge as SVG text. */
export function vramBadgeSvg(e: Estimate, gpuId: string | null): string {
  return badgeSvg(vramBadge(e, gpuId));
}

/** The badge of a calculator query (the view's canonical query of valid values); null when it has no estimate. */
export function badgeForQuery(query: string): { badge: Badge; svg: string } | null {
  const { state, errors } = decodeState(query);
  if (errors.length > 0) return null;
  const r = estimateMemory(state.input);
  if (!r.ok) return null;
  const badge = vramBadge(r.estimate, state.gpu);
  return { badge, svg: badgeSvg(badge) };
}

/** Markdown for a README: the badge file (committed next to it) linking to the calculator with the same state. */
export function badgeMarkdown(b: Badge, image: string, link: string): string {
  const alt = `${badgeText(b.label)}: ${badgeText(b.message)}`.replace(/[\\[\]]/g, '\\$&');
  const url = (u: string) =>
    u.replace(/[\s()<>]/g, (c) => `%${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[![${alt}](${url(image)})](${url(link)})`;
}
