import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATIC_COMPONENTS } from '../../../src/lib/cards/static-components.ts';
import { groupAdvantages, lrSchedules, yarnDivisors } from '../../../src/lib/figures/catalog.ts';
import { FIGURE_IDS, FIGURES, figureHtml } from '../../../src/lib/figures/index.ts';
import { estimateMemory, formatBytes } from '../../../src/lib/memory/index.ts';

const css = readFileSync('public/figures.css', 'utf8');

describe.each(FIGURE_IDS)('figure %s', (id) => {
  const html = figureHtml({ id });
  const svg = /<svg\b[^>]*>/.exec(html)?.[0] ?? '';

  it('names itself for assistive technology: <title> and <desc> referenced by aria-labelledby', () => {
    expect(svg).toContain(`role="img"`);
    expect(svg).toContain(`aria-labelledby="fig-${id}-title fig-${id}-desc"`);
    expect(html).toMatch(new RegExp(`<title id="fig-${id}-title">[^<]{10,}</title>`));
    expect(html).toMatch(new RegExp(`<desc id="fig-${id}-desc">[^<]{40,}</desc>`));
    expect(html).toMatch(/<figcaption>[^<]{10,}<\/figcaption>/);
  });

  it('scales with its container: a viewBox, width 100% and no fixed height', () => {
    expect(svg).toMatch(/viewBox="0 0 \d+ \d+"/);
    expect(svg).toContain('width="100%"');
    expect(svg).not.toMatch(/\sheight=/);
  });

  it('holds no colour of its own: theme classes, and currentColor as the fallback outside the site', () => {
    for (const m of html.matchAll(/\s(fill|stroke|style|color)="([^"]*)"/g))
      expect(['fill="none"', 'fill="currentColor"', 'stroke="currentColor"']).toContain(`${m[1]}="${m[2]}"`);
    expect(html).not.toMatch(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/i);
    for (const cls of new Set([...html.matchAll(/class="([^"]+)"/g)].flatMap((m) => (m[1] ?? '').split(' '))))
      if (cls.startsWith('fig-') && cls !== 'fig-svg')
        expect(css, `.${cls} has a rule in public/figures.css`).toContain(`.${cls} {`);
  });

  it('keeps its text as text and weighs at most 6 kB gzipped', () => {
    expect(html).toMatch(/<text\b/);
    expect(html).not.toMatch(/<image\b|<foreignObject\b/);
    expect(gzipSync(html).length).toBeLessThanOrEqual(6 * 1024);
  });

  it('renders one line of HTML, so Markdown keeps it as one HTML block', () => {
    expect(html).not.toContain('\n');
  });
});

describe('the catalogue', () => {
  it('holds at least 15 figures', () => {
    expect(FIGURE_IDS.length).toBeGreaterThanOrEqual(15);
  });
});

describe('groupAdvantages (GRPO, as TRL computes it)', () => {
  it('scores three passes out of eight against the group mean and sample standard deviation', () => {
    const a = groupAdvantages([1, 0, 0, 1, 0, 0, 0, 1]);
    // mean 0.375; Bessel-corrected std sqrt(8/7 · 0.375 · 0.625) = 0.51755; plus 1e-4
    expect(a[0]).toBeCloseTo(0.625 / (Math.sqrt((8 / 7) * 0.375 * 0.625) + 1e-4), 10);
    expect(a[0]).toBeCloseTo(1.2074, 3);
    expect(a[1]).toBeCloseTo(-0.7245, 3);
    expect(a.reduce((x, y) => x + y, 0)).toBeCloseTo(0, 10);
  });
  it('gives zeros when the whole group scores alike', () => {
    expect(groupAdvantages([1, 1, 1, 1])).toEqual([0, 0, 0, 0]);
  });
  it('shows the computed values in the figure', () => {
    expect(FIGURES['grpo-advantage']?.().desc).toContain('advantage of +1.21 and each failing one −0.72');
  });
});

describe('lrSchedules (as Transformers computes them)', () => {
  it('decays by half a cosine to the floor, after a linear warmup', () => {
    expect(lrSchedules.cosine(0, 1000, 0, 0.1)).toBe(1);
    expect(lrSchedules.cosine(500, 1000, 0, 0.1)).toBeCloseTo(0.55, 10);
    expect(lrSchedules.cosine(1000, 1000, 0, 0.1)).toBeCloseTo(0.1, 10);
    expect(lrSchedules.cosine(5, 1000, 10)).toBe(0.5);
    expect(lrSchedules.cosine(1000, 1000, 10)).toBeCloseTo(0, 10);
  });
  it('warms up only when asked to: constant stays at the peak from step 0', () => {
    expect(lrSchedules.constant()).toBe(1);
    expect(lrSchedules.constantWithWarmup(0, 57)).toBe(0);
    expect(lrSchedules.constantWithWarmup(57, 57)).toBe(1);
  });
  it('states the computed values in the figure', () => {
    const desc = FIGURES['lr-schedule']?.().desc ?? '';
    expect(desc).toContain('cosine decay to 10% of the peak, 55% at halfway');
    expect(desc).toContain('over the first 57 of 1875 steps');
  });
});

describe('yarnDivisors (YaRN by parts, as Transformers computes it)', () => {
  // Llama 2: head dimension 128, base 10,000, 4,096 tokens. Correction dims: 128·ln(4096/(32·2π))/(2·ln 10⁴) = 20.94
  // → 20, and 128·ln(4096/2π)/(2·ln 10⁴) = 45.03 → 46.
  const d = yarnDivisors(128, 10_000, 4096, 16);
  it('keeps pairs 0–20, divides pairs 46–63 by the factor and blends the inverse frequencies in between', () => {
    expect(d).toHaveLength(64);
    expect(d.slice(0, 21).every((x) => x === 1)).toBe(true);
    expect(d.slice(46).every((x) => x === 16)).toBe(true);
    // pair 33: keep = 1 − 13/26 = 0.5, so 1 / (0.5/16 + 0.5) = 1.882…
    expect(d[33]).toBeCloseTo(1 / (0.5 / 16 + 0.5), 12);
    expect(d[21]).toBeCloseTo(1 / (1 / 26 / 16 + 25 / 26), 12);
  });
  it('never leaves [1, factor] and never falls from a faster pair to a slower one', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(64, 96, 128, 256),
        fc.double({ min: 1_000, max: 5e6, noNaN: true }),
        fc.integer({ min: 512, max: 262_144 }),
        fc.double({ min: 1, max: 64, noNaN: true }),
        (dim, base, ctx, factor) => {
          const v = yarnDivisors(dim, base, ctx, factor);
          expect(v).toHaveLength(dim / 2);
          for (let i = 0; i < v.length; i++) {
            expect(v[i]).toBeGreaterThanOrEqual(1 - 1e-12);
            expect(v[i]).toBeLessThanOrEqual(factor + 1e-9);
            if (i > 0) expect(v[i]).toBeGreaterThanOrEqual((v[i - 1] ?? 0) - 1e-12);
          }
        },
      ),
    );
  });
  it('states the computed counts in the figure, with the preset’s context length', () => {
    const spec = FIGURES['yarn-scaling']?.();
    expect(spec?.title).toContain('Llama 2 from 4,096 to 65,536 tokens');
    expect(spec?.desc).toContain('keeps the 21 fastest pairs');
    expect(spec?.desc).toContain('divides the 18 slowest pairs');
    expect(spec?.desc).toContain('blends the 25 pairs in between');
  });
});

describe('figureHtml', () => {
  it('refuses an unknown id, naming the ids that exist', () => {
    expect(() => figureHtml({ id: 'nope' })).toThrow(
      `<Figure> id "nope" is not a figure (use one of ${FIGURE_IDS.join(', ')})`,
    );
  });
  it('refuses an unknown prop', () => {
    expect(() => figureHtml({ id: 'lora-update', size: 2 })).toThrow(
      '<Figure> prop "size" is not a <Figure> prop (use id)',
    );
  });
  it("is the card loader's <Figure> static component", () => {
    expect(STATIC_COMPONENTS.Figure?.({ id: 'dora' })).toBe(figureHtml({ id: 'dora' }));
  });
  it('takes its numbers from the memory model, not from typed constants', () => {
    const r = estimateMemory({ model: 'llama-2-7b', method: 'full', precision: 'mixed-bf16', seq: 2048, batch: 1 });
    if (!r.ok) throw new Error('estimate failed');
    const spec = FIGURES['memory-stack']?.();
    expect(spec?.title).toBe(
      `Memory of one training step: Llama-2-7B full fine-tuning, ${formatBytes(r.estimate.perGpuBytes, 'GB', 1)}`,
    );
    expect(spec?.desc).toContain(`optimizer ${formatBytes(r.estimate.components.optimizer, 'GB', 1)}`);
  });
  it('draws the logits figure from the memory model, chunked and not', () => {
    const input = {
      model: 'llama-3.1-8b',
      method: 'lora',
      rank: 16,
      targets: 'all-linear',
      seq: 8192,
      batch: 1,
      gradCheckpointing: true,
    } as const;
    const plain = estimateMemory(input);
    const chunked = estimateMemory({ ...input, chunkedLoss: true });
    if (!plain.ok || !chunked.ok) throw new Error('estimate failed');
    const gb = (b: number) => formatBytes(b, 'GB', 1);
    expect(FIGURES['logits-by-seq']?.().desc).toContain(
      `8192 tokens: activations ${gb(plain.estimate.components.activations)}, fp32 logits ${gb(plain.estimate.components.logits)}, chunked logits ${gb(chunked.estimate.components.logits)}`,
    );
  });
});
