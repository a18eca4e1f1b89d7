import { expect, type Page, test } from '@playwright/test';
import { HEADER_RESULTS } from '../../src/lib/search/format.ts';
import { routes } from '../../src/lib/site/routes.ts';

// What search finds beyond the cards' words: the tools and the memory model, the core card of a term first, close
// terms when nothing matches; and the header popup kept to short results.
const header = (page: Page) => page.getByRole('search', { name: 'Site' });
const headerBox = (page: Page) => header(page).getByLabel('Search cards');
const options = (page: Page) => page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
const resultLinks = (page: Page) => page.getByRole('list', { name: 'Results' }).getByRole('heading').getByRole('link');
const pageStatus = (page: Page) => page.locator('.search-page').getByRole('status');

async function resultUrls(page: Page, q: string): Promise<string[]> {
  await page.goto(`/${routes.search()}?q=${encodeURIComponent(q)}`);
  await expect(pageStatus(page)).toHaveText(/results? for/);
  return await resultLinks(page).evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

test('"vram", "calculator" and "gpu memory" find the calculator, the selector and the memory model', async ({
  page,
}) => {
  const tools = [routes.calculator(), routes.selector(), routes.aboutMemory()].map((r) => `/${r}`);
  for (const q of ['vram', 'gpu memory']) {
    const urls = await resultUrls(page, q);
    for (const t of tools) expect(urls, q).toContain(t);
  }
  const calculator = await resultUrls(page, 'calculator');
  expect(calculator[0]).toBe(`/${routes.calculator()}`);
  for (const t of tools) expect(calculator).toContain(t);
  // A tool's result says what it is where a card shows its kind.
  await page.goto(`/${routes.search()}?q=calculator`);
  await expect(page.getByRole('list', { name: 'Results' }).getByRole('listitem').first()).toContainText('Tool');
});

test('the core card of a term comes first: "lora" → the LoRA card, "qlora" → QLoRA, "dpo" → DPO', async ({ page }) => {
  for (const id of ['lora', 'qlora', 'dpo']) {
    expect((await resultUrls(page, id))[0], id).toBe(`/${routes.card(id)}`);
  }
  await page.goto('/');
  await headerBox(page).fill('LoRA');
  await expect(options(page).first()).toHaveAttribute('href', `/${routes.card('lora')}`);
  // The marker that names the core card is meta, not text: it never shows in an excerpt.
  await expect(options(page).first().locator('.search-excerpt')).not.toHaveText(/^lora\b/);
});

test(`the header popup shows ${HEADER_RESULTS} results of a title and one line each`, async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  await headerBox(page).fill('lora');
  await expect(options(page)).toHaveCount(HEADER_RESULTS);
  expect(HEADER_RESULTS).toBeGreaterThanOrEqual(6);
  expect(HEADER_RESULTS).toBeLessThanOrEqual(8);
  for (const option of await options(page).all()) {
    const parts = await option.evaluate((o) =>
      [...o.children].map((c) => {
        const style = getComputedStyle(c);
        return { height: c.getBoundingClientRect().height, line: Number.parseFloat(style.lineHeight) || 24 };
      }),
    );
    expect(parts).toHaveLength(2);
    const excerpt = parts[1] as { height: number; line: number };
    expect(excerpt.height).toBeLessThan(excerpt.line * 1.5);
  }
});

test('a query with no result suggests close terms from the index: "qlroa" → "qlora"', async ({ page }) => {
  await page.goto('/');
  await headerBox(page).fill('qlroa');
  const fromHeader = header(page).locator('..').getByRole('link', { name: 'qlora', exact: true });
  await expect(fromHeader).toBeVisible();
  await expect(fromHeader.locator('..')).toHaveText('Did you mean qlora?');

  await page.goto(`/${routes.search()}?q=qlroa`);
  await expect(pageStatus(page)).toHaveText(/^No results for “qlroa”/);
  const suggestion = page.locator('.search-page').getByRole('link', { name: 'qlora', exact: true });
  await suggestion.click();
  await expect(page).toHaveURL(/\/search\/\?q=qlora$/);
  await expect(resultLinks(page).first()).toHaveAttribute('href', `/${routes.card('qlora')}`);
  await expect(page.locator('.search-suggest')).toHaveCount(0);

  // Nothing close: no suggestion line at all.
  await page.goto(`/${routes.search()}?q=qzxv`);
  await expect(pageStatus(page)).toHaveText(/^No results for “qzxv”/);
  await expect(page.locator('.search-suggest')).toHaveCount(0);
});

test('filter chips that would show no result hide, and come back when they lead somewhere', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/${routes.search()}?q=dpo`);
  await expect(pageStatus(page)).toHaveText(/results? for “dpo”/);
  const topics = page.getByRole('list', { name: 'Topic' });
  await expect(topics.locator('[data-value="alignment"]')).toBeVisible();
  await expect(topics.locator('[data-value="memory"]')).toBeHidden();
  for (const chip of await page.locator('.search-filters button[data-filter]').all()) {
    if (!(await chip.isVisible())) continue;
    await expect(chip.locator('[data-count]')).not.toHaveText('0');
  }
  await page.getByRole('searchbox', { name: 'Search for' }).fill('memory');
  await expect(pageStatus(page)).toHaveText(/results? for “memory”/);
  await expect(topics.locator('[data-value="memory"]')).toBeVisible();
});

test('the 404 page offers search, starting from the address that was not found', async ({ page }) => {
  await page.goto('/cards/qlroa/');
  const form = page.getByRole('search', { name: 'Search the cards' });
  await expect(form.getByRole('searchbox')).toHaveValue('qlroa');
  await form.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\/\?q=qlroa$/);
  await expect(page.locator('.search-page').getByRole('link', { name: 'qlora', exact: true })).toBeVisible();
});

test('a tag filter finds exactly the cards of the tag page (tags are indexed as filters)', async ({ page }) => {
  await page.goto(`/${routes.tag('lora')}`);
  const expected = await page
    .locator('[data-card] h2 a, [data-card] h3 a')
    .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname).sort());
  expect(expected.length).toBeGreaterThan(3);
  await page.goto(`/${routes.search()}?tag=lora`);
  await expect(pageStatus(page)).toHaveText(`${expected.length} results with 1 filter.`);
  const more = page.getByRole('button', { name: /^Show more results/ });
  for (let shown = await resultLinks(page).count(); shown < expected.length; shown = await resultLinks(page).count()) {
    await more.click();
    await expect(resultLinks(page)).not.toHaveCount(shown);
  }
  const got = await resultLinks(page).evaluateAll((as) =>
    as.map((a) => new URL((a as HTMLAnchorElement).href).pathname).sort(),
  );
  expect(got).toEqual(expected);
});
