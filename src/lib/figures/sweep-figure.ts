// The calculator's sequence-length chart as a static figure (for /about/memory/): the same series
// (src/lib/memory/sweep.ts) and geometry (chart.ts), drawn with the deck figures' helpers, so it follows the theme,
// scales with its column and reads without JavaScript.
import { BYTES_PER_UNIT, formatBytes } from '../memory/format.ts';
import { findGpu } from '../memory/presets.ts';
import { sweepMemory } from '../memory/sweep.ts';
import type { TrainingInput } from '../memory/types.ts';
import { lineChart } from './chart.ts';
import { type FigureSpec, figureMarkup, polyline, text } from './svg.ts';

const W = 400;
const H = 240;
const r = (v: number) => Math.round(v * 10) / 10;

/** The peak per GPU of `input` from 256 tokens on, against `gpuId`'s usable memory (a dashed line). */
export function peakBySeqFigure(input: TrainingInput, gpuId: string): FigureSpec {
  const s = sweepMemory(input, 'seq', gpuId);
  const gpu = findGpu(gpuId);
  if (!s || s.limit === null || !gpu) throw new Error(`peak-by-seq figure: no series for ${JSON.stringify(input)}`);
  const g = lineChart({
    width: W,
    height: H,
    points: s.points,
    current: s.current,
    limit: s.limit,
    perUnit: BYTES_PER_UNIT.GB,
    scale: 'log2',
  });
  const gb = (b: number) => formatBytes(b, 'GB');
  const tokens = (t: number) => `${t.toLocaleString('en-US')} tokens`;
  const { plot } = g;
  const first = s.points[0] ?? s.current;
  const last = s.points.at(-1) ?? s.current;
  const fit = s.points.filter((p) => p.bytes <= (s.limit as number)).at(-1);
  const hline = (y: number, cls: string) =>
    `<line x1="${plot.left}" x2="${plot.right}" y1="${y}" y2="${y}" class="${cls}" stroke="currentColor"/>`;
  const vline = (x: number) =>
    `<line x1="${x}" x2="${x}" y1="${plot.top}" y2="${plot.bottom}" class="fig-grid" stroke="currentColor"/>`;
  const body =
    text(0, 14, 'GB per GPU', { size: 12, muted: true }) +
    g.yTicks
      .map(
        (t) =>
          hline(t.pos, 'fig-grid') + text(plot.left - 6, t.pos + 4, t.label, { size: 12, anchor: 'end', muted: true }),
      )
      .join('') +
    g.xTicks
      .map((t) => vline(t.pos) + text(t.pos, plot.bottom + 16, t.label, { size: 12, anchor: 'middle', muted: true }))
      .join('') +
    text((plot.left + plot.right) / 2, H - 4, 'Sequence length, tokens (K = 1,024)', {
      size: 12,
      anchor: 'middle',
      muted: true,
    }) +
    hline(g.limitY as number, 'fig-dash') +
    text(plot.left + 4, (g.limitY as number) - 6, `${gb(s.limit)} usable`, { size: 12 }) +
    polyline(g.dots.map((d) => [d.x, d.y] as const)) +
    `<circle cx="${g.marker.x}" cy="${g.marker.y}" r="5" class="fig-mark" stroke="currentColor"/>` +
    text(r(g.marker.x + 8), r(g.marker.y + 18), gb(s.current.bytes), { size: 12, bold: true });
  return {
    title: `Peak memory per GPU against the sequence length, on the ${gpu.name}`,
    desc:
      `From ${gb(first.bytes)} at ${tokens(first.x)} to ${gb(last.bytes)} at ${tokens(last.x)}; ` +
      `${tokens(s.current.x)} need ${gb(s.current.bytes)}. The ${gpu.name} has ${gb(s.limit)} usable` +
      (fit ? `: of the points shown, ${tokens(fit.x)} is the longest that fits.` : ': none of the points shown fits.'),
    caption: `The calculator’s chart for ${tokens(s.current.x)} (marked): each point is the estimate at that length, the dashed line the ${gpu.name}’s usable memory.`,
    width: W,
    height: H,
    body,
  };
}

/** The figure's HTML, for a page that links public/figures.css. */
export const peakBySeqHtml = (input: TrainingInput, gpuId: string): string =>
  figureMarkup('peak-by-seq', peakBySeqFigure(input, gpuId));
