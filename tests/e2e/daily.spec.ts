import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe.ts';

test('the home page shows the card of the day, linking to its card', async ({ page }) => {
  await page.goto('/');
  const section = page.getByRole('region', { name: /^Card of the day/ });
  await expect(section.getByRole('heading', { level: 2 })).toContainText(/\d{1,2} [A-Z][a-z]+ \d{4}/);
  const today = section.getByRole('list', { name: 'Card of the day' });
  await expect(today.getByRole('listitem')).not.toHaveCount(0);
  // Above the latest cards.
  const order = await page.evaluate(() => {
    const t = document.querySelector('[aria-label="Card of the day"]');
    const l = document.querySelector('[aria-label="Latest cards"]');
    return t && l ? t.compareDocumentPosition(l) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
  });
  expect(order).toBeTruthy();
  const card = today.getByRole('article').first();
  await expect(card.locator('.badge[class*="level-"]')).toHaveCount(1);
  await expect(card.locator('p').first()).not.toBeEmpty();
  const link = card.getByRole('link').first();
  const title = ((await link.textContent()) ?? '').trim();
  expect(title).not.toBe('');
  await link.click();
  await expect(page).toHaveURL(/\/cards\/[^/]+\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
});

test('/daily/ lists the last 30 days, each with a day page that links to its card', async ({ page }) => {
  await page.goto('/daily/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Card of the day');
  const days = page.getByRole('list', { name: 'Last 30 days' }).locator(':scope > li');
  await expect(days).toHaveCount(30);
  const dates = await days.locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
  expect(dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
  expect([...dates].sort().reverse()).toEqual(dates);
  expect(new Set(dates).size).toBe(30);
  await expectNoAxeViolations(page);

  const day = dates[3] as string;
  await days.nth(3).locator('a.day').click();
  await expect(page).toHaveURL(new RegExp(`/daily/${day}/$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Card of the day,');
  await expectNoAxeViolations(page);
  const cardLink = page
    .getByRole('list', { name: /^Cards of / })
    .getByRole('link')
    .first();
  const title = ((await cardLink.textContent()) ?? '').trim();
  await cardLink.click();
  await expect(page).toHaveURL(/\/cards\/[^/]+\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
});

test('the Follow section links the feeds, and every page advertises them', async ({ page, request }) => {
  await page.goto('/');
  const follow = page.getByRole('region', { name: 'Follow' });
  const feeds = follow.getByRole('list', { name: 'Feeds', exact: true }).getByRole('link');
  await expect(feeds).toHaveCount(3);
  const hrefs = await feeds.evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
  expect(hrefs.map((h) => h.replace(/^.*\//, ''))).toEqual(['rss.xml', 'feed.json', 'rss.xml']);
  for (const href of hrefs) {
    const res = await request.get(href);
    expect(res.ok(), href).toBe(true);
    const body = await res.text();
    if (href.endsWith('.json')) expect(JSON.parse(body).version).toBe('https://jsonfeed.org/version/1.1');
    else expect(body).toMatch(/^<\?xml[^>]*\?>\s*<rss version="2\.0"/);
  }
  await expect(follow.getByRole('list', { name: 'Topic feeds' }).getByRole('link')).not.toHaveCount(0);
  const topicFeed =
    (await follow.getByRole('list', { name: 'Topic feeds' }).getByRole('link').first().getAttribute('href')) ?? '';
  expect(topicFeed).toMatch(/\/topics\/[^/]+\/rss\.xml$/);
  expect((await request.get(topicFeed)).ok()).toBe(true);
  await follow.getByText(/^By tag/).click();
  await expect(follow.getByRole('list', { name: 'Tag feeds' }).getByRole('link').first()).toBeVisible();

  const alternates = page.locator('head link[rel="alternate"]');
  await expect(alternates).toHaveCount(3);
  // A topic page advertises its own feed first, then the site-wide ones, and links it visibly.
  await page.goto(topicFeed.replace(/rss\.xml$/, ''));
  await expect(page.locator('head link[rel="alternate"]')).toHaveCount(4);
  const own = (await page.locator('head link[rel="alternate"]').first().getAttribute('href')) ?? '';
  expect(new URL(own).pathname).toBe(topicFeed);
  await expect(page.getByRole('link', { name: 'Follow this topic (RSS)' })).toHaveAttribute('href', topicFeed);
});
