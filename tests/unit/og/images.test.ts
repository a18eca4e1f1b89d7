import fc from 'fast-check';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { deflateSync, inflateSync } from 'node:zlib';
import {
  adler32,
  adler32Combine,
  assemblePng,
  deflateRows,
  encodePng,
  pasteRgb,
  rgbRows,
} from '../../../src/astro/og/png.ts';
import { cardImage, OG_HEIGHT, OG_WIDTH, PAGE_IMAGES, pageImage, siteImages } from '../../../src/lib/og/images.ts';
import { LEVEL_COLORS, OG_LAYOUT, ogLayout, titleSize } from '../../../src/lib/og/template.ts';
import { fileRoutes, routes } from '../../../src/lib/site/routes.ts';
import { card, deck } from '../export/fixtures.ts';

describe('preview images', () => {
  it('puts each page image next to the page path it belongs to', () => {
    expect(fileRoutes.ogImage('')).toBe('og/home.png');
    expect(fileRoutes.ogImage(routes.card('qlora'))).toBe('og/cards/qlora.png');
    expect(fileRoutes.ogImage(routes.topic('peft'))).toBe('og/topics/peft.png');
    expect(fileRoutes.ogImage(routes.calculator())).toBe('og/calculator.png');
  });

  it('has one image for home, selector, calculator, each topic, learning path and card', () => {
    const images = siteImages(deck, 'Fine-Tuning Cards');
    expect(images.map((i) => i.path)).toEqual([
      'og/home.png',
      'og/selector.png',
      'og/calculator.png',
      'og/topics/strategy.png',
      'og/topics/peft.png',
      'og/series/basics.png',
      'og/cards/lora.png',
      'og/cards/no-quiz.png',
      'og/cards/prompting.png',
    ]);
    expect(new Set(images.map((i) => i.path)).size).toBe(images.length);
    expect(images.find((i) => i.page === 'topics/peft/')?.eyebrow).toBe('Topic · 2 cards');
    expect(images.find((i) => i.page === 'series/basics/')?.eyebrow).toBe('Learning path · 1 part');
  });

  it('describes a card image with its title, level, topic and the site (og:image:alt)', () => {
    const img = cardImage(card('lora', { level: 'advanced' }), 'PEFT', 'Fine-Tuning Cards');
    expect(img).toMatchObject({
      path: 'og/cards/lora.png',
      page: 'cards/lora/',
      eyebrow: 'Advanced · PEFT',
      level: 'advanced',
      alt: 'Title of card lora. Advanced · PEFT. Fine-Tuning Cards.',
    });
    expect(pageImage('calculator', 'Fine-Tuning Cards').title).toBe(PAGE_IMAGES.calculator.title);
  });

  it('colours the level badge and the strip with the card level', () => {
    const tree = JSON.stringify(
      ogLayout(cardImage(card('a', { level: 'intermediate' }), 'T', 'S'), { name: 'S', host: 'h' }),
    );
    expect(tree).toContain(LEVEL_COLORS.intermediate);
    expect(tree).not.toContain(LEVEL_COLORS.advanced);
  });

  it('draws the eyebrow and the title inside the canvas, below the header and above the strip', () => {
    const layout = ogLayout(cardImage(card('a'), 'T', 'S'), { name: 'S', host: 'h' });
    const [eyebrow, title] = layout.blocks;
    expect(eyebrow && title && eyebrow.y + eyebrow.height <= title.y).toBe(true);
    for (const b of layout.blocks) {
      expect(b.x + b.width).toBeLessThanOrEqual(OG_WIDTH - b.x);
      expect(b.y + b.height).toBeLessThanOrEqual(OG_HEIGHT - OG_LAYOUT.stripHeight);
    }
  });

  it('never grows the title as it gets longer, so long titles still fit in three lines', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 90 }), fc.string({ maxLength: 90 }), (a, b) => {
        const [short, long] = a.length <= b.length ? [a, b] : [b, a];
        expect(titleSize(long)).toBeLessThanOrEqual(titleSize(short));
      }),
    );
    expect([titleSize('x'.repeat(36)), titleSize('x'.repeat(37)), titleSize('x'.repeat(61))]).toEqual([76, 64, 54]);
  });
});

describe('encodePng', () => {
  it('round-trips any RGBA image through a PNG decoder', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.integer(), (w, h, seed) => {
        const px = Uint8Array.from({ length: w * h * 4 }, (_, i) => (seed * 31 + i * 97) & 255);
        const decoded = PNG.sync.read(encodePng(px, w, h));
        expect([decoded.width, decoded.height]).toEqual([w, h]);
        expect([...decoded.data]).toEqual([...px]);
      }),
      { numRuns: 50 },
    );
  });

  it('rejects a pixel buffer of the wrong size, naming both sizes', () => {
    expect(() => encodePng(new Uint8Array(10), 2, 2)).toThrow('encodePng: 10 bytes is not 2×2 RGBA (16 bytes)');
  });
});

/** The IDAT chunk's data of a PNG that has one. */
function idat(png: Buffer): Buffer {
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') return png.subarray(at + 8, at + 8 + length);
    at += 12 + length;
  }
  throw new Error('no IDAT chunk');
}

describe('assemblePng (an opaque image from separately deflated runs of rows)', () => {
  const opaque = (w: number, h: number, seed: number) =>
    Uint8Array.from({ length: w * h * 4 }, (_, i) => (i % 4 === 3 ? 255 : (seed * 31 + i * 97 + (i >> 7)) & 255));

  it('decodes to exactly the pixels it was given, however the rows are cut and whichever piece is final', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer(),
        fc.array(fc.integer({ min: 1, max: 29 }), { maxLength: 4 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 9 }),
        (w, h, seed, cuts, finalLast, level) => {
          const px = opaque(w, h, seed);
          const bounds = [...new Set([0, ...cuts.filter((c) => c < h), h])].sort((a, b) => a - b);
          const pieces = bounds.slice(1).map((end, i) => {
            const start = bounds[i] as number;
            return deflateRows(rgbRows(px, w, start, end), w, level, finalLast && end === h);
          });
          const png = assemblePng(w, h, pieces);
          const decoded = PNG.sync.read(png);
          expect([decoded.width, decoded.height]).toEqual([w, h]);
          // pngjs does not check the zlib stream's Adler-32; inflateSync throws "incorrect data check" on a wrong one.
          expect(inflateSync(idat(png)).length).toBe((w * 3 + 1) * h);
          expect(Buffer.from(decoded.data).equals(Buffer.from(px))).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('pastes a block into rows at its column', () => {
    const rows = rgbRows(opaque(5, 2, 1), 5, 0, 2);
    const block = Uint8Array.from([1, 2, 3, 255, 4, 5, 6, 255, 7, 8, 9, 255, 10, 11, 12, 255]);
    pasteRgb(rows, 5, 3, block, 2);
    expect([...rows.subarray(1 + 9, 1 + 15)]).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...rows.subarray(16 + 1 + 9, 16 + 1 + 15)]).toEqual([7, 8, 9, 10, 11, 12]);
  });

  it('computes Adler-32 as zlib does, and combines two checksums into that of the joined bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20_000 }), fc.uint8Array({ maxLength: 20_000 }), (a, b) => {
        const z = deflateSync(Buffer.concat([a, b]), { level: 1 });
        const whole = z.readUInt32BE(z.length - 4);
        expect(adler32(Buffer.concat([a, b]))).toBe(whole);
        expect(adler32Combine(adler32(a), adler32(b), b.length)).toBe(whole);
      }),
      { numRuns: 60 },
    );
    // Long runs of 0xff push both sums past the modulus many times over.
    const ones = new Uint8Array(100_000).fill(255);
    const z = deflateSync(ones);
    expect(adler32(ones)).toBe(z.readUInt32BE(z.length - 4));
  });

  it('refuses translucent pixels, pieces that do not add up to the image, and a final piece before the last', () => {
    const px = opaque(3, 2, 7);
    px[4 * 4 + 3] = 128;
    expect(() => rgbRows(px, 3, 0, 2)).toThrow('pasteRgb: the pixels are not all opaque');
    const rows = deflateRows(rgbRows(opaque(3, 2, 7), 3, 0, 2), 3, 1);
    expect(() => assemblePng(3, 3, [rows])).toThrow('assemblePng: the pieces hold 2 rows, the image has 3');
    expect(() => assemblePng(4, 2, [rows])).toThrow('assemblePng: a piece is 3 pixels wide, the image 4');
    const final = deflateRows(rgbRows(opaque(3, 1, 7), 3, 0, 1), 3, 1, true);
    expect(() => assemblePng(3, 3, [final, rows])).toThrow('assemblePng: only the last piece may be final');
    expect(() => deflateRows(Buffer.alloc(11), 3, 1)).toThrow(
      'deflateRows: 11 bytes is not a whole number of 3-pixel RGB rows',
    );
  });
});
