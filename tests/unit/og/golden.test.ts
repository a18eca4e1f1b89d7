import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { createOgRenderer } from '../../../src/astro/og/render.ts';
import { type OgImage, OG_HEIGHT, OG_WIDTH } from '../../../src/lib/og/images.ts';

// One preview image rendered by the real pipeline (satori, resvg, encodePng) and compared pixel by pixel with the
// reviewed golden file. Antialiasing may move with a satori or resvg update, so up to 0.5% of the pixels may differ
// by more than pixelmatch's threshold; a changed layout, colour or font moves far more. After an intended change of
// the template: UPDATE_GOLDEN=1 npx vitest run --project unit tests/unit/og/golden.test.ts, then look at the file.
const GOLDEN = 'tests/fixtures/og/golden-card.png';
const image: OgImage = {
  path: 'og/cards/golden.png',
  page: 'cards/golden/',
  title: 'QLoRA memory pitfalls: why 4-bit runs measure higher than expected',
  eyebrow: 'Advanced · Memory and compute',
  level: 'advanced',
  alt: 'unused',
};
const MAX_DIFFERENT = 0.005;

describe('the card preview image', () => {
  it(`matches ${GOLDEN} within ${MAX_DIFFERENT * 100}% of its pixels`, async () => {
    const png = await createOgRenderer({ name: 'Fine-Tuning Cards', host: 'fine-tuning-cards.example' }).render(image);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, png);
    expect(existsSync(GOLDEN), `${GOLDEN} is missing: render it with UPDATE_GOLDEN=1`).toBe(true);
    const actual = PNG.sync.read(png);
    const expected = PNG.sync.read(readFileSync(GOLDEN));
    expect([actual.width, actual.height]).toEqual([OG_WIDTH, OG_HEIGHT]);
    const different = pixelmatch(expected.data, actual.data, undefined, OG_WIDTH, OG_HEIGHT, { threshold: 0.1 });
    expect(different / (OG_WIDTH * OG_HEIGHT)).toBeLessThanOrEqual(MAX_DIFFERENT);
  });

  it('would notice another title (the comparison can fail)', async () => {
    const other = await createOgRenderer({ name: 'Fine-Tuning Cards', host: 'fine-tuning-cards.example' }).render({
      ...image,
      title: 'LoRA rank and alpha: what the two numbers change',
    });
    const a = PNG.sync.read(other);
    const b = PNG.sync.read(readFileSync(GOLDEN));
    const different = pixelmatch(b.data, a.data, undefined, OG_WIDTH, OG_HEIGHT, { threshold: 0.1 });
    expect(different / (OG_WIDTH * OG_HEIGHT)).toBeGreaterThan(MAX_DIFFERENT * 4);
  });
});
