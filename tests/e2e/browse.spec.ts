import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe.ts';

test('home → card → tag → topic → back', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('fine-tune');
  const latest = page.getByRole('list', { name: 'Latest cards' });
  const first = latest.getByRole('link').first();
  const title = (await first.textContent())?.trim() ?? '';
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page).toHaveURL(/\/cards\/[^/]+\/$/);
  const cardUrl = page.url();

  const tag = page.getByRole('list', { name: 'Tags' }).getByRole('link').first();
  const tagText = ((await tag.textContent()) ?? '').trim().replace(/^#/, '');
  await tag.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Cards tagged #${tagText}`);
  await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(cardUrl);
  const topic = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link').last();
  const topicName = ((await topic.textContent()) ?? '').trim();
  await topic.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(topicName);
  await expect(page.getByRole('link', { name: title, exact: true })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(cardUrl);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('filter chips on /cards/ are links to static listing pages', async ({ page }) => {
    await page.goto('/cards/');
    const all = await page.locator('[data-card]').count();
    await page.getByRole('link', { name: /^Beginner \d+$/ }).click();
    await expect(page).toHaveURL(/\/levels\/beginner\/$/);
    const beginners = await page.locator('[data-card]').count();
    expect(beginners).toBeGreaterThan(0);
    expect(beginners).toBeLessThan(all);
    await expect(page.locator('.badge.level-intermediate, .badge.level-advanced')).toHaveCount(0);
  });

  test('the quiz answer opens with <details>', async ({ page }) => {
    await page.goto('/cards/');
    await page.getByRole('list', { name: 'Cards' }).getByRole('link').first().click();
    const answer = page.locator('.quiz details p').first();
    await expect(answer).toBeHidden();
    await page.getByText('Show the answer').click();
    await expect(answer).toBeVisible();
  });
});

test('filters /cards/ in place with JS and keeps the state in the URL', async ({ page }) => {
  await page.goto('/cards/');
  const items = page.locator('[data-card]');
  const total = await items.count();
  await page.getByRole('link', { name: /^Beginner \d+$/ }).click();
  await expect(page).toHaveURL(/\/cards\/\?level=beginner$/);
  const shown = items.filter({ visible: true });
  const n = await shown.count();
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThan(total);
  await expect(page.getByRole('status')).toHaveText(`Showing ${n} of ${total} cards.`);
  await expect(page.getByRole('link', { name: /^Beginner \d+$/ })).toHaveAttribute('aria-current', 'true');

  await page.reload();
  await expect(page.getByRole('status')).toHaveText(`Showing ${n} of ${total} cards.`);

  await page.goto('/cards/?level=expert');
  await expect(page.getByRole('status')).toHaveText('Ignored unknown level "expert".');
  await expect(items.filter({ visible: true })).toHaveCount(total);
});

test('dark mode toggle persists across pages and reloads', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const toggle = page.getByRole('button', { name: 'Dark mode' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const bgBefore = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bgAfter = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bgAfter).not.toBe(bgBefore);
  await page.goto('/cards/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(bgAfter);
});

const PAGE_TYPES = [
  '/',
  '/cards/',
  '/topics/',
  '/topics/peft/',
  '/levels/beginner/',
  '/tags/',
  '/series/',
  '/series/fine-tuning-basics/',
  '/about/',
  '/404.html',
];

for (const path of PAGE_TYPES) {
  test(`axe: ${path} has no WCAG 2.2 AA violations (light and dark)`, async ({ page }) => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      await expectNoAxeViolations(page);
    }
  });
}

test('axe: a card page has no violations, quiz open, light and dark', async ({ page }) => {
  await page.goto('/cards/');
  const href = await page.getByRole('list', { name: 'Cards' }).getByRole('link').first().getAttribute('href');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(href ?? '/');
    await page.getByText('Show the answer').click();
    await expectNoAxeViolations(page);
  }
});
