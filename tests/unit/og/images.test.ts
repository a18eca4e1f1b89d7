import fc from 'fast-check';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../../src/astro/og/png.ts';
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
