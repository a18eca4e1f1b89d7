// The badge's words for an estimate: "QLoRA | fits RTX 4090 · 14.2 GB". Apart from the SVG writer (badge.ts), so the
// calculator's plan computes them with the memory model it already has and its badge chunk carries only the writer.
import { shortGpuName } from '../memory/fields.ts';
import { fitsGpu } from '../memory/fit.ts';
import { formatBytes } from '../memory/format.ts';
import { PARAMS } from '../memory/parameters.ts';
import { findGpu, MODEL_PRESETS } from '../memory/presets.ts';
import type { Estimate } from '../memory/types.ts';
import type { Badge } from './badge.ts';

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
