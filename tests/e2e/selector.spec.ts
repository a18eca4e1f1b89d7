import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import site from '../../site.config.mjs';
import { checkContentDir } from '../../src/astro/content-checks.ts';
import { DEFAULT_INPUT, formatCount } from '../../src/lib/selector/index.ts';

// The method selector: answer the questions for two scenarios, check the recommendation and the
// calculator link, reload from the shared URL, and run axe. Every wait is on a condition.
const url = `${site.base}selector/`;
const result = (page: Page) => page.locator('.ms-result').first();
const titleOf = new Map(checkContentDir(process.cwd(), site.contentDir).cards.map((c) => [c.id, c.data.title]));

async function ready(page: Page) {
  await page.locator('astro-island').first().scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

test('without JS-driven answers, the page shows a build-time answer and the decision table', async ({ page }) => {
  await page.goto(url);
  await expect(result(page)).toHaveAttribute('data-objective', /.+/);
  await expect(page.getByRole('heading', { name: 'The decision table' })).toBeVisible();
});

test('scenario: base 8B chat assistant, 3,000 curated pairs, one 24 GB GPU -> SFT with (Q)LoRA', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await ready(page);
  await page.getByLabel('Instruction following from a base model').check();
  await page.getByLabel('Demonstrations (prompt → good answer)').check();
  await page.getByLabel('How many examples, pairs or labels?').fill('3000');
  await page.getByLabel('Curated: checked, consistent').check();
  await page.getByLabel('No, a base model').check();
  await page.getByLabel('Model', { exact: true }).selectOption('llama-3.1-8b');
  await page.getByLabel('GPU', { exact: true }).selectOption('rtx-4090');
  await page.getByLabel('Number of GPUs').fill('1');
  const r = result(page);
  await expect(r).toHaveAttribute('data-objective', 'sft');
  await expect(r).toHaveAttribute('data-strategy', /^(lora|qlora)$/);
  await expect(r).toContainText(/Supervised fine-tuning \(SFT\) with (Q?LoRA)/);
  const link = page.getByRole('link', { name: 'Plan this run in the VRAM calculator' });
  const href = (await link.getAttribute('href')) ?? '';
  expect(href).toContain(`${site.base}calculator/?`);
  expect(href).toMatch(/#plan$/);
  const q = new URL(href, 'http://x').searchParams;
  expect(q.get('model')).toBe('llama-3.1-8b');
  expect(q.get('seq')).toBe('2048');
  expect(q.get('gpu')).toBe('rtx-4090');
  expect(q.get('method')).toBe(await r.getAttribute('data-strategy'));
  // The URL now carries the answers; reloading it gives the same answer.
  await expect(page).toHaveURL(/goal=chat/);
  const shared = page.url();
  const before = await r.getAttribute('data-strategy');
  await page.goto(shared);
  await ready(page);
  await expect(result(page)).toHaveAttribute('data-objective', 'sft');
  await expect(result(page)).toHaveAttribute('data-strategy', before ?? '');
  await expect(page.getByLabel('No, a base model')).toBeChecked();
  expect(errors).toEqual([]);
});

test('scenario: 70B on one 24 GB GPU does not fit; preferences on an SFT model -> DPO', async ({ page }) => {
  await page.goto(
    `${url}?goal=chat&data=demonstrations&examples=3000&quality=curated&eval=yes&sft=no&model=llama-3.1-70b&gpu=rtx-4090&gpus=1&preserve=medium`,
  );
  await ready(page);
  const r = result(page);
  await expect(r).toHaveAttribute('data-strategy', 'does-not-fit');
  await expect(r).toHaveAttribute('data-prerequisites', '');
  await expect(page.locator('.ms-answer')).toContainText('more GPUs');
  await page.getByLabel('Preference or value alignment').check();
  await page.getByLabel('Preference pairs (chosen vs rejected)').check();
  await page.getByLabel('How many examples, pairs or labels?').fill('10000');
  await page.getByLabel('Yes (a chat or instruct model)').check();
  await page.getByLabel('Model', { exact: true }).selectOption('mistral-7b');
  await page.getByLabel('GPU', { exact: true }).selectOption('a100-80gb');
  await expect(r).toHaveAttribute('data-objective', 'dpo');
  await expect(r).toHaveAttribute('data-strategy', 'lora');
  await expect(r).toContainText('DPO with LoRA');
  await page.getByLabel('No, a base model').check();
  await expect(r).toHaveAttribute('data-objective', 'orpo');
  await page.getByLabel('No, not yet').check();
  await expect(r).toHaveAttribute('data-prerequisites', 'eval-set');
});

test('bad URL values are ignored with a visible notice', async ({ page }) => {
  await page.goto(`${url}?goal=world-peace&gpus=0&foo=1&data=few`);
  await ready(page);
  const notice = page.getByRole('status');
  await expect(notice).toContainText('world-peace');
  await expect(notice).toContainText('Unknown parameter "foo"');
  await expect(result(page)).toHaveAttribute('data-objective', 'prompting');
});

test('keyboard: the form is reachable and radios change the answer', async ({ page }) => {
  await page.goto(url);
  await ready(page);
  await page.getByLabel('Fresh or private facts that change').focus();
  await page.keyboard.press('Space');
  await expect(result(page)).toHaveAttribute('data-objective', 'rag');
});

test('axe reports no violations on the selector page', async ({ page }) => {
  await page.goto(url);
  await ready(page);
  await page.getByLabel('Preference pairs (chosen vs rejected)').check();
  await expect(result(page)).toHaveAttribute('data-objective', /dpo|orpo|rlhf-ppo/);
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('a count from the URL shows in its field, as the reader would write it', async ({ page }) => {
  await page.goto(`${url}?goal=task&data=demonstrations&examples=5000`);
  await ready(page);
  await expect(page.getByLabel('How many examples, pairs or labels?')).toHaveValue('5,000');
  await page.getByLabel('A raw domain corpus').check();
  await expect(page.getByLabel('Corpus size in tokens')).toHaveValue(formatCount(DEFAULT_INPUT.tokens));
});

test('on a card the selector keeps the page URL, and its links read as the cards they open', async ({ page }) => {
  const card = `${site.base}cards/fine-tuning-strategy/`;
  await page.goto(card);
  await ready(page);
  await page.getByLabel('Preference or value alignment').check();
  await page.getByLabel('Preference pairs (chosen vs rejected)').check();
  await expect(result(page)).toHaveAttribute('data-objective', 'dpo');
  const links = page.locator('.ms-cards a');
  await expect(links.filter({ hasText: titleOf.get('dpo') ?? 'the dpo card' })).toHaveAttribute(
    'href',
    `${site.base}cards/dpo/`,
  );
  for (const a of await links.all()) {
    const id = /\/cards\/([^/]+)\/$/.exec((await a.getAttribute('href')) ?? '')?.[1] ?? '';
    await expect(a).toHaveText(titleOf.get(id) ?? `a title for ${id}`);
  }
  expect(new URL(page.url()).search).toBe('');
});

test('question legends that wrap stay inside their box at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(url);
  await ready(page);
  const groups = await page.locator('.ms-group').evaluateAll((els) =>
    els.map((el) => {
      const legend = el.querySelector('legend') as HTMLElement;
      const s = getComputedStyle(el);
      const lines = Math.round(
        legend.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(legend).lineHeight),
      );
      return {
        legend: legend.textContent,
        lines,
        inside: legend.getBoundingClientRect().top - el.getBoundingClientRect().top,
        edge: Number.parseFloat(s.borderTopWidth) + Number.parseFloat(s.paddingTop),
      };
    }),
  );
  expect(groups.some((g) => g.lines > 1)).toBe(true);
  for (const g of groups) expect(g.inside, `${g.legend}`).toBeGreaterThanOrEqual(g.edge - 0.5);
});

test('numeric columns of the decision table end where their headers end', async ({ page }) => {
  await page.goto(url);
  const columns = await page.locator('.selector-table table').evaluateAll((tables) =>
    tables.flatMap((table) => {
      const heads = [...table.querySelectorAll('thead th')];
      const right = (el: Element) => {
        const r = document.createRange();
        r.selectNodeContents(el);
        return r.getBoundingClientRect().right;
      };
      return heads
        .map((th, i) => ({ th, i }))
        .filter(({ th }) => /^(#|Per-GPU estimate)$/.test(th.textContent ?? ''))
        .map(({ th, i }) => ({
          head: th.textContent,
          offsets: [...table.querySelectorAll(`tbody tr > :nth-child(${i + 1})`)].map((td) => right(th) - right(td)),
        }));
    }),
  );
  expect(columns.map((c) => c.head)).toEqual(['#', 'Per-GPU estimate']);
  for (const c of columns) for (const o of c.offsets) expect(Math.abs(o), `${c.head}`).toBeLessThan(1.5);
});
