import { expect, type Page, test } from '@playwright/test';
import site from '../../site.config.mjs';
import { PRICE_LIST } from '../../src/lib/cost/gpus.ts';
import { UTILISATION_RUNS } from '../../src/lib/cost/measured.ts';
import { durationText, gpuHoursText, usdText } from '../../src/lib/cost/state.ts';
import { timeView } from '../../src/lib/cost/view.ts';
import { routes } from '../../src/lib/site/routes.ts';
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

// One rule for every input: the field is marked, the result names the fields to fix and shows no number.
const noNumber = async (page: Page) => {
  await expect(total(page)).toContainText('No estimate until you fix');
  await expect(total(page)).not.toContainText(/\d+(\.\d+)? GB/);
  await expect(page.locator('.vc-bar')).toHaveCount(0);
};

for (const [query, label, message] of [
  ['seq=-5', 'Sequence length', 'Sequence length: must be a whole number from 1 to 2,097,152 (got "-5")'],
  ['seq=1.5', 'Sequence length', 'Sequence length: must be a whole number from 1 to 2,097,152 (got "1.5")'],
  ['seq=0', 'Sequence length', 'Sequence length: must be a whole number from 1 to 2,097,152 (got 0)'],
  ['batch=', 'Micro-batch', 'Micro-batch: is empty: enter a whole number from 1 to 65,536'],
  ['model=nope', 'Model', 'Model: unknown model "nope"; choose one from the list'],
  ['gpu=h900', 'GPU', 'GPU: unknown GPU "h900"; choose one from the list'],
] as const) {
  test(`?${query}: the field is marked, the result says what to fix and shows no number`, async ({ page }) => {
    await page.goto(`${url}?${query}`);
    await hydrated(page);
    const field = page.getByLabel(label, { exact: true });
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    const describedBy = await field.getAttribute('aria-describedby');
    await expect(page.locator(`[id="${describedBy}"]`)).toHaveText(message);
    await noNumber(page);
    await expect(total(page)).toContainText(label);
    await expect(page.locator('.vc-errors a')).toHaveText([message]);
    // the message links to its field
    await page.locator('.vc-errors a').click();
    await expect(field).toBeFocused();
  });
}

test('a cleared, lettered or negative field shows no number, not a stale one, and recovers', async ({ page }) => {
  await page.goto(url);
  await hydrated(page);
  const seq = page.getByLabel('Sequence length');
  for (const bad of ['', 'abc', '-3', '1.5']) {
    await seq.fill('4096');
    await expect(total(page)).toContainText(/\d+(\.\d+)? GB/);
    await seq.fill(bad);
    await expect(seq).toHaveAttribute('aria-invalid', 'true');
    await noNumber(page);
  }
  await seq.fill('4096');
  await expect(seq).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\?model=llama-3\.1-8b&method=qlora&seq=4096$/);
});

test('unknown and repeated URL parameters get a notice; the rest of the link applies', async ({ page }) => {
  await page.goto(`${url}?method=lora&utm_source=feed&seq=1024&seq=4096`);
  await hydrated(page);
  const notices = page.locator('.vc-notices');
  await expect(notices).toHaveAttribute('role', 'status');
  await expect(notices.locator('li')).toHaveText([
    'Unknown parameter "utm_source" ignored.',
    'Repeated parameter "seq" ignored; the first value is used.',
  ]);
  await expect(page.getByLabel('Sequence length')).toHaveValue('1024');
  await expect(total(page)).toContainText(/\d+(\.\d+)? GB/);
});

test('changing the rank writes only the rank to the URL, never the custom-architecture fields', async ({ page }) => {
  await page.goto(url);
  await hydrated(page);
  const rank = page.getByLabel('LoRA rank');
  await rank.fill('');
  await noNumber(page);
  await expect(page).not.toHaveURL(/hidden=|layers=|kv-heads=/);
  await rank.fill('16');
  await expect(page).toHaveURL(/\?model=llama-3\.1-8b&method=qlora&rank=16$/);
});

const EVIL = 'x"><script src=https://evil.example/x.js></script><b x="';

for (const name of ['model', 'method'] as const) {
  test(`a crafted ${name}= never reaches the embed code: only table values are copied`, async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`${url}?${new URLSearchParams({ [name]: EVIL })}`);
    await hydrated(page);
    await expect(page.locator('.vc-errors')).toContainText(name === 'model' ? 'Model:' : 'Fine-tuning method:');
    const origin = new URL(page.url()).origin;
    const expected = `<script src="${origin}${site.base}embed.js" data-model="llama-3.1-8b" data-method="qlora" async></script>`;
    await expect(page.locator('.vc-code')).toHaveText(expected);
    await expect(page.locator('.vc-share')).toContainText('The link and the embed code leave out');
    await page.getByRole('button', { name: 'Copy embed code' }).click();
    await expect(page.locator('.vc-share [role="status"]')).toHaveText('Embed code copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    expect(await page.locator('main').innerHTML()).not.toContain('evil.example/x.js"');
  });
}

test('the embed code carries every valid non-default value as a data-* attribute', async ({ page }) => {
  await page.goto(`${url}?model=mistral-7b&method=lora&rank=16&seq=4096&gpu=none&unit=GiB`);
  await hydrated(page);
  await expect(page.locator('.vc-code')).toContainText(
    'data-model="mistral-7b" data-method="lora" data-rank="16" data-seq="4096" data-gpu="none" data-unit="GiB" async>',
  );
});

test('the embed’s “Open in the full calculator” link carries table values only', async ({ page }) => {
  const embed = `${site.base}embed/calculator/`;
  await page.goto(`${embed}?${new URLSearchParams({ model: EVIL, method: 'lora', seq: '4096' })}`);
  await hydrated(page);
  await noNumber(page);
  const link = page.getByRole('link', { name: 'Open in the full calculator' });
  await expect(link).toHaveAttribute('href', `${site.base}calculator/?model=llama-3.1-8b&method=lora&seq=4096`);
  await page.goto(`${embed}?model=llama-2-7b&method=full&gpu=a100-80gb`);
  await hydrated(page);
  await expect(link).toHaveAttribute('href', `${site.base}calculator/?model=llama-2-7b&method=full&gpu=a100-80gb`);
});

test('the fit table states the size each GPU is sold as next to its usable GB and GiB', async ({ page }) => {
  await page.goto(url);
  await hydrated(page);
  const row = page.locator('table.vc-gpus tr', { hasText: 'H100' });
  await expect(row.locator('th')).toHaveText('NVIDIA H100 80GB (80 GB)');
  await expect(row.locator('td')).toHaveText(['85.5', '79.6', 'Yes']);
  await expect(page.locator('table.vc-gpus thead th')).toHaveText([
    'GPU (sold as)',
    'Usable GB',
    'Usable GiB',
    'Fits?',
  ]);
  await expect(total(page)).toContainText('(sold as 24 GB; usable 25.8 GB = 24.0 GiB)');
});

test('lists and text fields share one height; the GPU list shows its whole label at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(url);
  await hydrated(page);
  const heights = await page
    .locator('.vc-field select, .vc-field input')
    .evaluateAll((els) => [...new Set(els.map((e) => Math.round(e.getBoundingClientRect().height)))]);
  expect(heights).toHaveLength(1);
  const gpu = page.getByLabel('GPU', { exact: true });
  const fits = await gpu.evaluate((el: HTMLSelectElement) => {
    const probe = document.createElement('span');
    probe.style.cssText = `font:${getComputedStyle(el).font};white-space:nowrap;position:absolute`;
    probe.textContent = el.selectedOptions[0]?.textContent ?? '';
    document.body.append(probe);
    const text = probe.getBoundingClientRect().width;
    probe.remove();
    return { text, box: el.clientWidth };
  });
  // the text plus padding and the arrow (about 2.5rem) fits the box
  expect(fits.text + 40).toBeLessThanOrEqual(fits.box);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
});

test('axe: an invalid state has no violations, light and dark', async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${url}?seq=-5&model=custom&kv-heads=5&foo=1`);
    await hydrated(page);
    await expect(page.getByLabel('KV heads')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);
  }
});

for (const [path, width] of [
  ['about/memory/', 1280],
  ['about/memory/', 320],
  ['embed/calculator/', 390],
] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe: /${path} at ${width} px has no violations (${scheme}), no sideways scroll`, async ({ page }) => {
      test.setTimeout(60_000); // a long page under axe on a shared machine
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${site.base}${path}`);
      await expectNoAxeViolations(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
    });
  }
}

test('phones: a summary bar keeps the estimate in sight while editing, follows it, and leads to the result', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(url);
  await hydrated(page);
  const bar = page.locator('.vc-peek');
  await expect(bar).toBeVisible();
  const first = (await total(page).locator('strong').textContent()) ?? '';
  await expect(bar).toContainText(first);
  // Editing a field far above the result: the bar shows the new total at once.
  await page.getByRole('radio', { name: 'Full' }).check();
  await expect(total(page).locator('strong')).not.toHaveText(first);
  const now = (await total(page).locator('strong').textContent()) ?? '';
  await expect(bar.locator('strong')).toHaveText(now);
  const box = await bar.boundingBox();
  expect(box && Math.round(box.y + box.height)).toBe(844);
  // The bar leads to the result, and steps aside while the result is on screen.
  await bar.click();
  await expect(page.locator('.vc-result')).toBeInViewport();
  await expect(bar).toBeHidden();
  // Wide screens keep the result beside the form: no bar.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(bar).toBeHidden();
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(bar).toBeHidden();
});

test('make it fit: a 70B LoRA run over one A100 lists its changes, and one click applies one', async ({ page }) => {
  await page.goto(`${url}?model=llama-3.1-70b&method=lora&seq=4096&batch=4&loss=fp32&gpu=a100-80gb`);
  await hydrated(page);
  await expect(total(page)).toContainText('does not fit NVIDIA A100 80GB');
  const fit = page.locator('.vc-fit');
  await expect(fit.getByRole('heading', { name: 'Make it fit the NVIDIA A100 80GB' })).toBeVisible();
  const steps = fit.locator('li');
  await expect(steps).toHaveText([
    /^Turn on gradient checkpointing: [\d.]+ GB not yet Apply$/,
    /^Use the chunked cross-entropy loss: [\d.]+ GB not yet Apply$/,
    /^Use 8-bit AdamW: [\d.]+ GB not yet Apply$/,
    /^Train with QLoRA \(4-bit base weights\): [\d.]+ GB fits Apply$/,
  ]);
  const last = (await steps.nth(3).locator('strong').textContent()) ?? '';
  // Keyboard: the last step's button applies it and every change before it.
  await steps.nth(3).getByRole('button', { name: 'Apply' }).focus();
  await page.keyboard.press('Enter');
  await expect(total(page)).toContainText(`${last} fits NVIDIA A100 80GB`);
  await expect(page.getByRole('radio', { name: 'QLoRA' })).toBeChecked();
  await expect(page.getByLabel('Gradient checkpointing')).toBeChecked();
  await expect(page).toHaveURL(/[?&]method=qlora/);
  await expect(page).toHaveURL(/[?&]optimizer=adamw-8bit/);
  await expect(fit).toHaveCount(0);
});

// Time and cost: the panel shows what the lib computes for the state (src/lib/cost/view.ts), exactly.
const TIME_RUN = { model: 'llama-3.1-8b', method: 'qlora', gpu: 'a100-80gb', tokens: '51200000' };
const expectedTime = (q: Record<string, string>) => {
  const v = timeView(q);
  if (!v.time?.ok || v.time.estimate.costUsd === null) throw new Error('no time for the test run');
  const x = v.time.estimate;
  return { v, x, cost: usdText(x.costUsd as number) };
};

test('time/cost shown for a preset: the lib’s figures, its sources, and the phone bar', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(url);
  await hydrated(page);
  await page.getByLabel('Model', { exact: true }).selectOption('llama-3.1-8b');
  await page.getByLabel('GPU', { exact: true }).selectOption('a100-80gb');
  const price = page.getByLabel('Price (¢/GPU-hour)');
  const hint = page.locator(`[id="${(await price.getAttribute('aria-describedby')) ?? ''}"]`);
  await expect(hint).toHaveText(timeView(TIME_RUN).hints['price-cents'] ?? '');
  await expect(page.locator('.vc-time')).toHaveCount(0);
  await page.getByLabel('Dataset tokens').fill('51200000');
  const { v, x, cost } = expectedTime(TIME_RUN);
  const panel = page.locator('.vc-time');
  await expect(panel.locator('tr')).toHaveText([
    `Tokens/s${Math.round(x.tokensPerSecondPerGpu).toLocaleString('en-US')} per GPU`,
    `Per epoch${durationText(x.secondsPerEpoch)}`,
    `In all (3 epochs)${durationText(x.seconds)}`,
    `GPU-hours${gpuHoursText(x.gpuHours)}`,
    `Cost${cost}`,
  ]);
  expect(cost).toBe('$35.35');
  await expect(panel).toContainText(
    `Utilisation 35.2% of 312 TFLOP/s: the method’s default, measured on ${UTILISATION_RUNS.qlora.label}`,
  );
  await expect(panel.getByRole('link', { name: PRICE_LIST.title })).toHaveAttribute('href', PRICE_LIST.url);
  await expect(panel.getByRole('link', { name: 'How the time is computed' })).toHaveAttribute(
    'href',
    `${site.base}${routes.aboutMemory()}#time-and-cost`,
  );
  await expect(page).toHaveURL(/[?&]tokens=51200000/);
  await expect(page.locator('.vc-peek')).toContainText(`· ${v.summary}`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
});

test('time/cost: examples × mean tokens stand in for the token count, and the panel shows the product', async ({
  page,
}) => {
  const { tokens: _, ...run } = TIME_RUN;
  await page.goto(`${url}?${new URLSearchParams(run)}`);
  await hydrated(page);
  await expect(page.locator('.vc-time')).toHaveCount(0);
  await page.getByLabel('Examples', { exact: true }).fill('25000');
  await expect(page.locator('.vc-time')).toHaveCount(0);
  await page.getByLabel('Mean tokens per example').fill('2048');
  const panel = page.locator('.vc-time');
  await expect(panel).toContainText('25,000 examples × 2,048 tokens = 51,200,000 tokens per epoch.');
  // The same data set as 51.2M tokens: the same cost as the preset's run.
  await expect(panel.locator('tr').last()).toHaveText(`Cost${expectedTime(TIME_RUN).cost}`);
  await expect(page).toHaveURL(/[?&]examples=25000&example-tokens=2048/);
  // A token count, once given, wins.
  await page.getByLabel('Dataset tokens').fill('1000000');
  await expect(panel).toContainText('1,000,000 tokens per epoch.');
  await expect(panel).not.toContainText('examples ×');
});

test('time/cost: mfu=150 marks the field and shows no time; fixing it brings the time back', async ({ page }) => {
  await page.goto(`${url}?${new URLSearchParams({ ...TIME_RUN, mfu: '150' })}`);
  await hydrated(page);
  const mfu = page.getByLabel('Utilisation (MFU, %)');
  await expect(mfu).toHaveAttribute('aria-invalid', 'true');
  const [err] = ((await mfu.getAttribute('aria-describedby')) ?? '').split(' ');
  await expect(page.locator(`[id="${err}"]`)).toHaveText(
    'Utilisation (MFU, %): must be a whole number from 0 to 100 (got 150)',
  );
  await noNumber(page);
  await expect(page.locator('.vc-time')).toHaveCount(0);
  await mfu.fill('40');
  const { cost } = expectedTime({ ...TIME_RUN, mfu: '40' });
  await expect(page.locator('.vc-time')).toContainText(`Cost${cost}`);
  await expect(page.locator('.vc-time')).toContainText('Utilisation 40.0% of 312 TFLOP/s: yours.');
});

test('time/cost: tokens in the URL restore the panel after a reload', async ({ page }) => {
  const q = { ...TIME_RUN, epochs: '2', 'price-cents': '199' };
  await page.goto(`${url}?${new URLSearchParams(q)}`);
  await hydrated(page);
  const { x, cost } = expectedTime(q);
  const panel = page.locator('.vc-time');
  await expect(panel).toContainText(`In all (2 epochs)${durationText(x.seconds)}`);
  await expect(panel).toContainText(`Cost${cost}`);
  await expect(panel).toContainText(`${usdText(1.99)} per GPU-hour: yours.`);
  await expect(page.getByLabel('Dataset tokens')).toHaveValue('51200000');
  await page.getByLabel('Epochs').fill('3');
  await expect(page).toHaveURL(/[?&]tokens=51200000/);
  await page.reload();
  await hydrated(page);
  await expect(panel).toContainText(`Cost${expectedTime({ ...q, epochs: '3' }).cost}`);
});

test('time/cost: DPO counts the reference forward; GRPO says why there is no time', async ({ page }) => {
  await page.goto(`${url}?${new URLSearchParams({ ...TIME_RUN, trainer: 'dpo' })}`);
  await hydrated(page);
  const panel = page.locator('.vc-time');
  await expect(panel).toContainText(`Cost${expectedTime({ ...TIME_RUN, trainer: 'dpo' }).cost}`);
  await expect(panel).toContainText('chosen and rejected sequences both counted');
  await expect(panel).toContainText('forward passes without gradients (reference, KL) 16.1 G');
  await page.getByLabel('Trainer').selectOption('grpo');
  await expect(panel).toContainText('No time estimate: the time estimate does not cover GRPO');
  await expect(panel.locator('table')).toHaveCount(0);
});

test('axe: the time and cost panel has no violations, light and dark', async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${url}?${new URLSearchParams(TIME_RUN)}`);
    await hydrated(page);
    await expect(page.locator('.vc-time table')).toBeVisible();
    await expectNoAxeViolations(page);
  }
});

test('time/cost in the embeds: the full layout has the fields, both layouts the panel', async ({ page }) => {
  const q = new URLSearchParams(TIME_RUN);
  const { cost } = expectedTime(TIME_RUN);
  await page.goto(`${site.base}embed/calculator/full/?${q}`);
  await hydrated(page);
  await expect(page.getByLabel('Dataset tokens')).toHaveValue('51200000');
  await expect(page.locator('.vc-time')).toContainText(`Cost${cost}`);
  // Compact: one folded line with the figures, so the widget stays within its 700 px at 390 px wide (a short
  // viewport, so the page's height is the widget's).
  await page.setViewportSize({ width: 390, height: 300 });
  await page.goto(`${site.base}embed/calculator/?${q}`);
  await hydrated(page);
  const fold = page.locator('summary', { hasText: 'Time and cost:' });
  await expect(fold).toHaveText(`Time and cost: ${timeView(TIME_RUN).summary}`);
  await expect(page.locator('.vc-time')).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(700);
  await fold.click();
  await expect(page.locator('.vc-time')).toContainText(`Cost${cost}`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    await page.evaluate(() => window.innerWidth),
  );
});
