import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import site from '../../site.config.mjs';
import { checkContentDir } from '../../src/astro/content-checks.ts';
import { SEARCH_PAGES } from '../../src/lib/search/pages.ts';
import { VOCABULARY_FILE, vocabularyWords } from '../../src/lib/search/suggest.ts';
import { tags } from '../support/html.ts';
import { DIST, distHas, htmlPages, readDist } from '../support/dist.ts';

// The Pagefind index that `npm run build` writes after `astro build` (scripts/build.ts, scripts/search-index.ts).
const deck = checkContentDir(process.cwd(), site.contentDir, site.policy);
const base = site.base;

describe('the search index', () => {
  it('is written to dist/pagefind/ by the build, with one page per card', () => {
    expect(distHas('pagefind/pagefind.js')).toBe(true);
    const entry = JSON.parse(readDist('pagefind/pagefind-entry.json')) as {
      languages: Record<string, { page_count: number }>;
    };
    const pages = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    // Every card, plus the pages that are not cards (the tools and the memory model) as records.
    expect(pages).toBe(deck.cards.length + SEARCH_PAGES.length);
    expect(readdirSync('dist/pagefind/fragment').length).toBe(deck.cards.length + SEARCH_PAGES.length);
  });

  it('holds the calculator, the selector and the memory model, titled and summarised from their pages', () => {
    const records = readdirSync(join(DIST, 'pagefind/fragment')).map(
      (f) =>
        JSON.parse(
          gunzipSync(readFileSync(join(DIST, 'pagefind/fragment', f)))
            .toString('utf8')
            .slice('pagefind_dcd'.length),
        ) as {
          url: string;
          content: string;
          meta: Record<string, string>;
        },
    );
    for (const page of SEARCH_PAGES) {
      const r = records.find((x) => x.url === `${base}${page.route}`);
      expect(r, page.route).toBeDefined();
      const html = readDist(`${page.route}index.html`);
      const description = tags(html).find((t) => t.name === 'meta' && t.attrs.name === 'description');
      expect(r?.meta.summary).toBe(description?.attrs.content);
      expect(r?.meta.title?.length ?? 0, page.route).toBeGreaterThan(3);
      expect(r?.meta.kind).toBe(page.kind);
      for (const k of page.keywords) expect(r?.content, page.route).toContain(k);
    }
  });

  it('writes the "did you mean" vocabulary from the indexed text, most frequent words first', () => {
    const { words } = JSON.parse(readDist(`pagefind/${VOCABULARY_FILE}`)) as { words: string[] };
    expect(words.length).toBeGreaterThan(500);
    expect(new Set(words).size).toBe(words.length);
    for (const c of deck.cards)
      for (const w of vocabularyWords(c.data.title)) if (w.length >= 3 && !/^\d+$/.test(w)) expect(words).toContain(w);
    expect(words.indexOf('the')).toBeLessThan(words.indexOf('qlora'));
    expect(words.every((w) => w === w.toLowerCase())).toBe(true);
  });

  it('leaves out the Pagefind UI bundles nothing loads', () => {
    for (const f of ['pagefind-ui.js', 'pagefind-component-ui.js', 'pagefind-modular-ui.js', 'pagefind-highlight.js']) {
      expect(distHas(`pagefind/${f}`), f).toBe(false);
    }
  });

  it('marks only card pages for indexing, with meta, filters and the sort date', () => {
    for (const page of htmlPages()) {
      const html = readDist(page.endsWith('.html') ? page : `${page}index.html`);
      expect(html.includes('data-pagefind-body'), page).toBe(/^cards\/[^/]+\/$/.test(page));
    }
    const card = deck.cards[0];
    if (!card) throw new Error('no card');
    const html = readDist(`cards/${card.id}/index.html`);
    expect(html).toContain('data-pagefind-filter="level[data-level], topic[data-topic], kind[data-kind]"');
    expect(html).toContain(`data-level="${card.data.level}"`);
    expect(html).toContain('data-pagefind-sort="published[data-published]"');
    expect(html).toMatch(/<p class="summary" data-pagefind-meta="summary">/);
    for (const t of card.data.tags) expect(html).toContain(`<span data-pagefind-filter="tag">${t}</span>`);
  });

  it('has a /search/ page that works as a plain GET form, and a header box on every page', () => {
    const html = readDist('search/index.html');
    expect(html).toMatch(
      new RegExp(`<form[^>]*role="search"[^>]*aria-label="Cards"[^>]*action="${base}search/"[^>]*method="get"`),
    );
    expect(html).toContain('Search needs JavaScript');
    for (const page of ['index.html', 'cards/index.html', '404.html']) {
      expect(readDist(page), page).toMatch(
        new RegExp(`<form[^>]*role="search"[^>]*aria-label="Site"[^>]*action="${base}search/"`),
      );
    }
  });
});
