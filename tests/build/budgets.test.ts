import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import site from '../../site.config.mjs';
import { DIST, distHas, htmlPages } from '../support/dist.ts';
import { rawTextElements, tags } from '../support/html.ts';
import { listFiles } from '../support/links.ts';
import { dynamicImports, gzipSize, KB, kb, lazyJs, moduleWeight, pageWeight, sum } from '../support/weight.ts';

// Page weight budgets, measured on the bytes of the build (deterministic, so these are tests, not benchmarks).
// A card page links one stylesheet of its own (src/styles/card-page.css: the shared rules and the card's, nothing of
// the listings, filters or search results); the heaviest card (qlora-memory-pitfalls) is at 9.8 kB.
const CARD_HTML_CSS = 10 * KB;
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
// 12 kB since issue #12: the post-training trainers (src/lib/memory/post-training.ts and six table entries, +1.5 kB)
// and the new presets are part of every estimate, so they cannot load later than the model itself (11.4 kB then), and the
// memory model by phases (five phases of a step) too.
// The parameters' help texts and the presets' sources are most of the chunk and are not shown by the island: moving
// them out is the way back under 10 kB.
// 14 kB with the memory model by phases (its loss, LoRA-input, optimizer, offload and sharding terms and nine
// table entries): 13.4 kB measured. The page-load budget above (15 kB) is unchanged.
// 14.2 kB with the plan tools (below): they use the memory model from this chunk rather than a copy of their own (14 kB
// more when they open), and sharing it makes the chunk export its functions to them: +0.1 kB (13,993 → 14,102 bytes).
// The "any model" panel (below, issue #12) takes the parts of the parameter table and the parameter counts its config
// parser needs from this chunk too, so neither loads them twice (as a chunk of their own they cost 0.7 kB more, from
// the gzip context the split loses): 12,815 bytes measured with it, once the help sentences left the bundles.
// 14.4 kB with the charts (issue #13 "Pictures"): their slot (calculator/ChartsSlot.tsx, which imports the charts'
// own chunk, below), the GB/GiB table (format.ts), which the charts and the plan tools now take from here rather than
// share as a file of its own, and the phases' names, which computeView now gives (they left the page load: 14,957 →
// 14,926 bytes there): +0.28 kB (14,002 → 14,284 bytes before the time panel's loader; 14,367 with it; the plan
// tools' chunk 47,163 → 47,072).
// 14.6 kB with "Measure your data" (below): its loader (engine.ts `panels`, whose preload map names the panel's chunk
// and the files it shares) and the link's notices (calculator/Notices.tsx), moved here from the page load to pay for
// the panel's <details> there (page load 14,977 → 14,984 bytes): +0.15 kB (14,367 → 14,514 bytes); 14,576 with the
// examples × mean tokens parameters and the compact embed's one-line time (24 bytes left).
const ISLAND_LAZY_JS = 14.6 * KB;
// The calculator's charts (calculator/Charts.tsx: src/lib/memory/sweep.ts and src/lib/figures/chart.ts), imported as
// soon as the memory model has loaded, in a chunk of their own so that the estimate does not wait for them. 3.3 kB
// measured (3,278 bytes; 3,347 since the GPU line says what a colocated vLLM engine leaves).
const CHARTS_CHUNK = /^_astro\/Charts\.[^/]+\.js$/;
const CHARTS_JS = 3.5 * KB;
// The calculator's plan tools (src/client/islands/calculator/PlanPanel.tsx: src/lib/plan, which writes and reads
// Axolotl and LLaMA-Factory YAML with the yaml package, and the TRL script) load only when the reader opens "Export a
// starter plan" or "Import a config", as issue #13 allows; they are not part of an estimate, so they have a cap of
// their own rather than the estimate's ISLAND_LAZY_JS. 46.9 kB measured beyond the page and the memory model (the
// yaml package is about 30 kB of it). 52 kB since the plan writes every trainer it can (DPO, KTO, ORPO, SimPO, GRPO in
// TRL, Axolotl and LLaMA-Factory: src/lib/plan/trainers.ts, their rows in settings.ts with the sources and the
// reasons a format cannot run one) and the words of the state's badge (src/lib/badge/words.ts): 51.8 kB measured. The
// plan imports the memory modules it uses directly, not through memory/index.ts, whose ledger data (60 LitGPT and the
// torchtune runs, built by calls a bundler keeps) rode along: 53.5 → 48.2 kB (48,345 bytes once preset-sources.ts
// became a file it shares with the data panel). 49 kB; none of it loads before the reader
// opens the plan.
const PLAN_CHUNK = /^_astro\/PlanPanel\.[^/]+\.js$/;
// The current state's badge under the open plan (calculator/PlanBadge.tsx with src/lib/badge/badge.ts: the glyph-width
// table, the SVG and Markdown writers; the plan passes the words): imported by the plan panel on opening, weighed apart
// from it. 2.4 kB measured. Importing the words' memory modules here instead split the estimate's chunk in two (+0.9 kB).
const BADGE_CHUNK = /^_astro\/PlanBadge\.[^/]+\.js$/;
const BADGE_LAZY_JS = 2.6 * KB;
// The embed's link to its host page (calculator/embed-host.ts): the island imports it on the embed pages only, so it
// is not part of what /calculator/ imports on the first input.
const EMBED_HOST_CHUNK = /^_astro\/embed-host\.[^/]+\.js$/;
const PLAN_LAZY_JS = 49 * KB;
// The calculator's "any model" panel (src/client/islands/calculator/ModelSource.tsx), imported when the reader opens
// it, beyond the estimate's chunk: the config.json parser with zod/mini, the Hub fetch and the form. 11.9 kB measured;
// 12.1 kB (12,149 bytes) with hub-choice.ts, the model id it shares with "Measure your data".
const MODEL_SOURCE = /^_astro\/ModelSource\.[^/]+\.js$/;
const MODEL_SOURCE_JS = 12.5 * KB;
// The calculator's time and cost panel (src/client/islands/calculator/TimePanel.tsx, issue #13): the cost lib
// (src/lib/cost: the GPU peaks and prices with their sources, the published runs the utilisation defaults are measured
// from, the FLOPs count) and the panel, imported by the engine right after it loads, beyond the estimate's chunk (which
// had 0.2 kB left). 4.79 kB measured (4,786 bytes); 4,961 with torchtune's published runs; 5,102 once a data set can
// be given as examples × mean tokens (the count, its field note and the panel's line); 5,118 with the figure formatters
// it shares with the CLI and /about/memory/ (cost/state.ts) and the hint naming the table's labels.
const TIME_PANEL = /^_astro\/TimePanel\.[^/]+\.js$/;
const TIME_PANEL_JS = 5.2 * KB;
// The calculator's "Measure your data" panel (src/client/islands/calculator/DataPanel.tsx, issue #13), imported when
// the reader opens it, beyond the estimate's chunk: @huggingface/tokenizers 0.2.0 (11.5 kB gzipped as published,
// minified) and @huggingface/jinja 0.5.13 (the chat templates) are most of it, with src/lib/data, the preset sources
// (the Hub id of each preset) and the form: 31,967 bytes measured.
const DATA_PANEL = /^_astro\/DataPanel\.[^/]+\.js$/;
const DATA_PANEL_JS = 32.5 * KB;
// The header search box's loader: it imports the search UI only when the reader focuses the box or presses / or
// Ctrl/Cmd+K. With the theme toggle, it is what the layout loads on every page.
const SEARCH_LOADER = /^_astro\/(SearchBox\.astro_astro_type_script_[^/]+|preload-helper\.[^/]+)\.js$/;
const SEARCH_LOADER_BUDGET = 2 * KB;
// The quiz code (src/client/learn/quiz.ts): imported by the learner boot script on the first interaction with a quiz;
// the answer then imports the learning client (src/client/learn/learner.ts) to count the card as read. Together, with
// everything they import, that is what a first quiz answer costs, and it has one budget.
const QUIZ_CHUNK = /\/quiz\.[^/]+\.js$/;
const LEARNER_CHUNK = /\/learner\.[^/]+\.js$/;
const FIRST_ANSWER_BUDGET = 12 * KB;
// The service worker registration (src/client/offline/register.ts), on every page: the module and what it imports,
// with a budget of its own on top of the page's (the issue that added offline reading granted pages 1 kB for it).
const SW_REGISTRATION = /^_astro\/OfflineSupport\.astro_astro_type_script_[^/]+\.js$/;
const SW_REGISTRATION_BUDGET = 1 * KB;
/** A page's JS without the service worker registration, which the registration budget counts. */
function withoutRegistration(js: Map<string, number>): Map<string, number> {
  const entry = [...js.keys()].find((f) => SW_REGISTRATION.test(f));
  const registration = entry ? moduleWeight(DIST, entry, site.base) : new Map<string, number>();
  return new Map([...js].filter(([f]) => !registration.has(f)));
}
const THEME_TOGGLE = /^_astro\/ThemeToggle\.astro_astro_type_script_[^/]+\.js$/;
const LAYOUT_JS = (f: string) => SEARCH_LOADER.test(f) || THEME_TOGGLE.test(f) || SW_REGISTRATION.test(f);
// The learner: one small script on load reads the reader's state and marks the page (checkmarks, progress, the next
// card); the rest of the learning client is imported on the first use of a learning control (mark, quiz, interests).
const LEARN_BOOT = /^_astro\/LearnBoot\.astro_astro_type_script_[^/]+\.js$/;
// 2.05 kB since zod/mini is a chunk of its own (the learner's store shares it with the calculator's config parser):
// its file name in the boot script's preload list (+0.02 kB, 2.004 kB measured).
const LEARN_BOOT_BUDGET = 2.05 * KB;
const LEARN_LAZY_BUDGET = 12 * KB;
// /review/ runs FSRS (ts-fsrs), validates the state (zod/mini) and holds the session, heat map and data tools.
// 20.2 kB since zod/mini is a chunk of its own (shared with the calculator's config parser): one more file and its
// imports (+0.15 kB, 20.15 kB measured).
const REVIEW_JS = 20.2 * KB;

/** The learner boot script and what it imports statically, beyond what the layout's scripts already load. */
function learnBoot(js: Map<string, number>): Map<string, number> {
  const entry = [...js.keys()].find((f) => LEARN_BOOT.test(f));
  if (!entry) return new Map();
  const out = new Map<string, number>();
  const queue = [entry];
  while (queue.length > 0) {
    const f = queue.shift() as string;
    if (out.has(f) || LAYOUT_JS(f) || !js.has(f)) continue;
    out.set(f, js.get(f) as number);
    const code = readFileSync(join(DIST, f), 'utf8');
    for (const m of code.matchAll(/from\s*["']\.\/([^"']+\.js)["']/g)) queue.push(`_astro/${m[1]}`);
  }
  return out;
}

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

  it('loads no JavaScript on card pages but the layout scripts, the service worker registration and the learner boot script, unless the card embeds an island', () => {
    const offenders: string[] = [];
    for (const page of cardPages) {
      const w = weigh(page);
      const pageJs = withoutRegistration(w.js);
      if (w.hasIsland) {
        // The learner's boot script comes on top, with a budget of its own (below).
        const js = sum(pageJs) + w.inlineJs - sum(learnBoot(w.js));
        if (js > ISLAND_JS)
          offenders.push(
            `${page} (embeds an island): ${kb(js)} of JS, over ${kb(ISLAND_JS)}: ${[...pageJs.keys()].join(', ')}`,
          );
      } else {
        const learner = learnBoot(w.js);
        const other = [...pageJs.keys()].filter((f) => !LAYOUT_JS(f) && !learner.has(f));
        const loader = [...pageJs.entries()].filter(([f]) => SEARCH_LOADER.test(f)).reduce((n, [, b]) => n + b, 0);
        if (other.length > 0)
          offenders.push(`${page}: external JS besides the layout and the learner: ${other.join(', ')}`);
        if (loader > SEARCH_LOADER_BUDGET)
          offenders.push(`${page}: search loader is ${kb(loader)}, over ${kb(SEARCH_LOADER_BUDGET)}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('imports the quiz code only on demand, from the learner boot script', () => {
    const problems: string[] = [];
    for (const page of cardPages) {
      const w = weigh(page);
      if ([...w.js.keys()].some((f) => QUIZ_CHUNK.test(f))) problems.push(`${page}: quiz code loads at once`);
      const boot = [...learnBoot(w.js).keys()];
      const quiz = [...lazyJs(DIST, site.base, boot, w.js)].filter(([f]) => QUIZ_CHUNK.test(f));
      if (quiz.length !== 1) problems.push(`${page}: the boot script does not import the quiz code on demand`);
    }
    expect(problems).toEqual([]);
  });

  it(`keeps the service worker registration on every page within ${kb(SW_REGISTRATION_BUDGET)} gzipped`, () => {
    const problems: string[] = [];
    let measured = 0;
    for (const page of htmlPages().filter((p) => !p.startsWith('embed/'))) {
      const w = weigh(page);
      const registration = [...w.js.keys()].filter((f) => SW_REGISTRATION.test(f));
      if (registration.length !== 1) {
        problems.push(`${page}: ${registration.length} service worker registration scripts`);
        continue;
      }
      const modules = moduleWeight(DIST, registration[0] as string, site.base);
      measured = Math.max(measured, sum(modules));
      if (sum(modules) > SW_REGISTRATION_BUDGET)
        problems.push(`${page}: ${kb(sum(modules))} (${[...modules].map(([f, b]) => `${f} ${kb(b)}`).join(', ')})`);
    }
    console.info(
      `service worker registration: ${kb(measured)} gzipped JS per page (budget ${kb(SW_REGISTRATION_BUDGET)})`,
    );
    expect(problems).toEqual([]);
  });

  describe('the learner', () => {
    const card = cardPages.find((p) => !weigh(p).hasIsland) ?? 'cards/';
    const w = weigh(card);
    const boot = learnBoot(w.js);

    it(`runs one script on load of at most ${kb(LEARN_BOOT_BUDGET)}, on every card page`, () => {
      for (const page of cardPages) {
        const entries = [...weigh(page).js.keys()].filter((f) => LEARN_BOOT.test(f));
        expect(entries, `${page} learner scripts`).toHaveLength(1);
      }
      const bytes = sum(boot);
      console.info(`learner boot: ${kb(bytes)} (${[...boot].map(([f, b]) => `${f} ${kb(b)}`).join(', ')})`);
      expect(bytes, [...boot.keys()].join(', ')).toBeLessThanOrEqual(LEARN_BOOT_BUDGET);
    });

    it(`loads at most ${kb(FIRST_ANSWER_BUDGET)} for a first quiz answer: the quiz code and the learning client, with all they import`, () => {
      const entry = [...boot.keys()].find((f) => LEARN_BOOT.test(f)) as string;
      const targets = dynamicImports(DIST, site.base, entry);
      const chunks = targets.filter((f) => QUIZ_CHUNK.test(f) || LEARNER_CHUNK.test(f));
      expect(
        chunks.filter((f) => QUIZ_CHUNK.test(f)),
        `quiz chunk among ${targets.join(', ')}`,
      ).toHaveLength(1);
      expect(
        chunks.filter((f) => LEARNER_CHUNK.test(f)),
        `learner chunk among ${targets.join(', ')}`,
      ).toHaveLength(1);
      const first = new Map<string, number>();
      for (const chunk of chunks) {
        const own = new Map([...moduleWeight(DIST, chunk, site.base)].filter(([f]) => !w.js.has(f)));
        // What these import on demand in turn counts too: the budget cannot move into a further chunk unseen.
        const later = lazyJs(DIST, site.base, [...own.keys()], new Map([...w.js, ...own]));
        for (const [f, b] of [...own, ...later]) first.set(f, b);
      }
      const bytes = sum(first);
      console.info(`first quiz answer: ${kb(bytes)} (${[...first].map(([f, b]) => `${f} ${kb(b)}`).join(', ')})`);
      expect(bytes, [...first.keys()].join(', ')).toBeLessThanOrEqual(FIRST_ANSWER_BUDGET);
    });

    it(`imports the rest of the learning client on first use, at most ${kb(LEARN_LAZY_BUDGET)}`, () => {
      const entry = [...boot.keys()].filter((f) => LEARN_BOOT.test(f));
      // The quiz code is imported on a quiz's first interaction and counted with the first answer (above).
      const lazy = new Map([...lazyJs(DIST, site.base, entry, w.js)].filter(([f]) => !QUIZ_CHUNK.test(f)));
      const bytes = sum(lazy);
      console.info(`learner on first use: ${kb(bytes)} (${[...lazy].map(([f, b]) => `${f} ${kb(b)}`).join(', ')})`);
      expect(lazy.size, 'the boot script imports the learning client on demand').toBeGreaterThan(0);
      expect(bytes, [...lazy.keys()].join(', ')).toBeLessThanOrEqual(LEARN_LAZY_BUDGET);
    });

    it(`keeps /review/ within ${kb(REVIEW_JS)} of gzipped JS besides the layout's, all of it loaded up front (offline)`, () => {
      const r = weigh('review/');
      const own = [...withoutRegistration(r.js)].filter(([f]) => !LAYOUT_JS(f));
      // The page's inline JS is the layout's (theme set before paint, theme toggle), as on every page.
      const bytes = own.reduce((n, [, b]) => n + b, 0);
      const layout = sum(r.js) - own.reduce((n, [, b]) => n + b, 0);
      console.info(
        `/review/: ${kb(bytes)} of its own JS (${own.map(([f, b]) => `${f} ${kb(b)}`).join(', ')}), layout +${kb(layout)}`,
      );
      expect(own.length).toBeGreaterThan(0);
      expect(bytes).toBeLessThanOrEqual(REVIEW_JS);
      // Nothing on demand: the session keeps working once the page has loaded, offline too.
      expect([
        ...lazyJs(
          DIST,
          site.base,
          own.map(([f]) => f),
          r.js,
        ).keys(),
      ]).toEqual([]);
    });
  });

  for (const tool of ['selector', 'calculator'] as const) {
    const built = distHas(`${tool}/index.html`);
    it.skipIf(!built)(
      `keeps /${tool}/ within ${kb(ISLAND_JS)} of gzipped JS${built ? '' : ` (skipped: ${DIST}/${tool}/index.html is not built yet)`}`,
      () => {
        const w = weigh(`${tool}/`);
        const pageJs = withoutRegistration(w.js);
        const js = sum(pageJs) + w.inlineJs;
        const detail = [...pageJs].map(([p, b]) => `${p} ${kb(b)}`).join(', ');
        // The plan tools' and the "any model" panel's chunks are weighed apart: what opening each adds beyond the page
        // and the estimate's code.
        const entryOf = (re: RegExp) => [...w.islandLazyJs.keys()].find((f) => re.test(f));
        const planEntry = entryOf(PLAN_CHUNK);
        const panelEntry = entryOf(MODEL_SOURCE);
        const timeEntry = entryOf(TIME_PANEL);
        const chartsEntry = entryOf(CHARTS_CHUNK);
        const dataEntry = entryOf(DATA_PANEL);
        const apart = [planEntry, panelEntry, timeEntry, chartsEntry, dataEntry].filter(
          (f): f is string => f !== undefined,
        );
        const estimate = apart.length
          ? lazyJs(
              DIST,
              site.base,
              w.islandModules,
              new Map([...w.js, ...apart.map((f) => [f, 0] as [string, number])]),
            )
          : w.islandLazyJs;
        const badgeEntry = entryOf(BADGE_CHUNK);
        const beyond = (entry: string | undefined, skip: ReadonlyMap<string, number> = new Map()) => {
          if (!entry) return new Map<string, number>();
          const own = moduleWeight(DIST, entry, site.base);
          // Not the other panel, which the estimate's chunk also imports on demand, nor what `skip` weighs apart.
          const other = new Map([
            ...apart.filter((f) => f !== entry).map((f) => [f, 0] as [string, number]),
            ...(badgeEntry && badgeEntry !== entry ? [[badgeEntry, 0] as [string, number]] : []),
          ]);
          const all = new Map([...own, ...lazyJs(DIST, site.base, [...own.keys()], new Map([...w.js, ...other]))]);
          return new Map(
            [...all].filter(([f]) => !w.js.has(f) && !estimate.has(f) && !skip.has(f) && !EMBED_HOST_CHUNK.test(f)),
          );
        };
        const plan = beyond(planEntry);
        const panel = beyond(panelEntry);
        const time = beyond(timeEntry);
        const charts = beyond(chartsEntry);
        // What the badge adds once the plan is open.
        const badge = beyond(badgeEntry, plan);
        const data = beyond(dataEntry);
        for (const f of estimate.keys()) if (EMBED_HOST_CHUNK.test(f)) estimate.delete(f);
        const lazy = sum(estimate);
        const lazyDetail = [...estimate].map(([p, b]) => `${p} ${kb(b)}`).join(', ');
        const planDetail = [...plan].map(([p, b]) => `${p} ${kb(b)}`).join(', ');
        console.info(
          `/${tool}/: ${kb(js)} gzipped JS at load (external ${kb(sum(w.js))}: ${detail}; inline ${kb(w.inlineJs)}); ` +
            `on the first input +${kb(lazy)} (${lazyDetail}) = ${kb(js + lazy)}; the service worker registration adds ${kb(sum(w.js) - sum(pageJs))}` +
            (plan.size ? `; the plan tools on opening +${kb(sum(plan))} (${planDetail})` : ''),
        );
        expect(w.hasIsland, `/${tool}/ should hydrate its island`).toBe(true);
        expect(js, `/${tool}/ loads ${kb(js)} of JS: ${detail}`).toBeLessThanOrEqual(ISLAND_JS);
        expect(lazy, `/${tool}/ imports ${kb(lazy)} on demand: ${lazyDetail}`).toBeLessThanOrEqual(ISLAND_LAZY_JS);
        expect(sum(plan), `/${tool}/ plan tools: ${planDetail}`).toBeLessThanOrEqual(PLAN_LAZY_JS);
        if (tool === 'calculator') {
          const badgeDetail = [...badge].map(([p, b]) => `${p} ${kb(b)}`).join(', ');
          console.info(`/calculator/: the plan's badge +${kb(sum(badge))} (${badgeDetail})`);
          expect(badgeEntry, 'the open plan imports its badge on demand').toBeDefined();
          expect(sum(badge), `the plan's badge: ${badgeDetail}`).toBeLessThanOrEqual(BADGE_LAZY_JS);
          expect(planEntry, 'the calculator imports its plan tools on demand').toBeDefined();
          expect(
            [...w.js.keys()].filter((f) => PLAN_CHUNK.test(f)),
            'plan code at page load',
          ).toEqual([]);
          const detail = [...panel].map(([p, b]) => `${p} ${kb(b)}`).join(', ');
          console.info(`/calculator/: the "any model" panel +${kb(sum(panel))} when opened (${detail})`);
          expect(panelEntry, 'the "any model" panel loads on demand').toBeDefined();
          expect(sum(panel), `the "any model" panel: ${detail}`).toBeLessThanOrEqual(MODEL_SOURCE_JS);
          const timeDetail = [...time].map(([p, b]) => `${p} ${kb(b)}`).join(', ');
          console.info(`/calculator/: the time and cost panel +${kb(sum(time))} after the engine (${timeDetail})`);
          expect(timeEntry, 'the time and cost panel loads on demand').toBeDefined();
          expect(
            [...w.js.keys()].filter((f) => TIME_PANEL.test(f)),
            'time panel code at page load',
          ).toEqual([]);
          expect(sum(time), `the time and cost panel: ${timeDetail}`).toBeLessThanOrEqual(TIME_PANEL_JS);
          const chartsDetail = [...charts].map(([p, b]) => `${p} ${kb(b)}`).join(', ');
          console.info(
            `/calculator/: the charts +${kb(sum(charts))} once the memory model is loaded (${chartsDetail})`,
          );
          expect(chartsEntry, 'the charts load on demand').toBeDefined();
          expect(charts.size, 'the charts are a chunk of their own').toBeGreaterThan(0);
          expect(sum(charts), `the charts: ${chartsDetail}`).toBeLessThanOrEqual(CHARTS_JS);
          const dataDetail = [...data].map(([p, b]) => `${p} ${kb(b)}`).join(', ');
          console.info(`/calculator/: the "Measure your data" panel +${kb(sum(data))} when opened (${dataDetail})`);
          expect(dataEntry, 'the data panel loads on demand').toBeDefined();
          expect(sum(data), `the data panel: ${dataDetail}`).toBeLessThanOrEqual(DATA_PANEL_JS);
        }
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
