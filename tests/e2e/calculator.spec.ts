import { expect, type Page, test } from '@playwright/test';
import site from '../../site.config.mjs';
import { expectNoAxeViolations } from '../support/axe.ts';

// The VRAM calculator page: live estimate, validation messages (never NaN), state in the URL, keyboard use, axe.
const url = `${site.base}calculator/`;
const total = (page: Page) => page.locator('.vc-total').first();

async function hydrated(page: Page) {
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

test('changing the method updates the estimate and the URL, and a reload restores it', async ({ page }) => {
  await page.goto(url);
  await hydrated(page);
  await expect(total(page)).toContainText(/\d+(\.\d+)? GB/);
  const before = await total(page).textContent();
  await page.getByRole('radio', { name: 'Full' }).check();
  await expect(total(page)).not.toHaveText(before ?? '');
  await expect(page).toHaveURL(/[?&]method=full/);
  const after = await total(page).textContent();
  await page.reload();
  await hydrated(page);
  await expect(page.getByRole('radio', { name: 'Full' })).toBeChecked();
  await expect(total(page)).toHaveText(after ?? '');
});

test('a bad input shows a message next to the field and never NaN', async ({ page }) => {
  await page.goto(url);
  await hydrated(page);
  const seq = page.getByLabel('Sequence length');
  await seq.fill('0');
  await expect(seq).toHaveAttribute('aria-invalid', 'true');
  const describedBy = await seq.getAttribute('aria-describedby');
  await expect(page.locator(`[id="${describedBy}"]`)).toContainText('Sequence length');
  await expect(page.locator('main')).not.toContainText('NaN');
  await seq.fill('4096');
  await expect(seq).not.toHaveAttribute('aria-invalid', 'true');
  await expect(total(page)).toContainText(/\d+(\.\d+)? GB/);
  await expect(page.locator('main')).not.toContainText('NaN');
});

test('a bad URL parameter is reported and the rest of the link still applies', async ({ page }) => {
  await page.goto(`${url}?model=not-a-model&method=lora&gpu=h100-80gb`);
  await hydrated(page);
  await expect(page.locator('.vc-errors')).toContainText('unknown model "not-a-model"');
  await expect(page.getByRole('radio', { name: 'LoRA', exact: true })).toBeChecked();
  await expect(page.locator('main')).not.toContainText('NaN');
});

test('keyboard only: reach the method radios, switch with arrow keys, edit the micro-batch', async ({ page }) => {
  await page.goto(url);
  await hydrated(page);
  const qlora = page.getByRole('radio', { name: 'QLoRA' });
  const start = await total(page).textContent();
  // Tab from the top of the page until the checked method radio has focus.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');
    if (name && (await page.evaluate(() => (document.activeElement as HTMLInputElement).type)) === 'radio') break;
  }
  const focusedType = await page.evaluate(() => (document.activeElement as HTMLInputElement).type);
  expect(focusedType).toBe('radio');
  await page.keyboard.press('ArrowRight');
  await expect(qlora).not.toBeChecked();
  await expect(total(page)).not.toHaveText(start ?? '');
  const batch = page.getByLabel('Micro-batch');
  await batch.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await expect(page).toHaveURL(/[?&]batch=2/);
});

test('offers the embed code and a GPU fit table', async ({ page }) => {
  await page.goto(url);
  await hydrated(page);
  await expect(page.getByRole('button', { name: 'Copy embed code' })).toBeVisible();
  const table = page.locator('table.vc-gpus');
  await expect(table).toContainText('H100');
  await expect(table.locator('tbody tr')).toHaveCount(11);
});

test('axe: the calculator has no violations, light and dark', async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(url);
    await hydrated(page);
    await expectNoAxeViolations(page);
  }
});
