import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import site from '../../site.config.mjs';
import { DIST } from '../support/dist.ts';

// Every page type runs under the CSP that Astro writes into a <meta> tag (astro.config.mjs, security.csp) without a
// single violation: scripts, styles, islands, the search index (WASM) and the embed. Violations are caught two ways:
// `securitypolicyviolation` events in the page, and CSP errors on the console (which also covers workers).

const base = site.base;
const built = (path: string) => existsSync(join(DIST, path, 'index.html'));
/** First entry (alphabetically) of a listing folder in the build, e.g. a card id. */
const firstIn = (dir: string) =>
  existsSync(join(DIST, dir))
    ? readdirSync(join(DIST, dir), { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(join(DIST, dir, d.name, 'index.html')))
        .map((d) => d.name)
        .sort()[0]
    : undefined;

interface PageType {
  name: string;
  /** Site path under the base, or undefined when the build has no such page (the test is then skipped). */
  path: string | undefined;
  /** Exercise the page's scripts (after load; every wait is on a condition, never on time). */
  use?: (page: Page) => Promise<void>;
}

async function toggleTheme(page: Page) {
  const toggle = page.locator('[data-theme-toggle]').first();
  if (await toggle.isVisible()) await toggle.click();
}

async function hydrateIslands(page: Page) {
  const islands = page.locator('astro-island');
  const n = await islands.count();
  for (let i = 0; i < n; i++) await islands.nth(i).scrollIntoViewIfNeeded();
  // Astro drops the `ssr` attribute once an island has hydrated.
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  // Open what an island folds away (the compact embed), then change the first choice so it re-renders under the policy.
  const folded = page.locator('astro-island details:not([open]) > summary');
  while ((await folded.count()) > 0) await folded.first().click();
  const choice = page.locator('astro-island input[type="radio"]:not(:checked), astro-island select').first();
  if ((await choice.count()) > 0) {
    if ((await choice.evaluate((el) => el.tagName)) === 'SELECT') await choice.selectOption({ index: 1 });
    else await choice.check();
  }
}

async function headerSearch(page: Page) {
  const box = page.locator('[data-site-search] input[type="search"]');
  if ((await box.count()) === 0) return;
  // Focus loads the search code; typing loads Pagefind (WASM) and its index, then shows results.
  await box.fill('lora');
  await expect(page.locator('[data-site-search] [role="listbox"] a').first()).toBeVisible();
}

const card = firstIn('cards');
/** A card page that embeds an island (the strategy card embeds the selector), if the deck has one. */
const islandCard = existsSync(join(DIST, 'cards'))
  ? readdirSync(join(DIST, 'cards'))
      .sort()
      .find(
        (id) =>
          existsSync(join(DIST, 'cards', id, 'index.html')) &&
          readFileSync(join(DIST, 'cards', id, 'index.html'), 'utf8').includes('<astro-island'),
      )
  : undefined;
const tag = firstIn('tags');
const topic = firstIn('topics');
const series = firstIn('series');

const PAGE_TYPES: PageType[] = [
  { name: 'home', path: '', use: headerSearch },
  {
    name: 'card',
    path: card && `cards/${card}/`,
    use: async (page) => {
      const summary = page.locator('details > summary').first();
      if ((await summary.count()) > 0) await summary.click();
    },
  },
  { name: 'card with an island', path: islandCard && `cards/${islandCard}/`, use: hydrateIslands },
  {
    name: 'cards list',
    path: 'cards/',
    use: async (page) => {
      await page.getByRole('link', { name: /^Beginner \d+$/ }).click();
      await expect(page).toHaveURL(/level=beginner/);
    },
  },
  { name: 'topic', path: topic && `topics/${topic}/` },
  { name: 'tag', path: tag && `tags/${tag}/` },
  { name: 'series', path: series && `series/${series}/` },
  { name: 'about', path: 'about/' },
  {
    name: 'deck downloads',
    path: built('deck') ? 'deck/' : undefined,
    // Its script loads the offline deck list and enables the save button.
    use: async (page) => {
      await expect(page.locator('[data-save-deck-button]')).toBeEnabled();
    },
  },
  { name: '404', path: 'no-such-page/' },
  { name: 'selector', path: built('selector') ? 'selector/' : undefined, use: hydrateIslands },
  { name: 'calculator', path: built('calculator') ? 'calculator/' : undefined, use: hydrateIslands },
  { name: 'embed', path: built('embed/calculator') ? 'embed/calculator/' : undefined, use: hydrateIslands },
  {
    name: 'full embed',
    path: built('embed/calculator/full') ? 'embed/calculator/full/?theme=dark' : undefined,
    use: hydrateIslands,
  },
  {
    name: 'search',
    path: built('search') ? 'search/?q=lora' : undefined,
    use: async (page) => {
      await expect(page.locator('[data-search-page] a[data-search-result]').first()).toBeVisible();
    },
  },
];

for (const type of PAGE_TYPES) {
  test(`CSP: no violation on the ${type.name} page`, async ({ page }) => {
    test.skip(type.path === undefined, `the build in ${DIST} has no ${type.name} page`);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/content security policy|content-security-policy/i.test(m.text()))
        violations.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => violations.push(`page error: ${e.message}`));
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        w.__csp.push(
          `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`,
        );
      });
    });

    const response = await page.goto(`${base}${type.path}`);
    expect(response?.status(), 'status').toBe(type.name === '404' ? 404 : 200);

    const policy = await page.locator('meta[http-equiv="content-security-policy" i]').getAttribute('content');
    expect(policy, 'CSP <meta>').toBeTruthy();
    expect(policy).toContain("default-src 'self'");
    expect(policy).toMatch(/script-src [^;]*'self'/);
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);

    await toggleTheme(page);
    await type.use?.(page);
    const events = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    expect([...events, ...violations]).toEqual([]);
  });
}

test('CSP: the violation listener catches a blocked inline script (self-check)', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(e.effectiveDirective));
  });
  await page.goto(base);
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = true';
    document.body.append(s);
  });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))
    .toContain('script-src-elem');
  expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
});
