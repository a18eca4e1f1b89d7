import { expect, type Page, test } from '@playwright/test';
import site from '../../site.config.mjs';
import { expectNoAxeViolations } from '../support/axe.ts';

// The calculator's trainer choice (src/client/islands/calculator/TrainerFields.tsx): its fields appear for the
// trainers they apply to, the result shows the per-model breakdown, the state lives in the URL.
const url = `${site.base}calculator/`;
const total = (page: Page) => page.locator('.vc-total').first();
const models = (page: Page) => page.locator('.vc-models');
const gb = async (page: Page) =>
  Number(/([\d,.]+) GB/.exec((await total(page).textContent()) ?? '')?.[1]?.replace(/,/g, ''));

async function hydrated(page: Page) {
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

test('DPO adds a reference forward; the breakdown by model appears and the link restores it', async ({ page }) => {
  await page.goto(`${url}?method=lora&seq=1024`);
  await hydrated(page);
  await expect(total(page)).toContainText(/\d+(\.\d+)? GB/);
  const sft = await gb(page);
  await expect(models(page)).toHaveCount(0);
  // SFT shows only the trainer list: the DPO/GRPO-only fields are hidden
  await expect(page.getByLabel('Generations per prompt')).toHaveCount(0);
  await expect(page.getByLabel('Reference', { exact: true })).toHaveCount(0);
  await page.getByLabel('Trainer').selectOption('dpo');
  await expect(page).toHaveURL(/[?&]trainer=dpo/);
  await expect(models(page)).toContainText('2 sequences of 1,024 tokens per step');
  await expect(models(page)).toContainText('Reference model');
  await expect(page.getByLabel('Reference', { exact: true })).toBeVisible();
  expect(await gb(page)).toBeGreaterThan(sft);
  const dpo = await total(page).textContent();
  await page.reload();
  await hydrated(page);
  await expect(page.getByLabel('Trainer')).toHaveValue('dpo');
  await expect(total(page)).toHaveText(dpo ?? '');
  // precomputed reference log-probs: no reference row any more, and less memory
  await page.getByLabel('Reference', { exact: true }).selectOption('precomputed');
  await expect(models(page)).not.toContainText('Reference model');
  expect(await gb(page)).toBeLessThan(Number(/([\d,.]+) GB/.exec(dpo ?? '')?.[1]));
});

test('GRPO: more generations need more memory, a bad G is marked, and vLLM’s share shows for the chosen GPU', async ({
  page,
}) => {
  await page.goto(`${url}?method=lora&seq=1024&trainer=grpo&gpu=h100-80gb`);
  await hydrated(page);
  const g = page.getByLabel('Generations per prompt');
  await expect(g).toHaveValue('8');
  await expect(models(page)).toContainText('8 sequences of 1,536 tokens per step');
  const at8 = await gb(page);
  await g.fill('16');
  await expect(models(page)).toContainText('16 sequences of 1,536 tokens per step');
  expect(await gb(page)).toBeGreaterThan(at8);
  await g.fill('1');
  await expect(g).toHaveAttribute('aria-invalid', 'true');
  await expect(total(page)).toContainText('No estimate until you fix Generations per prompt');
  await expect(page.locator('main')).not.toContainText('NaN');
  await g.fill('4');
  await page.getByLabel('Colocated vLLM share (%)').fill('30');
  await expect(models(page)).toContainText('Colocated vLLM (30% of the GPU)');
  await expect(models(page)).toContainText('25.7 GB');
  await expect(page).toHaveURL(/vllm-share=30/);
  // the share counts in the fit: 95% leaves too little for training
  await page.getByLabel('Colocated vLLM share (%)').fill('95');
  await expect(total(page)).toContainText('does not fit');
});

test('keyboard: Tab reaches the trainer list and arrow keys change the trainer', async ({ page }) => {
  await page.goto(`${url}?method=lora`);
  await hydrated(page);
  await page.getByLabel('Trainer').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Trainer')).toHaveValue('dpo');
  await expect(models(page)).toContainText('Reference model');
});

for (const width of [390, 1280] as const) {
  test(`axe: the GRPO state at ${width} px has no violations, light and dark, no sideways scroll`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.setViewportSize({ width, height: 900 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${url}?method=lora&trainer=grpo&kl-penalty=1&vllm-share=30&gpu=h100-80gb`);
      await hydrated(page);
      await expect(models(page)).toBeVisible();
      await expectNoAxeViolations(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
    }
  });
}
