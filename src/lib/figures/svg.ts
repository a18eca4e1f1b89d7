// Building blocks for the deck's figures: SVG as a string, colours only as classes that public/figures.css maps to
// the theme's light-dark() tokens, so every figure follows light and dark mode and holds no colour of its own. Text,
// lines and arrow heads also carry currentColor, so a feed reader without our stylesheet still shows a legible
// monochrome drawing (the root's fill="none" keeps unstyled boxes from turning into black blocks).

/** The colour roles a figure may use; `.fig-<role>` rules in src/styles/global.css give them theme colours. */
export type Tone = 'box' | 'accent' | 'c1' | 'c2' | 'c3' | 'c4' | 'c5' | 'muted';

export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const n = (v: number): string => String(Math.round(v * 10) / 10);

export interface TextOptions {
  anchor?: 'start' | 'middle' | 'end';
  size?: number;
  bold?: boolean;
  muted?: boolean;
}

export function text(x: number, y: number, s: string, o: TextOptions = {}): string {
  const cls = ['fig-t', o.muted ? 'fig-tm' : '', o.bold ? 'fig-tb' : ''].filter(Boolean).join(' ');
  const anchor = o.anchor && o.anchor !== 'start' ? ` text-anchor="${o.anchor}"` : '';
  return `<text x="${n(x)}" y="${n(y)}" class="${cls}" fill="currentColor" font-size="${o.size ?? 13}"${anchor}>${esc(s)}</text>`;
}

export function rect(x: number, y: number, w: number, h: number, tone: Tone = 'box', r = 4): string {
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${r}" class="fig-${tone}"/>`;
}

/** A box with centred text lines. */
export function box(
  x: number,
  y: number,
  w: number,
  h: number,
  lines: string[],
  tone: Tone = 'box',
  size = 13,
): string {
  const lh = size + 3;
  const top = y + h / 2 - ((lines.length - 1) * lh) / 2 + size * 0.35;
  return (
    rect(x, y, w, h, tone) + lines.map((l, i) => text(x + w / 2, top + i * lh, l, { anchor: 'middle', size })).join('')
  );
}

/** A straight arrow from (x1, y1) to (x2, y2), its head drawn as a small triangle. */
export function arrow(x1: number, y1: number, x2: number, y2: number): string {
  const a = Math.atan2(y2 - y1, x2 - x1);
  const h = 7;
  const p = (d: number) => `${n(x2 - h * Math.cos(a - d))},${n(y2 - h * Math.sin(a - d))}`;
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" class="fig-line" stroke="currentColor"/><polygon points="${n(x2)},${n(y2)} ${p(0.45)} ${p(-0.45)}" class="fig-head" fill="currentColor"/>`;
}

export function line(x1: number, y1: number, x2: number, y2: number): string {
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" class="fig-line" stroke="currentColor"/>`;
}

/** The colours a plotted curve may take; `.fig-p-<tone>` rules in public/figures.css give them theme colours. */
export type CurveTone = 'accent' | 'c3' | 'muted';

/** A curve through the points, drawn as a line only (no fill). */
export function polyline(points: readonly (readonly [number, number])[], tone: CurveTone = 'accent'): string {
  const pts = points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ');
  return `<polyline points="${pts}" class="fig-p fig-p-${tone}" fill="none" stroke="currentColor"/>`;
}

export interface FigureSpec {
  /** Shown as the SVG's <title> and read first by screen readers. */
  title: string;
  /** What the picture shows, in words, for readers who cannot see it (the SVG's <desc>). */
  desc: string;
  /** The visible caption under the figure. */
  caption: string;
  width: number;
  height: number;
  /** The drawing: SVG elements from the helpers above. */
  body: string;
}

/** The accessible, theme-following, scalable HTML of one figure. */
export function figureMarkup(id: string, f: FigureSpec): string {
  const t = `fig-${id}-title`;
  const d = `fig-${id}-desc`;
  return (
    `<figure class="fig" data-figure="${esc(id)}">` +
    `<svg class="fig-svg" viewBox="0 0 ${f.width} ${f.height}" width="100%" fill="none" role="img" aria-labelledby="${t} ${d}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${t}">${esc(f.title)}</title><desc id="${d}">${esc(f.desc)}</desc>${f.body}</svg>` +
    `<figcaption>${esc(f.caption)}</figcaption></figure>`
  );
}
