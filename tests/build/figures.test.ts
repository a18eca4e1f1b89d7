import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import site from '../../site.config.mjs';
import { checkContentDir } from '../../src/astro/content-checks.ts';
import { verifiedLine } from '../../src/lib/cards/verified.ts';
import { FIGURE_IDS } from '../../src/lib/figures/index.ts';
import { readDist } from '../support/dist.ts';

// Figures and API checks as the production build shows them on card pages.
const deck = checkContentDir(process.cwd(), site.contentDir, site.policy);
const pages = deck.cards.map((c) => ({ card: c, html: readDist(`cards/${c.id}/index.html`) }));

describe('figures on card pages', () => {
  const figures = pages.flatMap(({ card, html }) =>
    [...html.matchAll(/<figure class="fig" data-figure="([^"]+)">[\s\S]*?<\/figure>/g)].map((m) => ({
      card: card.id,
      id: m[1] as string,
      html: m[0],
    })),
  );

  it('places every figure of the catalogue on at least one card, and no unknown one', () => {
    expect([...new Set(figures.map((f) => f.id))].sort()).toEqual([...FIGURE_IDS].sort());
  });

  it('shows a figure on at least 15 card pages', () => {
    expect(new Set(figures.map((f) => f.card)).size).toBeGreaterThanOrEqual(15);
  });

  it('links the figures stylesheet from exactly the card pages that show a figure', () => {
    const withFigures = new Set(figures.map((f) => f.card));
    for (const { card, html } of pages)
      expect(html.includes(`<link rel="stylesheet" href="${site.base}figures.css">`), card.id).toBe(
        withFigures.has(card.id),
      );
  });

  it('ships each figure accessible, scalable, theme-coloured and at most 6 kB gzipped', () => {
    for (const f of figures) {
      const where = `${f.id} on ${f.card}`;
      expect(f.html, where).toMatch(
        new RegExp(
          `<svg[^>]*viewBox="0 0 \\d+ \\d+"[^>]*width="100%"[^>]*aria-labelledby="fig-${f.id}-title fig-${f.id}-desc"`,
        ),
      );
      expect(f.html, where).toContain(`<title id="fig-${f.id}-title">`);
      expect(f.html, where).toContain(`<desc id="fig-${f.id}-desc">`);
      expect(f.html, where).not.toMatch(/\sstyle=|\s(fill|stroke)="(?!none"|currentColor")|#[0-9a-f]{3,8}\b|rgba?\(/i);
      expect(gzipSync(f.html).length, where).toBeLessThanOrEqual(6 * 1024);
    }
  });
});

describe('verified API checks on card pages', () => {
  it('shows the verified line under the sources of every card that has one, and on no other', () => {
    const withLine = pages.filter(({ card }) => card.data.verified);
    expect(withLine.length).toBeGreaterThanOrEqual(10);
    for (const { card, html } of pages) {
      const list = card.data.verified;
      if (list) expect(html, card.id).toContain(`<p class="verified">${verifiedLine(list)}</p>`);
      else expect(html, card.id).not.toContain('class="verified"');
    }
    const grpo = pages.find((p) => p.card.id === 'grpo-rlvr')?.html ?? '';
    expect(grpo).toContain('<p class="verified">API checked against TRL 1.9.0 on 2026-12-01</p>');
    const qlora = pages.find((p) => p.card.id === 'qlora-memory-pitfalls')?.html ?? '';
    expect(qlora).toContain('API checked against PEFT 0.20.0 and TRL 1.9.0 on 2026-12-01');
  });
});
