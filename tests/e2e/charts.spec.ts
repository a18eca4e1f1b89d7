import { expect, type Page, test } from '@playwright/test';
import site from '../../site.config.mjs';
import { expectNoAxeViolations } from '../support/axe.ts';

// The calculator's charts (calculator/Charts.tsx): they come with the memory model, on the reader's first focus or
// pointer, for the state shown; their tables list the figures the estimate gives at each point.
const url = `${site.base}calculator/`;
const total = (page: Page) => page.locator('.vc-total strong').first();
const seqChart = (page: Page) => page.locator('.vc-chart', { hasText: 'against the sequence length' });
const batchChart = (page: Page) => page.locator('.vc-chart', { hasText: 'against the micro-batch' });

async function withCharts(page: Page, path = url) {
  await page.goto(path);
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await page.locator('.vc').first().hover();
  await expect(page.locator('.vc-chart svg[role="img"]')).toHaveCount(3);
}

/** The peak the chart's table gives for one value of its axis. */
async function row(chart: ReturnType<typeof seqChart>, value: string) {
  return chart
    .locator('tbody tr', { has: chart.page().locator(`th:text-is("${value}")`) })
    .locator('td')
    .first();
}

test('the default state shows both sweeps and the phases, the current point being the total', async ({ page }) => {
  await withCharts(page);
  const shown = (await total(page).textContent()) ?? '';
  expect(shown).toMatch(/^\d+\.\d+ GB$/);
  // The form's labels still name their fields alone.
  await expect(page.getByLabel('Sequence length')).toHaveCount(1);
  await expect(page.getByLabel('Micro-batch')).toHaveCount(1);
  for (const chart of [seqChart(page), batchChart(page)]) {
    await expect(chart.locator('svg')).toHaveAttribute('aria-label', new RegExp(`needs ${shown.replace('.', '\\.')}`));
    await expect(chart.locator('.vc-ch-mark-t')).toHaveText(shown);
    await expect(chart.locator('.vc-ch-limit')).toHaveCount(1);
    await expect(chart.locator('.vc-ch-limit-t')).toContainText('GB usable');
    await expect(chart.locator('tr.vc-current td').first()).toHaveText(shown);
  }
  // The default run: 2,048 tokens, a micro-batch of 1.
  await expect(seqChart(page).locator('tr.vc-current th')).toHaveText('2,048 (current)');
  await expect(batchChart(page).locator('tr.vc-current th')).toHaveText('1 (current)');
  // The phase chart marks the phase the table marks.
  const peak = (await page.locator('table.vc-phases tr.vc-current th').textContent()) ?? '';
  await expect(page.locator('.vc-ch-peak .vc-ch-tick').first()).toHaveText(peak);
  await expect(page.locator('.vc-chart', { hasText: 'Which phase' }).locator('svg')).toHaveAttribute(
    'aria-label',
    new RegExp(`the peak is at the ${peak.toLowerCase()} phase`),
  );
});

test('the current point moves with the sequence length, and the tables give the estimate at each point', async ({
  page,
}) => {
  await withCharts(page);
  const before = (await total(page).textContent()) ?? '';
  const mark = seqChart(page).locator('.vc-ch-mark');
  const x0 = Number(await mark.getAttribute('cx'));
  const y0 = Number(await mark.getAttribute('cy'));
  const at4096 = (await (await row(seqChart(page), '4,096')).textContent()) ?? '';
  await page.getByLabel('Sequence length').fill('4096');
  await expect(total(page)).not.toHaveText(before);
  // What the chart listed for 4,096 tokens is what the calculator now shows.
  await expect(total(page)).toHaveText(at4096);
  await expect(seqChart(page).locator('tr.vc-current th')).toHaveText('4,096 (current)');
  await expect(await row(seqChart(page), '2,048')).toHaveText(before);
  await expect.poll(async () => Number(await mark.getAttribute('cx'))).toBeGreaterThan(x0);
  expect(Number(await mark.getAttribute('cy'))).toBeLessThan(y0);
  // The same for the micro-batch.
  const at2 = (await (await row(batchChart(page), '2')).textContent()) ?? '';
  await page.getByLabel('Micro-batch').fill('2');
  await expect(total(page)).toHaveText(at2);
  await expect(batchChart(page).locator('tr.vc-current th')).toHaveText('2 (current)');
});

test('GiB: the axis and the tables follow the unit', async ({ page }) => {
  await withCharts(page, `${url}?unit=GiB`);
  await expect(seqChart(page).locator('.vc-ch-unit').first()).toHaveText('GiB per GPU');
  await expect(seqChart(page).locator('tr.vc-current td').first()).toHaveText((await total(page).textContent()) ?? '');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme}, 320 px`, () => {
    test.use({ viewport: { width: 320, height: 700 }, colorScheme });
    test('the charts fit without sideways scroll, their tables open, and axe passes', async ({ page }) => {
      await withCharts(page);
      await seqChart(page).locator('summary').click();
      await expect(seqChart(page).locator('table')).toBeVisible();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
      for (const svg of await page.locator('.vc-chart svg').all()) {
        const box = await svg.boundingBox();
        expect(box?.width ?? 0).toBeLessThanOrEqual(320);
        expect(Number((await svg.getAttribute('viewBox'))?.split(' ')[2])).toBe(Math.round(box?.width ?? 0));
      }
      await expectNoAxeViolations(page);
    });
  });
}

test('a colocated vLLM engine: the line is what it leaves for training', async ({ page }) => {
  await withCharts(page, `${url}?method=lora&trainer=grpo&vllm-share=30&gpu=h100-80gb`);
  await expect(seqChart(page).locator('.vc-ch-limit-t')).toHaveText(/^\d+\.\d GB left beside vLLM$/);
  await expect(seqChart(page).locator('svg')).toHaveAttribute('aria-label', /beside vLLM’s 30%/);
});
