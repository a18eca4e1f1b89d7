// The calculator's badge: "QLoRA | fits RTX 4090 · 14.2 GB", from an estimate and the GPU it is checked against.
// The CLI (`vram --badge out.svg`) and the calculator page's badge panel both call vramBadge.
import { estimateMemory } from '../memory/estimate.ts';
import type { Estimate } from '../memory/types.ts';
import { decodeState } from '../memory/url-state.ts';
import { type Badge, badgeSvg } from './badge.ts';
import { vramBadge } from './words.ts';

export { vramBadge };

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

// Markdown for a README lives with the SVG writer (badge.ts), so the calculator's badge chunk needs no memory model.
export { badgeMarkdown } from './badge.ts';
