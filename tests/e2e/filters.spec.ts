import { expect, type Page, test } from '@playwright/test';
import { routes } from '../../src/lib/site/routes.ts';

// The /cards/ filter bar with JavaScript: counts that follow the other choices, "Clear all filters", and a panel that
// folds away on a phone.
const chipCount = async (page: Page, name: RegExp) =>
  Number((await page.getByRole('link', { name }).locator('[data-count]').textContent()) ?? 'NaN');

test('every chip counts the cards it would show, given the other choices', async ({ page }) => {
  await page.goto(routes.cards());
  const visible = page.locator('[data-card]').filter({ visible: true });
  await page.getByRole('link', { name: /^Beginner \d+$/ }).click();
  await expect(page).toHaveURL(/\?level=beginner$/);
  const topics = page.getByRole('list', { name: 'Topic' }).getByRole('link');
  let sum = 0;
  for (const chip of await topics.all()) {
    const id = await chip.getAttribute('data-value');
    const shown = await visible.locator(`[data-topic="${id}"]`).count();
    await expect(chip.locator('[data-count]'), `topic ${id}`).toHaveText(String(shown));
    sum += shown;
  }
  expect(sum).toBe(await visible.count());
  // A chip that would show nothing says so and looks it.
  const empty = page.locator('.chip.is-empty');
  for (const chip of await empty.all()) await expect(chip.locator('[data-count]')).toHaveText('0');

  // The level's own chips still count the cards of each level under the other choices (none here): all of them.
  const advanced = await chipCount(page, /^Advanced \d+$/);
  await page.getByRole('link', { name: /^Advanced \d+$/ }).click();
  await expect(visible).toHaveCount(advanced);
});

test('"Clear all filters" appears once a filter is on and clears every one', async ({ page }) => {
  await page.goto(routes.cards());
  const total = await page.locator('[data-card]').count();
  const clear = page.getByRole('button', { name: 'Clear all filters' });
  await expect(clear).toBeHidden();
  await page.getByRole('link', { name: /^Intermediate \d+$/ }).click();
  await page.getByRole('list', { name: 'Topic' }).getByRole('link').first().click();
  await expect(page).toHaveURL(/\?topic=[^&]+&level=intermediate$/);
  await expect(clear).toBeVisible();
  await clear.click();
  await expect(page).toHaveURL(/\/cards\/$/);
  await expect(page.locator('[data-card]').filter({ visible: true })).toHaveCount(total);
  await expect(page.getByRole('status')).toHaveText('');
  await expect(clear).toBeHidden();
  await expect(page.locator('[aria-current="true"]')).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Topic' }).getByRole('link').first()).toBeFocused();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 800 } });

  test('the filter panel is folded under "Filters" and opens on demand', async ({ page }) => {
    await page.goto(routes.cards());
    const beginner = page.getByRole('link', { name: /^Beginner \d+$/ });
    await expect(beginner).toBeHidden();
    await expect(page.locator('[data-card]').first()).toBeInViewport();
    const toggle = page.getByRole('button', { name: /^Filters/ });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(beginner).toBeVisible();
    await beginner.click();
    await expect(toggle).toHaveText('Filters (1 on)');
  });
});

test('on a desktop the panel is open, with no "Filters" toggle', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(routes.cards());
  await expect(page.getByRole('link', { name: /^Beginner \d+$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Filters/ })).toBeHidden();
});

test.describe('on a phone without JavaScript', () => {
  test.use({ viewport: { width: 390, height: 800 }, javaScriptEnabled: false });

  test('the chips stay open (nothing could reopen them)', async ({ page }) => {
    await page.goto(routes.cards());
    await expect(page.getByRole('link', { name: /^Beginner \d+$/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Filters/ })).toBeHidden();
  });
});
