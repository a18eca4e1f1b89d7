import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe.ts';

// The active quiz of a card page (src/components/Quiz.astro, src/client/learn/): mouse and keyboard, the DOM state a
// screen reader reads (aria-checked, the status line, the whys), the event other features listen for, and the
// <details> answer without JavaScript.

const CARD = '/cards/lora/';

async function open(page: Page) {
  await page.goto(CARD);
  const quiz = page.locator('[data-quiz]');
  const answer = Number(await quiz.getAttribute('data-answer'));
  const radios = quiz.getByRole('radio');
  const n = await radios.count();
  const wrong = (answer + 1) % n;
  const text = async (i: number) => ((await radios.nth(i).textContent()) ?? '').replace(/^\s*\S+\s*/, '').trim();
  // Every answer the page announces, in order.
  await page.evaluate(() => {
    const w = window as unknown as { answers: unknown[] };
    w.answers = [];
    document.addEventListener('ftc:quiz-answered', (e) => w.answers.push((e as CustomEvent).detail));
  });
  const answers = () => page.evaluate(() => (window as unknown as { answers: unknown[] }).answers);
  return { quiz, radios, n, answer, wrong, text, answers, status: quiz.getByRole('status') };
}

test('answering wrong, then right, with the mouse', async ({ page }) => {
  const { quiz, radios, n, answer, wrong, text, answers, status } = await open(page);
  expect(n).toBe(4);
  await expect(quiz.getByRole('radiogroup')).toHaveAccessibleName(/Where does most of the saving come from\?$/);
  await expect(radios.nth(0)).toHaveAttribute('aria-checked', 'false');
  await expect(quiz.locator('.quiz-why:visible')).toHaveCount(0);

  await radios.nth(wrong).click();
  await expect(radios.nth(wrong)).toHaveAttribute('aria-checked', 'true');
  await expect(radios.nth(wrong)).toHaveAttribute('data-state', 'wrong');
  await expect(radios.nth(answer)).toHaveAttribute('aria-checked', 'false');
  await expect(radios.nth(answer)).toHaveAttribute('data-state', 'right');
  await expect(status).toHaveText(
    `Not quite: the answer is ${String.fromCharCode(65 + answer)}, ${await text(answer)}.`,
  );
  // The chosen option's why, then the answer's, with its source link.
  const whys = quiz.locator('.quiz-why:visible');
  await expect(whys).toHaveCount(2);
  await expect(whys.nth(0)).toContainText(`${String.fromCharCode(65 + wrong)} Not this one: `);
  await expect(whys.nth(1)).toContainText(`${String.fromCharCode(65 + answer)} Right answer: `);
  await expect(whys.nth(1).getByRole('link')).toHaveAttribute('href', 'https://arxiv.org/abs/2106.09685');
  await expect(radios.nth(wrong)).toHaveAccessibleDescription(/^[A-E] Not this one: /);
  await expect(quiz.locator('details')).toBeHidden();
  // Answered: the options are locked (aria-disabled) until "Try again".
  await expect(radios.nth(answer)).toHaveAttribute('aria-disabled', 'true');
  await radios.nth(answer).click({ force: true });
  await expect(radios.nth(answer)).toHaveAttribute('aria-checked', 'false');
  expect(await answers()).toEqual([{ card: 'lora', choice: wrong, correct: false }]);

  await quiz.getByRole('button', { name: 'Try again' }).click();
  await expect(status).toHaveText('');
  await expect(quiz.locator('.quiz-why:visible')).toHaveCount(0);
  await expect(quiz.locator('[data-state]')).toHaveCount(0);
  await expect(quiz.locator('[aria-checked="true"]')).toHaveCount(0);
  await expect(quiz.getByRole('button', { name: 'Try again' })).toBeHidden();
  await expect(radios.nth(0)).toBeFocused();

  await radios.nth(answer).click();
  await expect(status).toHaveText('Correct.');
  await expect(radios.nth(answer)).toHaveAttribute('aria-checked', 'true');
  await expect(quiz.locator('.quiz-why:visible')).toHaveCount(1);
  await expect(quiz.locator('.quiz-why:visible')).toContainText('Right answer: ');
  expect(await answers()).toEqual([
    { card: 'lora', choice: wrong, correct: false },
    { card: 'lora', choice: answer, correct: true },
  ]);
});

test('answering with the keyboard: Tab in, arrows move, Enter and the keys 1–4 choose', async ({ page }) => {
  const { quiz, radios, n, answer, wrong, answers, status } = await open(page);
  await page.getByRole('link', { name: 'Parameter-efficient fine-tuning' }).last().focus();
  // Tab reaches the first option; the quiz code loads on that focus, and the group becomes one tab stop.
  for (let i = 0; i < 30 && !(await radios.nth(0).evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(radios.nth(0)).toBeFocused();
  await expect(quiz).toHaveAttribute('data-quiz-ready', '');
  await expect(radios.nth(1)).toHaveAttribute('tabindex', '-1');

  await page.keyboard.press('ArrowDown');
  await expect(radios.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(radios.nth(n - 1)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(radios.nth(0)).toBeFocused();
  for (let i = 0; i < wrong; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(radios.nth(wrong)).toHaveAttribute('aria-checked', 'true');
  await expect(radios.nth(wrong)).toBeFocused();
  await expect(status).toHaveText(/^Not quite: the answer is [A-E], .+\.$/);

  // Tab goes on to the answer's source link, then to "Try again".
  await page.keyboard.press('Tab');
  await expect(quiz.locator('.quiz-why:visible').getByRole('link')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(quiz.getByRole('button', { name: 'Try again' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(radios.nth(0)).toBeFocused();
  await page.keyboard.press(String(answer + 1));
  await expect(radios.nth(answer)).toHaveAttribute('aria-checked', 'true');
  await expect(radios.nth(answer)).toBeFocused();
  await expect(status).toHaveText('Correct.');
  // Keys 1–4 do nothing once the quiz is answered.
  await page.keyboard.press(String(wrong + 1));
  await expect(radios.nth(wrong)).toHaveAttribute('aria-checked', 'false');
  expect(await answers()).toEqual([
    { card: 'lora', choice: wrong, correct: false },
    { card: 'lora', choice: answer, correct: true },
  ]);
});

test('a click that arrives before the quiz code is replayed once it has loaded', async ({ page }) => {
  let release: () => void = () => {};
  const held = new Promise<void>((r) => {
    release = r;
  });
  await page.route(/\/_astro\/quiz\.[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  const { quiz, radios, answer, status } = await open(page);
  await radios.nth(answer).click();
  await expect(quiz).not.toHaveAttribute('data-quiz-ready');
  release();
  await expect(status).toHaveText('Correct.');
  await expect(radios.nth(answer)).toHaveAttribute('aria-checked', 'true');
});

test('axe: no violations before and after answering, light and dark', async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const { radios, wrong, status } = await open(page);
    await expectNoAxeViolations(page);
    await radios.nth(wrong).click();
    await expect(status).not.toHaveText('');
    await expectNoAxeViolations(page);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the options are listed, picking one does nothing, and <details> shows the answer and its why', async ({
    page,
  }) => {
    await page.goto(CARD);
    const quiz = page.locator('[data-quiz]');
    await expect(quiz.getByRole('radio')).toHaveCount(4);
    await expect(quiz.locator('.quiz-hint')).toBeHidden();
    await quiz.getByRole('radio').first().click();
    await expect(quiz.locator('[aria-checked="true"]')).toHaveCount(0);
    await expect(quiz.locator('.quiz-why:visible')).toHaveCount(0);
    const answer = quiz.locator('details p').first();
    await expect(answer).toBeHidden();
    await quiz.getByText('Show the answer').click();
    await expect(answer).toBeVisible();
    await expect(answer).toHaveText(/^[A-E]: .+/);
    await expect(quiz.locator('details')).toContainText('Source: LoRA: Low-Rank Adaptation of Large Language Models');
  });
});
