import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { makeCounter } from '../../src/lib/data/count.ts';
import { examplesOf } from '../../src/lib/data/format.ts';
import { parseJsonl } from '../../src/lib/data/jsonl.ts';
import { lengthStats } from '../../src/lib/data/stats.ts';
import { HUB_URL } from '../../src/lib/memory/hub.ts';
import site from '../../site.config.mjs';
import { expectNoAxeViolations } from '../support/axe.ts';
import { CHROMIUM_ARGS, resolveChromium } from '../support/chromium.ts';
import { CDN_TOKENIZER, HUB_HEADERS, hubAnswer, OFF_CDN_TOKENIZER, TINY_TOKENIZER } from '../support/fixture-hub.ts';

// A request the fixture Hub redirects is not routed again (Playwright fulfils the first request only), so the Hub's
// CDN and the other host resolve nowhere: a redirect the CSP allows fails as a DNS error, one it refuses is reported
// as a CSP violation, and neither can reach the network.
test.use({
  launchOptions: {
    executablePath: await resolveChromium(),
    args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP *.hf.co ~NOTFOUND, MAP files.example.com ~NOTFOUND'],
  },
});

// The calculator's "Measure your data" panel against the fixture Hub (tests/support/fixture-hub.ts): page.route
// answers the Hub and its CDN host, so nothing here uses the network, and a request the page's CSP refuses never
// reaches a route (it reads as offline). The tiny BPE tokenizer stands in for Qwen3's; the expected figures are
// written out, and checked against src/lib/data on the same files.
const url = `${site.base}calculator/`;
const SAMPLE = 'tests/fixtures/data/chat.jsonl';
const OFFLINE = 'fixture/offline';

function libStats(seq: number) {
  const c = makeCounter({
    tokenizer: JSON.parse(TINY_TOKENIZER['tokenizer.json']),
    config: JSON.parse(TINY_TOKENIZER['tokenizer_config.json']),
  });
  if (typeof c === 'string') throw new Error(c);
  const lengths = examplesOf(parseJsonl(readFileSync(SAMPLE, 'utf8')).rows).examples.map(
    ({ example }) => c.count(example) as number,
  );
  return lengthStats(lengths, seq);
}

interface Seen {
  hub: string[];
  /** the requests the browser sent to the CDN, and what the console said about the page's CSP */
  cdn: string[];
  csp: string[];
  /** every request the page made, with its body */
  all: { url: string; body: string | null }[];
}

async function open(page: Page, query = '?model=qwen3-8b'): Promise<Seen> {
  const seen: Seen = { hub: [], cdn: [], csp: [], all: [] };
  page.on('request', (r) => {
    seen.all.push({ url: r.url(), body: r.postData() });
    if (r.url().startsWith(new URL(CDN_TOKENIZER).origin)) seen.cdn.push(r.url());
  });
  page.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) seen.csp.push(m.text());
  });
  await page.route(`${HUB_URL}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    seen.hub.push(path);
    if (path.startsWith(`/${OFFLINE}/`)) return route.abort('internetdisconnected');
    const a = hubAnswer(path);
    const headers = a.location ? { ...HUB_HEADERS, location: a.location } : HUB_HEADERS;
    return route.fulfill({ status: a.status, headers, body: a.body });
  });
  await page.goto(`${url}${query}`);
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await page.getByText('Measure your data').click();
  await expect(page.getByLabel('Tokenizer of (Hub model id)')).toBeVisible();
  return seen;
}

const sample = (page: Page) => page.getByLabel('Your JSONL sample: choose or drop it here');
const hubField = (page: Page) => page.getByLabel('Tokenizer of (Hub model id)');
const describedBy = async (page: Page, field: ReturnType<Page['getByLabel']>) =>
  page.locator(`[id="${await field.getAttribute('aria-describedby')}"]`);
const cell = (page: Page, row: string) =>
  page
    .locator('.vc-data tr')
    .filter({ has: page.getByRole('rowheader', { name: row, exact: true }) })
    .locator('td');
const fetchTok = async (page: Page, id: string) => {
  await hubField(page).fill(id);
  await page.getByRole('button', { name: 'Fetch tokenizer' }).click();
};

test("a JSONL sample is counted with the preset's tokenizer: exact lengths, packing, and every bad line", async ({
  page,
}) => {
  const seen = await open(page);
  await expect(hubField(page)).toHaveValue('Qwen/Qwen3-8B');
  await sample(page).setInputFiles(SAMPLE);
  await expect(await describedBy(page, sample(page))).toHaveText(
    'Counted 20 conversational (messages) examples of chat.jsonl with Qwen/Qwen3-8B’s tokenizer.',
  );
  const s = libStats(2048);
  expect([s.count, s.p50, s.p95, s.max, s.total, s.packedSequences]).toEqual([20, 81, 123, 144, 1681, 1]);
  await expect(page.locator('.vc-data caption')).toHaveText(
    'Token lengths of chat.jsonl (Qwen/Qwen3-8B’s tokenizer) at sequence length 2,048',
  );
  await expect(cell(page, 'Examples')).toHaveText('20');
  await expect(cell(page, 'Median (p50)')).toHaveText('81');
  await expect(cell(page, '95th percentile (p95)')).toHaveText('123');
  await expect(cell(page, 'Longest')).toHaveText('144');
  await expect(cell(page, 'Total tokens')).toHaveText('1,681');
  await expect(cell(page, 'Longer than 2,048')).toHaveText('0 examples, 0 tokens cut');
  await expect(cell(page, 'Packed (TRL “bfd”)')).toHaveText('1 sequence, 82.1% full');
  await expect(cell(page, 'Padded to 2,048')).toHaveText('4.1% full');
  await expect(page.locator('.vc-data-errors li')).toHaveText([
    'line 13: not valid JSON',
    'line 16: "messages"[0] has no "role" string',
  ]);
  // Only the tokenizer's files were asked for (the config has the chat template, so no chat_template.jinja).
  expect(seen.hub).toEqual([
    '/Qwen/Qwen3-8B/resolve/main/tokenizer_config.json',
    '/Qwen/Qwen3-8B/resolve/main/tokenizer.json',
  ]);
  // Nothing of the file left the page: no request has a body, or any of its text in its URL.
  const marker = 'unterminated';
  expect(readFileSync(SAMPLE, 'utf8')).toContain(marker);
  expect(seen.all.filter((r) => r.body !== null || r.url.includes(marker) || r.url.includes('chat.jsonl'))).toEqual([]);
});

test('the apply buttons set the sequence length and the time estimate’s tokens, and the figures follow seq', async ({
  page,
}) => {
  await open(page);
  await sample(page).setInputFiles(SAMPLE);
  await expect(cell(page, 'Examples')).toHaveText('20');
  await page.getByRole('button', { name: 'Use p95 as sequence length (123)' }).click();
  await expect(page.getByLabel('Sequence length')).toHaveValue('123');
  await expect(page).toHaveURL(/[?&]seq=123(&|$)/);
  const s = libStats(123);
  expect([s.truncatedExamples, s.truncatedTokens, s.kept, s.packedSequences]).toEqual([1, 21, 1660, 16]);
  await expect(cell(page, 'Longer than 123')).toHaveText('1 example, 21 tokens cut');
  await expect(cell(page, 'Packed (TRL “bfd”)')).toHaveText('16 sequences, 84.3% full');
  // The time estimate: the mean an example keeps at 123 (1,660 / 20 = 83) × the examples, the sample's 20 until the
  // reader gives the data set's size.
  await page.getByRole('button', { name: 'Use 83 tokens per example for the time estimate' }).click();
  await expect(page.getByLabel('Mean tokens per example')).toHaveValue('83');
  await expect(page.getByLabel('Examples', { exact: true })).toHaveValue('20');
  await expect(page.getByLabel('Dataset tokens')).toHaveValue('0');
  await expect(page).toHaveURL(/[?&]example-tokens=83(&|$)/);
  const note = page.locator('.vc-data-apply + .vc-note');
  await expect(note).toHaveText('The mean an example keeps at 123; the estimate multiplies it by Examples above (20).');
  await page.getByLabel('Examples', { exact: true }).fill('52002');
  await expect(note).toHaveText(
    'The mean an example keeps at 123; the estimate multiplies it by Examples above (52,002).',
  );
});

test('the default model (Llama 3.1, gated) says so, and its files can be chosen instead', async ({ page }) => {
  const seen = await open(page, '');
  await expect(hubField(page)).toHaveValue('meta-llama/Llama-3.1-8B');
  await sample(page).setInputFiles(SAMPLE);
  const msg = await describedBy(page, hubField(page));
  await expect(msg).toHaveText(
    'meta-llama/Llama-3.1-8B is gated or private: the Hub gives its tokenizer only to signed-in users who accepted its terms, and this page never signs in. To measure with it, download tokenizer.json and tokenizer_config.json from its page and choose them below.',
  );
  await expect(hubField(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(await describedBy(page, sample(page))).toHaveText(
    'chat.jsonl is not counted yet: its tokenizer did not load.',
  );
  expect(seen.hub).toEqual(['/meta-llama/Llama-3.1-8B/resolve/main/tokenizer_config.json']);
  await page
    .getByLabel('Or choose its tokenizer.json and tokenizer_config.json')
    .setInputFiles([
      'tests/fixtures/tokenizers/tiny-bpe/tokenizer.json',
      'tests/fixtures/tokenizers/tiny-bpe/tokenizer_config.json',
    ]);
  await expect(msg).toHaveText('Tokenizer of the chosen tokenizer.json loaded, with its chat template.');
  await sample(page).setInputFiles(SAMPLE);
  await expect(cell(page, 'Total tokens')).toHaveText('1,681');
});

test('offline and a missing model each say why', async ({ page }) => {
  await open(page);
  await fetchTok(page, OFFLINE);
  const msg = await describedBy(page, hubField(page));
  await expect(msg).toHaveText(
    'The Hub did not answer for fixture/offline’s tokenizer_config.json (offline, or the connection was blocked): download tokenizer.json and tokenizer_config.json from its page and choose them below.',
  );
  await fetchTok(page, 'nobody/no-such-model');
  await expect(msg).toHaveText(
    'The Hub has no tokenizer_config.json for nobody/no-such-model on its main branch: check the id (owner/name, as on the model page).',
  );
});

test('the CSP lets a tokenizer.json redirect to the Hub’s CDN, and refuses one to another host', async ({ page }) => {
  const seen = await open(page);
  const msg = await describedBy(page, hubField(page));
  await fetchTok(page, 'fixture/lfs');
  await expect(msg).toContainText('The Hub did not answer for fixture/lfs’s tokenizer.json');
  // The browser followed the redirect to the CDN (which resolves nowhere here): the CSP let it.
  expect(seen.cdn).toEqual([CDN_TOKENIZER]);
  expect(seen.csp).toEqual([]);
  await fetchTok(page, 'fixture/elsewhere');
  await expect(msg).toContainText('The Hub did not answer for fixture/elsewhere’s tokenizer.json');
  expect(seen.csp).toHaveLength(1);
  expect(seen.csp[0]).toContain(`Connecting to '${OFF_CDN_TOKENIZER}' violates`);
});

test('a model without a chat template is counted as ChatML, and says so; a dropped sample is counted', async ({
  page,
}) => {
  await open(page);
  await fetchTok(page, 'fixture/no-template');
  await expect(await describedBy(page, hubField(page))).toContainText(
    'It has no chat template: messages are counted as ChatML',
  );
  const drop = await page.evaluateHandle(
    (text) => {
      const d = new DataTransfer();
      d.items.add(new File([text], 'dropped.jsonl', { type: 'application/jsonl' }));
      return d;
    },
    readFileSync(SAMPLE, 'utf8'),
  );
  await page.locator('.vc-drop').dispatchEvent('drop', { dataTransfer: drop });
  await expect(page.locator('.vc-data caption')).toHaveText(
    'Token lengths of dropped.jsonl (fixture/no-template’s tokenizer, ChatML for the messages) at sequence length 2,048',
  );
  // The fallback writes no BOS: one token less per example than the fixture's own template.
  await expect(cell(page, 'Total tokens')).toHaveText('1,661');
});

test('keyboard only: open the panel, reach the id, its fetch and the file fields in order', async ({ page }) => {
  await open(page);
  await page.locator('.vc-source summary', { hasText: 'Measure your data' }).focus();
  await page.keyboard.press('Tab');
  await expect(hubField(page)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Fetch tokenizer' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(await describedBy(page, hubField(page))).toHaveText(
    'Tokenizer of Qwen/Qwen3-8B loaded, with its chat template.',
  );
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Or choose its tokenizer.json and tokenizer_config.json')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(sample(page)).toBeFocused();
});

test('axe: the open panel with results has no violations, light and dark', async ({ page }) => {
  test.setTimeout(60_000);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await open(page);
    await sample(page).setInputFiles(SAMPLE);
    await expect(cell(page, 'Examples')).toHaveText('20');
    await expectNoAxeViolations(page);
  }
});

test('the embed offers no data panel', async ({ page }) => {
  await page.goto(`${site.base}embed/calculator/`);
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await expect(page.getByText('Measure your data')).toHaveCount(0);
});
