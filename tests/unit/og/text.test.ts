import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import satori from 'satori';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOgRenderer, coverageShades } from '../../../src/astro/og/render.ts';
import { paintCoverage } from '../../../src/astro/og/png.ts';
import { createTitleRenderer, type TitleRenderer } from '../../../src/astro/og/text.ts';
import { tableChecksum, woffToSfnt } from '../../../src/astro/og/woff.ts';
import { OG_COLORS, OG_LAYOUT, ogLayout } from '../../../src/lib/og/template.ts';

// The title renderer (text.ts) stands in for satori on every title, so its output is compared with satori's own
// rendering of the same block, pixel by pixel, at each of the three title sizes.
const require = createRequire(import.meta.url);
const woff = (weight: number) =>
  readFileSync(require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`));
const site = { name: 'Fine-Tuning Cards', host: 'fine-tuning-cards.example' };
const rasterise = (svg: string) => {
  const img = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  return { width: img.width, height: img.height, pixels: img.pixels };
};
let titles: TitleRenderer;
beforeAll(async () => {
  titles = await createTitleRenderer(woff(700), rasterise);
});

/** The title block of an image with `title`, drawn by satori + resvg and by the title renderer, as RGBA. */
async function bothWays(title: string) {
  const block = ogLayout(
    { path: 'x', page: 'x', title, eyebrow: 'Advanced · Memory', level: 'advanced', alt: '' },
    site,
  ).blocks[1];
  if (!block) throw new Error('no title block');
  const { width, height } = block;
  const fonts = [400, 700].map((weight) => ({ name: 'Inter', weight: weight as 400 | 700, data: woff(weight) }));
  const svg = await satori(block.node as unknown as Parameters<typeof satori>[0], { width, height, fonts });
  const reference = new Resvg(svg, { background: OG_COLORS.background, font: { loadSystemFonts: false } }).render()
    .pixels;
  const style = block.node.props.style ?? {};
  const drawn = titles.coverage(title, {
    fontSize: Number(style.fontSize),
    lineHeight: Number(style.lineHeight),
    width,
    height,
  });
  if (!drawn) throw new Error(`no coverage for ${title}`);
  // Paint onto plain background rows (RGB, filter byte first), then widen to RGBA for pixelmatch.
  const stride = width * 3 + 1;
  const rows = Buffer.alloc(stride * height);
  const bg = coverageShades(OG_COLORS.background, OG_COLORS.text).subarray(0, 3);
  for (let p = 0; p < width * height; p++) rows.set(bg, Math.floor(p / width) * stride + 1 + (p % width) * 3);
  paintCoverage(rows, width, 0, drawn.coverage, width, coverageShades(OG_COLORS.background, OG_COLORS.text));
  const mine = Buffer.alloc(width * height * 4, 255);
  for (let p = 0; p < width * height; p++)
    rows.copy(
      mine,
      p * 4,
      Math.floor(p / width) * stride + 1 + (p % width) * 3,
      Math.floor(p / width) * stride + 4 + (p % width) * 3,
    );
  return { reference, mine, width, height, drawn };
}

describe('the title renderer', () => {
  // 76 px (≤ 36 characters), 64 px (≤ 60) and 54 px, with kerning pairs, a contextual hyphen, punctuation, a dash.
  const cases = [
    'Packing: To AVA, Type Wave',
    'LoRA rank and alpha: what the two numbers change',
    'QLoRA memory pitfalls: why 4-bit runs measure higher than expected',
    'DPO vs. PPO—when does RLHF pay off? (a long look at trade-offs, costs)',
  ];
  it.each(cases)('draws “%s” as satori does (at most 0.05% of the pixels differ)', async (title) => {
    const { reference, mine, width, height } = await bothWays(title);
    const different = pixelmatch(reference, mine, undefined, width, height, { threshold: 0.1 });
    expect(different / (width * height)).toBeLessThanOrEqual(0.0005);
  });

  it('would notice a different line break (the comparison can fail)', async () => {
    const a = await bothWays('LoRA rank and alpha: what the two numbers change');
    const b = await bothWays('LoRA rank and alpha what the two numbers change!');
    const different = pixelmatch(a.reference, b.mine, undefined, a.width, a.height, { threshold: 0.1 });
    expect(different / (a.width * a.height)).toBeGreaterThan(0.01);
  });

  it('reports the rows that have ink, and leaves every other row blank', async () => {
    const { drawn, width, height } = await bothWays('Packing');
    expect(drawn.top).toBeGreaterThan(0);
    expect(drawn.bottom).toBeLessThan(height);
    const inkRow = (y: number) => drawn.coverage.subarray(y * width, (y + 1) * width).some((c) => c > 0);
    expect(inkRow(drawn.top) || inkRow(drawn.top + 1)).toBe(true);
    for (let y = 0; y < height; y++) if (y < drawn.top || y >= drawn.bottom) expect(inkRow(y)).toBe(false);
  });

  it('declines text the font has no glyph for, and the image then comes from satori with the latin-ext font', async () => {
    const style = { fontSize: 76, lineHeight: 1.12, width: 1056, height: OG_LAYOUT.title.height };
    expect(titles.coverage('Fine-tuning Ω', style)).toBeUndefined();
    expect(titles.coverage('Ajuste fino em português', style)).toBeDefined();
    const png = await createOgRenderer(site).render({
      path: 'og/cards/x.png',
      page: 'cards/x/',
      title: 'Ćwiczenia z adapterami: ß',
      eyebrow: 'Beginner · PEFT',
      level: 'beginner',
      alt: '',
    });
    const decoded = PNG.sync.read(png);
    expect([decoded.width, decoded.height]).toEqual([1200, 630]);
    // Some of the title row is white ink.
    const row = (OG_LAYOUT.title.y + 40) * 1200 * 4;
    expect(decoded.data.subarray(row, row + 1200 * 4).some((v, i) => i % 4 === 0 && v === 255)).toBe(true);
  });
});

describe('woffToSfnt', () => {
  it('rebuilds the font to the size the WOFF header states, every table matching its checksum', () => {
    for (const weight of [400, 700]) {
      const w = woff(weight);
      const sfnt = woffToSfnt(w);
      expect(sfnt.length).toBe(w.readUInt32BE(16)); // totalSfntSize
      const tables = sfnt.readUInt16BE(4);
      for (let i = 0; i < tables; i++) {
        const at = 12 + i * 16;
        const tag = sfnt.toString('latin1', at, at + 4);
        const table = Buffer.from(
          sfnt.subarray(sfnt.readUInt32BE(at + 8), sfnt.readUInt32BE(at + 8) + sfnt.readUInt32BE(at + 12)),
        );
        // head's checksum is taken with its checkSumAdjustment (bytes 8–11) as zero (OpenType "head" table).
        if (tag === 'head') table.fill(0, 8, 12);
        expect(tableChecksum(table), tag).toBe(sfnt.readUInt32BE(at + 4));
      }
    }
  });

  it('refuses a file that is not WOFF 1.0', () => {
    expect(() => woffToSfnt(Buffer.from('wOF2 and more than forty-four bytes of anything at all'))).toThrow(
      'woffToSfnt: not a WOFF 1.0 file',
    );
  });
});
