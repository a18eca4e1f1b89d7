// Draws a preview image's title without satori: shaping with HarfBuzz (the shaper satori itself uses), lines broken
// where Unicode's line-breaking rules allow (the linebreak package, as satori), and each glyph rasterised by resvg once
// per size and tenth-of-a-pixel offset, then stamped wherever it recurs. Satori lays out and outlines every glyph of
// every title anew, and resvg rasterises the whole block each time: about three quarters of an image's time. The
// layout follows satori's text rules so the images look the same (tests/unit/og/golden.test.ts compares pixels):
// words placed one after another at their shaped widths, a line broken before a word that would overflow (its
// trailing spaces do not count), the baseline at satori's offset in each line box, and outline coordinates rounded to
// a tenth of a pixel as satori writes them.
import { createRequire } from 'node:module';
import LineBreaker from 'linebreak';
import { woffToSfnt } from './woff.ts';

const require = createRequire(import.meta.url);

interface HbGlyph {
  g: number;
  cl: number;
  ax: number;
  dx: number;
  dy: number;
}
interface HbFont {
  setScale(x: number, y: number): void;
  glyphToPath(glyph: number): string;
}
interface Hb {
  createBlob(data: ArrayBuffer): { destroy(): void };
  createFace(blob: unknown, index: number): { upem: number; destroy(): void };
  createFont(face: unknown): HbFont;
  createBuffer(): { addText(t: string): void; guessSegmentProperties(): void; json(): HbGlyph[]; destroy(): void };
  shape(font: HbFont, buffer: unknown, features?: string): void;
}

export interface TitleStyle {
  fontSize: number;
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  /** The block's size in pixels; text beyond it is cut off, as satori's canvas does. */
  width: number;
  height: number;
}

/** A glyph's coverage (0–255) on a small grid whose top-left pixel sits at (`left`, `top`) from the pen. */
interface GlyphMask {
  left: number;
  top: number;
  width: number;
  height: number;
  coverage: Uint8Array;
}

export interface TitleRenderer {
  /** The glyphs' coverage of the block, row by row (`width × height` bytes), with the rows `top` to `bottom`
   * (exclusive) that have any; undefined when the font lacks a character of the text (the caller then draws it another
   * way). */
  coverage(text: string, style: TitleStyle): { coverage: Uint8Array; top: number; bottom: number } | undefined;
}

/** Satori writes outline coordinates with one decimal (its `nr`); rounding the same way keeps the shapes equal. */
const tenth = (v: number) => (v < 0 ? -Math.round(-v * 10) : Math.round(v * 10)) / 10;

/** hhea ascender and descender (font units): what satori's text metrics read (opentype.js font.ascender). */
function hheaMetrics(sfnt: Buffer): { ascender: number; descender: number } {
  const tables = sfnt.readUInt16BE(4);
  for (let i = 0; i < tables; i++) {
    const at = 12 + i * 16;
    if (sfnt.toString('latin1', at, at + 4) !== 'hhea') continue;
    const hhea = sfnt.readUInt32BE(at + 8);
    return { ascender: sfnt.readInt16BE(hhea + 4), descender: sfnt.readInt16BE(hhea + 6) };
  }
  throw new Error('title font: no hhea table');
}

/**
 * A title renderer for one font (a WOFF file). `rasterise` turns an SVG document into RGBA pixels (resvg), whose
 * alpha is the glyph's coverage.
 */
export async function createTitleRenderer(
  woff: Uint8Array,
  rasterise: (svg: string) => { width: number; height: number; pixels: Uint8Array },
): Promise<TitleRenderer> {
  const hb = (await require('harfbuzzjs')) as Hb;
  const sfnt = woffToSfnt(woff);
  const { ascender, descender } = hheaMetrics(sfnt);
  // HarfBuzz copies the bytes it is given; it wants an ArrayBuffer of exactly the font.
  const blob = hb.createBlob(sfnt.buffer.slice(sfnt.byteOffset, sfnt.byteOffset + sfnt.length) as ArrayBuffer);
  const face = hb.createFace(blob, 0);
  const upem = face.upem;
  const font = hb.createFont(face);
  font.setScale(upem, upem);
  face.destroy();
  blob.destroy();

  const shaped = new Map<string, HbGlyph[]>();
  const shape = (text: string) => {
    let glyphs = shaped.get(text);
    if (!glyphs) {
      const buffer = hb.createBuffer();
      try {
        buffer.addText(text);
        buffer.guessSegmentProperties();
        hb.shape(font, buffer);
        glyphs = buffer.json();
      } finally {
        buffer.destroy();
      }
      shaped.set(text, glyphs);
    }
    return glyphs;
  };
  const outlines = new Map<number, string>();
  const outline = (g: number) => {
    let d = outlines.get(g);
    if (d === undefined) {
      d = font.glyphToPath(g);
      outlines.set(g, d);
    }
    return d;
  };

  const masks = new Map<string, GlyphMask | null>();
  /** Glyph `g` at `size` px with its pen at `phase` (tenths of a pixel, 0–9) right of a pixel boundary. */
  const mask = (g: number, size: number, phase: number): GlyphMask | null => {
    const id = `${g}|${size}|${phase}`;
    const known = masks.get(id);
    if (known !== undefined) return known;
    const scale = size / upem;
    const d = outline(g);
    // Outline points in pixels from the pen, y down, rounded as satori rounds them.
    const points = [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [
      tenth(phase / 10 + Number(m[1]) * scale),
      tenth(-Number(m[2]) * scale),
    ]) as [number, number][];
    if (points.length === 0) {
      masks.set(id, null);
      return null;
    }
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    const left = Math.floor(Math.min(...xs)) - 1;
    const top = Math.floor(Math.min(...ys)) - 1;
    const width = Math.ceil(Math.max(...xs)) + 1 - left;
    const height = Math.ceil(Math.max(...ys)) + 1 - top;
    let i = 0;
    const path = d.replace(/(-?[\d.]+),(-?[\d.]+)/g, () => {
      const p = points[i++] as [number, number];
      return `${+(p[0] - left).toFixed(1)} ${+(p[1] - top).toFixed(1)}`;
    });
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><path fill="#fff" d="${path}"/></svg>`;
    const r = rasterise(svg);
    const coverage = new Uint8Array(r.width * r.height);
    for (let p = 0; p < coverage.length; p++) coverage[p] = r.pixels[p * 4 + 3] as number;
    const m = { left, top, width: r.width, height: r.height, coverage };
    masks.set(id, m);
    return m;
  };

  return {
    coverage(text, style) {
      const size = style.fontSize;
      const scale = size / upem;
      // Satori's line box: the baseline sits at the rounded ascent plus half the leading, rounded down.
      const lineBox = size * style.lineHeight;
      const asc = Math.round((ascender / upem) * size);
      const desc = Math.round((-descender / upem) * size);
      const baseline = asc + Math.floor((lineBox - asc - desc) / 2);

      const breaker = new LineBreaker(text);
      const words: { text: string; glyphs: HbGlyph[]; width: number; inkWidth: number }[] = [];
      for (let last = 0, bk = breaker.nextBreak(); bk; last = bk.position, bk = breaker.nextBreak()) {
        const word = text.slice(last, bk.position);
        const glyphs = shape(word);
        if (glyphs.some((g) => g.g === 0)) return undefined;
        const trimmed = word.trimEnd();
        const width = glyphs.reduce((n, g) => n + g.ax, 0) * scale;
        const inkWidth = trimmed === word ? width : shape(trimmed).reduce((n, g) => n + g.ax, 0) * scale;
        words.push({ text: word, glyphs, width, inkWidth });
      }
      const lines: (typeof words)[] = [[]];
      let x = 0;
      for (const w of words) {
        const line = lines[lines.length - 1] as typeof words;
        if (line.length > 0 && x + w.inkWidth > style.width) {
          lines.push([w]);
          x = w.width;
        } else {
          line.push(w);
          x += w.width;
        }
      }

      const out = new Uint8Array(style.width * style.height);
      let top = style.height;
      let bottom = 0;
      for (const [n, line] of lines.entries()) {
        const y = Math.round(n * lineBox) + baseline;
        // A line is drawn shaped as a whole, as satori draws it: contextual forms (Inter raises a hyphen between
        // figures, as in "4-bit") look across the breaks.
        const glyphs = shape(
          line
            .map((w) => w.text)
            .join('')
            .trimEnd(),
        );
        let pen = 0;
        for (const g of glyphs) {
          // The pen to a tenth of a pixel: the glyph's mask for that offset, stamped at the whole pixel.
          const tenths = Math.round((pen + g.dx * scale) * 10);
          const m = mask(g.g, size, ((tenths % 10) + 10) % 10);
          if (m) {
            const y0 = y - Math.round(g.dy * scale) + m.top;
            stamp(out, style.width, style.height, m, Math.floor(tenths / 10) + m.left, y0);
            top = Math.min(top, Math.max(0, y0));
            bottom = Math.max(bottom, Math.min(style.height, y0 + m.height));
          }
          pen += g.ax * scale;
        }
      }
      return { coverage: out, top: Math.min(top, bottom), bottom };
    },
  };
}

/** Adds a glyph's coverage at (x0, y0), clipped to the block: where glyphs overlap, coverage combines as paint does
 * (a + b − ab). */
function stamp(out: Uint8Array, width: number, height: number, m: GlyphMask, x0: number, y0: number): void {
  for (let y = Math.max(0, -y0); y < m.height && y0 + y < height; y++) {
    const row = (y0 + y) * width;
    for (let x = Math.max(0, -x0); x < m.width && x0 + x < width; x++) {
      const c = m.coverage[y * m.width + x] as number;
      if (c === 0) continue;
      const at = row + x0 + x;
      const prev = out[at] as number;
      out[at] = prev === 0 ? c : prev + c - Math.round((prev * c) / 255);
    }
  }
}
