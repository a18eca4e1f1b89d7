import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { fetchHubConfig, HUB_URL } from '../../src/lib/memory/hub.ts';
import site from '../../site.config.mjs';
import { expectNoAxeViolations } from '../support/axe.ts';
import { HUB_HEADERS, hubAnswer } from '../support/fixture-hub.ts';

// The calculator's "Use any Hugging Face model" panel. The Hub is the fixture Hub (tests/support/fixture-hub.ts):
// page.route answers the browser's requests to HUB_URL, so nothing here uses the network, and a request the page's
// CSP refused would never reach the route (it would read as offline). Expected messages come from hub.ts itself.
const url = `${site.base}calculator/`;
const total = (page: Page) => page.locator('.vc-total').first();
/** An id the route aborts, as when the browser is offline. */
const OFFLINE = 'fixture/offline';
const fixture = (name: string) => readFileSync(`tests/fixtures/hf-configs/${name}.json`, 'utf8');

/** What hub.ts answers for an id from the fixture Hub: the message the page must show. */
async function expected(id: string): Promise<string> {
  const r = await fetchHubConfig(HUB_URL, id, async (u) => {
    if (id === OFFLINE) throw new TypeError('Failed to fetch');
    const a = hubAnswer(new URL(u).pathname);
    return { ok: a.status < 300, status: a.status, text: async () => a.body };
  });
  if (r.ok) throw new Error(`${id} loads`);
  return r.message;
}

async function open(page: Page, query = '') {
  const hub: string[] = [];
  await page.route(`${HUB_URL}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    hub.push(path);
    if (path.startsWith(`/${OFFLINE}/`)) return route.abort('internetdisconnected');
    const a = hubAnswer(path);
    return route.fulfill({ status: a.status, headers: HUB_HEADERS, body: a.body });
  });
  await page.goto(`${url}${query}`);
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await page.getByText('Use any Hugging Face model').click();
  await expect(page.getByLabel('Hub model id')).toBeVisible();
  return hub;
}

const fetchId = async (page: Page, id: string) => {
  await page.getByLabel('Hub model id').fill(id);
  await page.getByRole('button', { name: 'Fetch config' }).click();
};
const hubStatus = (page: Page) => page.locator('.vc-source-body [role="status"]').first();

test('a Hub id loads the model: model=custom with its architecture, in the URL and the estimate', async ({ page }) => {
  const hub = await open(page);
  const before = await total(page).textContent();
  await fetchId(page, 'Qwen/Qwen3-8B');
  await expect(hubStatus(page)).toHaveText('Loaded Qwen/Qwen3-8B (qwen3, 8.19 B parameters)');
  expect(hub).toEqual(['/Qwen/Qwen3-8B/resolve/main/config.json']);
  await expect(page.getByLabel('Model', { exact: true })).toHaveValue('custom');
  await expect(page.getByLabel('Hidden size')).toHaveValue('4096');
  await expect(page.locator('.vc-result')).toContainText('8,190,735,360 parameters');
  await expect(total(page)).not.toHaveText(before ?? '');
  await expect(page).toHaveURL(/[?&]model=custom(&|$)/);
  await expect(page).toHaveURL(/[?&]layers=36(&|$)/);
  // A reload restores the model from the URL, without asking the Hub again.
  const after = await total(page).textContent();
  await page.reload();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await expect(page.locator('.vc-result')).toContainText('8,190,735,360 parameters');
  await expect(total(page)).toHaveText(after ?? '');
  expect(hub).toHaveLength(1);
});

for (const [name, id] of [
  ['gated', 'meta-llama/Llama-3.1-8B'],
  ['unknown', 'nobody/no-such-model'],
  ['malformed', 'fixture/broken'],
  ['unsupported', 'tiiuae/falcon-7b'],
  ['offline', OFFLINE],
] as const) {
  test(`the ${name} answer (${id}) shows its message next to the field and keeps the estimate`, async ({ page }) => {
    await open(page);
    const before = await total(page).textContent();
    const address = page.url();
    await fetchId(page, id);
    const field = page.getByLabel('Hub model id');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    const message = page.locator(`[id="${await field.getAttribute('aria-describedby')}"]`);
    await expect(message).toHaveText(await expected(id));
    if (name === 'malformed') await expect(message).toContainText('line 4');
    if (name === 'unsupported') await expect(message).toContainText('falcon');
    await expect(total(page)).toHaveText(before ?? '');
    expect(page.url()).toBe(address);
    await expect(page.getByLabel('Model', { exact: true })).not.toHaveValue('custom');
  });
}

test('a pasted config loads, with the active parameters of an MoE model', async ({ page }) => {
  const hub = await open(page);
  await page.getByLabel('Or paste its config.json').fill(fixture('qwen3-30b-a3b'));
  await page.getByRole('button', { name: 'Read pasted config' }).click();
  await expect(page.locator('.vc-source-body [role="status"]').nth(1)).toHaveText(
    'Loaded the pasted config (qwen3_moe, 30.5 B parameters, 3.35 B active)',
  );
  await expect(page.getByLabel('Model', { exact: true })).toHaveValue('custom');
  await expect(page).toHaveURL(/[?&]experts=128(&|$)/);
  expect(hub).toEqual([]);
});

test('a pasted config that is not JSON is refused with its line, and the estimate stays', async ({ page }) => {
  await open(page);
  const before = await total(page).textContent();
  const paste = page.getByLabel('Or paste its config.json');
  await paste.fill('{\n  "model_type": "qwen3",\n  "hidden_size": 4096,\n}\n');
  await page.getByRole('button', { name: 'Read pasted config' }).click();
  await expect(paste).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(`[id="${await paste.getAttribute('aria-describedby')}"]`)).toContainText('line 4');
  await expect(total(page)).toHaveText(before ?? '');
});

test('a chosen file and a dropped file load', async ({ page }) => {
  await open(page);
  await page.getByLabel('Or choose or drop the file').setInputFiles('tests/fixtures/hf-configs/gemma-3-12b.json');
  const status = page.locator('.vc-source-body [role="status"]').nth(2);
  await expect(status.locator('p').first()).toHaveText('Loaded gemma-3-12b.json (gemma3, 11.8 B parameters)');
  // What the parser assumed or left out (the vision tower, Gemma3TextConfig's defaults) is said under it.
  const notes = status.locator('p.vc-note');
  await expect(notes).toHaveCount(2);
  await expect(notes.first()).toContainText('the SigLIP vision tower and projector');
  const drop = await page.evaluateHandle((text) => {
    const d = new DataTransfer();
    d.items.add(new File([text], 'config.json', { type: 'application/json' }));
    return d;
  }, fixture('qwen3-8b'));
  await page.locator('.vc-source-body').dispatchEvent('drop', { dataTransfer: drop });
  await expect(page.locator('.vc-source-body [role="status"]').nth(2)).toHaveText(
    'Loaded config.json (qwen3, 8.19 B parameters)',
  );
  await expect(page.getByLabel('Hidden size')).toHaveValue('4096');
});

test('keyboard only: open the panel, type an id, Enter fetches', async ({ page }) => {
  await page.route(`${HUB_URL}/**`, (route) => {
    const a = hubAnswer(new URL(route.request().url()).pathname);
    return route.fulfill({ status: a.status, headers: HUB_HEADERS, body: a.body });
  });
  await page.goto(url);
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await page.getByLabel('Model', { exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('.vc-source summary', { hasText: 'Use any Hugging Face model' })).toBeFocused();
  await page.keyboard.press('Enter');
  // The panel loads when opened; its first field then takes the next Tab.
  await expect(page.getByLabel('Hub model id')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Hub model id')).toBeFocused();
  await page.keyboard.type('Qwen/Qwen3-8B');
  await page.keyboard.press('Enter');
  await expect(hubStatus(page)).toHaveText('Loaded Qwen/Qwen3-8B (qwen3, 8.19 B parameters)');
});

test('axe: the open panel with a loaded model and with an error has no violations, light and dark', async ({
  page,
}) => {
  test.setTimeout(60_000);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await open(page);
    await fetchId(page, 'Qwen/Qwen3-8B');
    await expect(hubStatus(page)).toContainText('Loaded');
    await expectNoAxeViolations(page);
    await fetchId(page, 'meta-llama/Llama-3.1-8B');
    await expect(hubStatus(page)).toContainText('gated');
    await expectNoAxeViolations(page);
  }
});

test('the embed offers no Hub fetch', async ({ page }) => {
  await page.goto(`${site.base}embed/calculator/`);
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await expect(page.getByText('Use any Hugging Face model')).toHaveCount(0);
});
