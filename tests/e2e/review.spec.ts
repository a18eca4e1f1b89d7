import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import type { ReviewQuestion } from '../../src/lib/review/question.ts';
import { expectNoAxeViolations } from '../support/axe.ts';

const LETTERS = 'ABCDE';
const stored = async (page: Page) =>
  JSON.parse((await page.evaluate(() => localStorage.getItem('ftc-learner'))) ?? '{}');

async function understand(page: Page, ids: string[]): Promise<void> {
  for (const id of ids) {
    await page.goto(`/cards/${id}/`);
    await page.getByLabel('Mark as understood').check();
    await expect.poll(async () => (await stored(page)).cards?.[id]?.understood).toBeTruthy();
  }
}

test.describe('spaced review over simulated days', () => {
  // Evening in New York is the next day in UTC: days must be the reader's own.
  test.use({ timezoneId: 'America/New_York' });

  test('understood cards come back as questions, rated from the answer or by keys, and rescheduled', async ({
    page,
    context,
    request,
  }) => {
    const questions: ReviewQuestion[] = await (await request.get('/review/questions.json')).json();
    const q = (id: string) => questions.find((x) => x.card === id) as ReviewQuestion;
    const right = (id: string) => LETTERS[q(id).answer] as string;
    const wrong = (id: string) => LETTERS[(q(id).answer + 1) % q(id).choices.length] as string;

    await page.clock.install({ time: new Date('2030-03-04T20:30:00-05:00') });
    await understand(page, ['what-is-fine-tuning', 'lora', 'dpo']);
    await page.goto('/review/');
    await expect(page.locator('[data-due]')).toHaveText('0 cards');
    await expect(page.locator('[data-next]')).toHaveText('5 March 2030');
    await expect(page.locator('[data-streak]')).toHaveText('1 day. Today counts.');
    await expect(page.getByRole('img', { name: /^Last 12 weeks/ })).toHaveAttribute(
      'aria-label',
      'Last 12 weeks: 3 cards read or reviewed on 1 day.',
    );
    await expectNoAxeViolations(page);

    // Day 2: all three are due. The page keeps working offline once loaded.
    await page.clock.setSystemTime(new Date('2030-03-05T09:00:00-05:00'));
    await page.goto('/review/');
    await expect(page.locator('[data-due]')).toHaveText('3 cards');
    await expect(page.getByText('Question 1 of 3')).toBeVisible();
    await context.setOffline(true);
    await expectNoAxeViolations(page);

    // Due cards come soonest first, then by id: dpo, lora, what-is-fine-tuning.
    await expect(page.locator('[data-card-link]')).toHaveText(/^DPO/);
    await page.keyboard.press(right('dpo'));
    await expect(page.locator('[data-verdict]')).toHaveText('Right.');
    await expect(page.getByRole('radio', { name: /Good/ })).toBeChecked();
    await expectNoAxeViolations(page);
    await page.keyboard.press('Enter');

    await expect(page.getByText('Question 2 of 3')).toBeVisible();
    await expect(page.locator('[data-card-link]')).toHaveText(/^LoRA/);
    await page.keyboard.press(wrong('lora'));
    await expect(page.locator('[data-verdict]')).toHaveText('Not quite.');
    await expect(page.getByRole('radio', { name: /Again/ })).toBeChecked();
    await expect(page.getByRole('radio', { name: /Again/ })).toHaveAccessibleName(/tomorrow/);
    await page.keyboard.press('Enter');

    await expect(page.getByText('Question 3 of 3')).toBeVisible();
    await page.keyboard.press(right('what-is-fine-tuning'));
    await expect(page.getByRole('radio', { name: /Good/ })).toBeChecked();
    await page.keyboard.press('4');
    await expect(page.getByRole('radio', { name: /Easy/ })).toBeChecked();
    await page.keyboard.press('Enter');

    await expect(page.locator('[data-session-status]')).toHaveText('Done for today. Next review: 6 March 2030.');
    await expect(page.locator('[data-due]')).toHaveText('0 cards');
    await expect(page.locator('[data-streak]')).toHaveText('2 days. Today counts.');
    await expect(page.getByRole('img', { name: /^Last 12 weeks/ })).toHaveAttribute(
      'aria-label',
      'Last 12 weeks: 6 cards read or reviewed on 2 days.',
    );
    const s = await stored(page);
    const dueDay = (id: string) =>
      new Date(s.review[id].due).toLocaleDateString('en-CA', { timeZone: 'America/New_York' });
    expect(dueDay('lora')).toBe('2030-03-06');
    expect(new Date(s.review.dpo.due) > new Date('2030-03-06T12:00:00-05:00')).toBe(true);
    expect(new Date(s.review['what-is-fine-tuning'].due) > new Date(s.review.dpo.due)).toBe(true);
    expect(s.activity).toEqual({ '2030-03-04': { read: 3, reviewed: 0 }, '2030-03-05': { read: 0, reviewed: 3 } });
    await context.setOffline(false);

    // Day 3: the card answered wrongly is back; Space shows the answer without choosing.
    await page.clock.setSystemTime(new Date('2030-03-06T07:00:00-05:00'));
    await page.goto('/review/');
    await expect(page.locator('[data-due]')).toHaveText('1 card');
    await expect(page.locator('[data-card-link]')).toHaveText(/^LoRA/);
    await page.keyboard.press(' ');
    await expect(page.locator('[data-verdict]')).toHaveText('Answer shown.');
    await expect(page.locator('[data-correct]')).toContainText(q('lora').choices[q('lora').answer]?.text as string);
    await page.keyboard.press('3');
    await page.getByRole('button', { name: /^Continue/ }).click();
    await expect(page.locator('[data-session-status]')).toHaveText(/^Done for today\. Next review: \d+ March 2030\.$/);
    expect((await stored(page)).review.lora.reps).toBe(2);
  });
});

test('export, reset with confirmation, import; a foreign file is refused and changes nothing', async ({ page }) => {
  await understand(page, ['lora', 'qlora']);
  await page.goto('/review/');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export progress' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^fine-tuning-cards-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const file = (await download.path()) as string;
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.format).toBe('fine-tuning-cards/progress');
  expect(Object.keys(exported.state.cards).sort()).toEqual(['lora', 'qlora']);
  expect(exported.visit.card).toBe('qlora');

  await page.getByRole('button', { name: 'Reset…' }).click();
  await expect(page.getByRole('group', { name: /Delete all progress saved in this browser/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Keep it' }).click();
  expect(Object.keys((await stored(page)).cards)).toHaveLength(2);
  await page.getByRole('button', { name: 'Reset…' }).click();
  await page.getByRole('button', { name: 'Delete all progress' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'All progress deleted.' })).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ftc-learner')))).toEqual([]);
  await page.goto('/series/fine-tuning-basics/');
  await expect(page.locator('[data-mark]')).toHaveCount(0);

  await page.goto('/review/');
  await page.locator('[data-import]').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveText(
    'Imported: your progress is now the file’s.',
  );
  const before = await page.evaluate(() => localStorage.getItem('ftc-learner'));
  await page.locator('[data-import]').setInputFiles({
    name: 'package.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ name: 'some-package', version: '1.0.0' })),
  });
  await expect(page.getByRole('status').filter({ hasText: 'not a progress file' })).toHaveText(
    'This JSON file is not a progress file from this site (it has no "format": "fine-tuning-cards/progress").',
  );
  await page.locator('[data-import]').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...exported, state: { ...exported.state, settings: { dailyMinimum: 0 } } })),
  });
  await expect(page.getByRole('status').filter({ hasText: 'damaged' })).toHaveText(
    'This progress file is damaged: state.settings.dailyMinimum: must be at least 1.',
  );
  expect(await page.evaluate(() => localStorage.getItem('ftc-learner'))).toBe(before);
  await page.goto('/series/fine-tuning-basics/');
  await expect(page.locator('[data-card="lora"]')).toHaveAttribute('data-mark', 'understood');
});

test('the daily minimum decides which days count, and a new reader sees an empty review', async ({ page }) => {
  await page.goto('/review/');
  await expect(page.locator('[data-session-status]')).toHaveText(/^Nothing to review yet/);
  await expect(page.locator('[data-streak]')).toHaveText('0 days. Today: 0 of 1 card.');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expectNoAxeViolations(page);
  }
  await understand(page, ['lora']);
  await page.goto('/review/');
  await expect(page.locator('[data-streak]')).toHaveText('1 day. Today counts.');
  await page.getByLabel('Daily minimum (cards)').fill('2');
  await page.getByLabel('Daily minimum (cards)').press('Tab');
  await expect(page.getByRole('status').filter({ hasText: 'a day counts' })).toHaveText(
    'Saved: a day counts from 2 cards.',
  );
  await expect(page.locator('[data-streak]')).toHaveText('0 days. Today: 1 of 2 cards.');
});
