// A model read from a config.json (hf-config.ts, hub.ts) as the calculator's controls: model=custom and every
// architecture field, so a loaded config lives in the URL like any custom model (shareable; a reload restores it
// without fetching again). Pure; the calculator's "any model" panel (src/client/islands/calculator/ModelSource.tsx)
// and `vram --config` use it.
import { ARCH_PARAMS, archField, CUSTOM_MODEL, param } from './parameters.ts';
import { activeParams, countParams } from './params.ts';
import type { Architecture } from './types.ts';

const raw = (v: unknown): string => (typeof v === 'boolean' ? (v ? '1' : '0') : String(v));

/**
 * The controls (URL names → values) of an architecture: `model` is custom, and every architecture field is set, to the
 * table's default where the architecture leaves it out, so nothing of an earlier custom model stays behind.
 */
export function configControls(arch: Architecture): Record<string, string> {
  const a = arch as unknown as Record<string, unknown>;
  const out: Record<string, string> = { [param('model')?.url ?? 'model']: CUSTOM_MODEL };
  for (const p of ARCH_PARAMS) out[p.url] = raw(a[archField(p)] ?? p.default);
  return out;
}

/** `8.19 B`: a parameter count in billions, three significant digits. */
const billions = (n: number): string => `${(n / 1e9).toLocaleString('en-US', { maximumSignificantDigits: 3 })} B`;

/** The status line of a loaded config: `Loaded Qwen/Qwen3-8B (qwen3, 8.19 B parameters)`; MoE models add the active
 *  count (`30.5 B parameters, 3.35 B active`). */
export function loadedText(name: string, modelType: string, arch: Architecture): string {
  const total = countParams(arch);
  const active = (arch.experts ?? 1) > 1 ? `, ${billions(activeParams(arch))} active` : '';
  return `Loaded ${name} (${modelType}, ${billions(total)} parameters${active})`;
}
