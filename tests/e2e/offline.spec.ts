import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import site from '../../site.config.mjs';
import { PAGES_CACHE } from '../../src/lib/site/offline.ts';
import { fileRoutes, routes } from '../../src/lib/site/routes.ts';
import { expectNoAxeViolations } from '../support/axe.ts';
import { DIST } from '../support/dist.ts';
import { serveDist } from '../support/static-server.ts';

// Reading offline in Chromium: the service worker keeps the pages a reader opened, every card page once the reader
// saves the deck, and from the first visit on the search index, the calculator and the offline page. Offline is
// Chromium's own network emulation (BrowserContext.setOffline), which covers the service worker's fetches too: a page
// that was never opened must show the offline page, or the test would pass on a live network.
const base = site.base;
const cards = existsSync(join(DIST, 'cards'))
  ? readdirSync(join(DIST, 'cards'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()
  : [];
const [opened, neverOpened] = cards;
const url = (path: string) => `${base}${path}`;

async function controlled(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);
}

async function cached(page: Page, path: string) {
  await expect
    .poll(() =>
      page.evaluate(
        async ([name, u]) =>
          (await (await caches.open(name as string)).match(new URL(u as string, location.href))) !== undefined,
        [PAGES_CACHE, url(path)],
      ),
    )
    .toBe(true);
}

async function offline(context: BrowserContext, page: Page) {
  await context.setOffline(true);
  // The browser really has no network now, the worker included.
  expect(
    await page.evaluate(() =>
      fetch(`/no-cache-${Date.now()}`).then(
        () => 'online',
        () => 'offline',
      ),
    ),
  ).toBe('offline');
}

test.describe('offline reading', () => {
  test.skip(!opened || !neverOpened, `the build in ${DIST} has fewer than two cards`);
  test.skip(!existsSync(join(DIST, fileRoutes.serviceWorker())), `the build in ${DIST} has no service worker`);

  test('an opened card, a saved card, search and the calculator work without a network', async ({ context, page }) => {
    await page.goto(url(routes.card(opened as string)));
    await controlled(page);
    // The first page loaded before the worker existed; the registration script stores it.
    await cached(page, routes.card(opened as string));

    await page.goto(url(routes.deck()));
    const save = page.getByRole('button', { name: /^Save the deck for offline \(\d+ cards, [\d.]+ (kB|MB)\)$/ });
    await expect(save).toBeEnabled();
    await expect(page.locator('[data-save-deck-status]')).toContainText(
      /Saving stores \d+ card pages, about [\d.]+ (kB|MB)/,
    );
    await save.click();
    await expect(page.locator('[data-save-deck-status]')).toContainText(`Saved all ${cards.length} cards`);
    await cached(page, routes.card(neverOpened as string));

    await offline(context, page);

    await page.goto(url(routes.card(opened as string)));
    await expect(page.locator('h1')).not.toHaveText('You are offline');
    await expect(page.locator('article.card-page h1')).toBeVisible();

    await page.goto(url(routes.card(neverOpened as string)));
    await expect(page.locator('article.card-page h1')).toBeVisible();

    // A page that was neither opened nor saved: the offline page, with a 200 from the worker.
    await page.goto(url(routes.tags()));
    await expect(page.locator('h1')).toHaveText('You are offline');

    await page.goto(`${url(routes.search())}?q=lora`);
    await expect(page.locator('[data-search-page] a[data-search-result]').first()).toBeVisible();

    await page.goto(url(routes.calculator()));
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    const total = page.locator('.vc-total').first();
    const before = await total.textContent();
    await page.getByRole('radio', { name: 'Full' }).check();
    await expect(total).not.toHaveText(before ?? '');
    await expect(total).toContainText(/\d+(\.\d+)? GB/);
  });
});

test('a new deploy offers "Updated, reload" and switches the page to the new worker only when asked', async ({
  page,
}) => {
  test.skip(!existsSync(join(DIST, fileRoutes.serviceWorker())), `the build in ${DIST} has no service worker`);
  // Its own server, so this test can deploy a new worker without touching the build the other tests read.
  const server = await serveDist(DIST, base);
  try {
    await page.goto(`${server.origin}${url(routes.about())}`);
    await controlled(page);
    const first = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    // The next deploy: the same worker with one byte changed, as a rebuild with a changed asset would give.
    server.override(fileRoutes.serviceWorker(), (sw) => `${sw}\n// next deploy\n`);
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    const reload = page.getByRole('button', { name: 'Updated, reload' });
    await expect(reload).toBeVisible();
    await expect(page.locator('[role="status"][data-sw-update]')).toContainText('Updated, reload');
    // Until the reader accepts, the page stays with the worker it has.
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(first);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state)).toBe(
      'installed',
    );
    await Promise.all([page.waitForEvent('load'), reload.click()]);
    await controlled(page);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting)).toBeNull();
    await expect(page.getByRole('button', { name: 'Updated, reload' })).toHaveCount(0);
  } finally {
    await server.close();
  }
});

// Lighthouse 12 dropped its PWA audits (installable manifest, service worker); Chromium's own check, which decides
// whether it offers to install the site, stands in for them.
test('Chromium finds the site installable: a valid manifest, its icons, a controlling service worker', async ({
  page,
}) => {
  test.skip(!existsSync(join(DIST, fileRoutes.serviceWorker())), `the build in ${DIST} has no service worker`);
  await page.goto(url(routes.home()));
  await controlled(page);
  const cdp = await page.context().newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  expect(manifest.url).toBe(`${new URL(page.url()).origin}${url(fileRoutes.manifest())}`);
  expect(manifest.errors).toEqual([]);
  await expect
    .poll(async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors.map((e) => e.errorId))
    .toEqual([]);
});

test('the downloads page and the offline page pass axe, with the save button ready', async ({ page }) => {
  test.skip(!existsSync(join(DIST, routes.deck(), 'index.html')), `the build in ${DIST} has no downloads page`);
  await page.goto(url(routes.deck()));
  await expect(page.getByRole('button', { name: /^Save the deck for offline/ })).toBeEnabled();
  await expect(page.locator('[data-save-deck-fallback]')).toBeHidden();
  await expectNoAxeViolations(page);
  await page.goto(url(routes.offline()));
  await expectNoAxeViolations(page);
});

test('without JavaScript the downloads page says what saving needs and still links every file', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url(routes.deck()));
  await expect(page.locator('[data-save-deck-fallback]')).toBeVisible();
  await expect(page.locator('[data-save-deck]')).toBeHidden();
  for (const file of [fileRoutes.ankiDeck(), fileRoutes.markdownDeck(), fileRoutes.cardsJson()])
    await expect(page.locator(`a[href="${url(file)}"]`)).toHaveCount(1);
  await context.close();
});
