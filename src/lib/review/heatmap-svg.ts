// The activity heat map as plain SVG: one square per day, weeks as columns (oldest left), Monday on top. The picture
// is one image with a text alternative; each square's <title> is a tooltip for pointer users.
import type { HeatDay } from './session.ts';

const CELL = 13;
const GAP = 3;
const LEFT = 30;
const ROW_LABELS: [number, string][] = [
  [0, 'Mon'],
  [2, 'Wed'],
  [4, 'Fri'],
];

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function heatmapSvg(days: readonly HeatDay[], label: string, title: (d: HeatDay) => string): string {
  const weeks = Math.max(1, ...days.map((d) => d.week + 1));
  const width = LEFT + weeks * (CELL + GAP) - GAP;
  const height = 7 * (CELL + GAP) - GAP;
  const rows = ROW_LABELS.map(
    ([row, text]) => `<text x="0" y="${row * (CELL + GAP) + CELL - 2}" aria-hidden="true">${text}</text>`,
  ).join('');
  const cells = days
    .map(
      (d) =>
        `<rect x="${LEFT + d.week * (CELL + GAP)}" y="${d.weekday * (CELL + GAP)}" width="${CELL}" height="${CELL}" rx="2" class="heat-${d.level}"><title>${esc(title(d))}</title></rect>`,
    )
    .join('');
  return `<svg class="heatmap" role="img" aria-label="${esc(label)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${rows}${cells}</svg>`;
}
