import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { XMLValidator } from 'fast-xml-parser';
import site from '../../site.config.mjs';
import { expectNoAxeViolations } from '../support/axe.ts';

// The calculator's plan tools (issue #13): a starter plan exported in each format (shown, copied, downloaded), a
// pasted config imported into the state, bad input refused, export → import giving back the same URL state.
const url = `${site.base}calculator/`;
const STATE = 'model=qwen2.5-7b&method=lora&rank=32&seq=4096&batch=2&grad-checkpointing=1';
const file = (page: Page) => page.locator('.vc-plan-file');

async function hydrated(page: Page) {
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

/** The URL's state is read once the on-demand memory model arrives; the embed code shows it then. */
async function stateRead(page: Page) {
  await expect(page.locator('.vc-code')).toContainText('data-rank="32"');
}

async function openExport(page: Page, query = STATE, read = 'data-rank="32"') {
  await page.goto(`${url}?${query}`);
  await hydrated(page);
  await expect(page.locator('.vc-code')).toContainText(read);
  await page.getByRole('button', { name: 'Export a starter plan' }).click();
  await expect(file(page)).toBeVisible();
}

async function importText(page: Page, text: string) {
  const open = page.getByRole('button', { name: 'Import a config' });
  if ((await open.getAttribute('aria-expanded')) !== 'true') await open.click();
  await page.getByLabel(/Paste an Axolotl or LLaMA-Factory YAML/).fill(text);
  await page.getByRole('button', { name: 'Apply to the calculator' }).click();
}

const FORMATS = [
  ['TRL + PEFT (Python)', 'train.py', ['r=32,', 'max_length=4096,', 'per_device_train_batch_size=2,', 'SFTTrainer(']],
  [
    'Axolotl (YAML)',
    'axolotl.yaml',
    ['base_model: Qwen/Qwen2.5-7B', 'lora_r: 32', 'sequence_len: 4096', 'micro_batch_size: 2'],
  ],
  [
    'LLaMA-Factory (YAML)',
    'llama-factory.yaml',
    ['lora_rank: 32', 'cutoff_len: 4096', 'per_device_train_batch_size: 2'],
  ],
] as const;

for (const [format, filename, keys] of FORMATS) {
  test(`exports the state as ${format}: shown, copied and downloaded as ${filename}`, async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openExport(page);
    await page.getByRole('radio', { name: format }).check();
    await expect(file(page)).toHaveAccessibleName(filename);
    for (const k of keys) await expect(file(page)).toContainText(k);
    const text = (await file(page).textContent()) ?? '';
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect(page.locator('.vc-plan-export > .vc-plan-actions [role="status"]')).toHaveText(`${filename} copied.`);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Download ${filename}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(filename);
    expect(readFileSync((await download.path()) as string, 'utf8')).toBe(text);
  });
}

test('the plan follows the form, and an invalid input shows no plan', async ({ page }) => {
  await openExport(page);
  await page.getByRole('radio', { name: 'Axolotl (YAML)' }).check();
  await page.getByLabel('LoRA rank').fill('64');
  await expect(file(page)).toContainText('lora_r: 64');
  await page.getByLabel('LoRA rank').fill('0');
  await expect(page.locator('.vc-plan-export')).toContainText('No plan until every input is valid.');
  await expect(file(page)).toHaveCount(0);
});

test('imports an Axolotl YAML: the fields and the URL change, ignored keys are listed with reasons', async ({
  page,
}) => {
  await page.goto(url);
  await hydrated(page);
  await importText(
    page,
    [
      'base_model: Qwen/Qwen2.5-7B',
      'adapter: lora',
      'lora_r: 64',
      'sequence_len: 8192',
      'micro_batch_size: 4',
      'gradient_checkpointing: true',
      'learning_rate: 0.0002',
      'wandb_project: my-run',
    ].join('\n'),
  );
  const status = page.locator('.vc-plan-import [role="status"]');
  await expect(status).toContainText('Read as Axolotl (YAML)');
  await expect(page.getByLabel('LoRA rank')).toHaveValue('64');
  await expect(page.getByLabel('Sequence length')).toHaveValue('8192');
  await expect(page.getByLabel('Micro-batch')).toHaveValue('4');
  await expect(page.getByRole('radio', { name: 'LoRA', exact: true })).toBeChecked();
  await expect(page).toHaveURL(/[?&]model=qwen2\.5-7b&method=lora&rank=64&seq=8192&batch=4&grad-checkpointing=1/);
  await expect(status).toContainText('wandb_project: no Axolotl (YAML) setting the calculator reads');
  await expect(status).toContainText('learning_rate');
});

test('garbage is refused with a message and changes nothing', async ({ page }) => {
  await page.goto(`${url}?${STATE}`);
  await hydrated(page);
  await stateRead(page);
  const total = await page.locator('.vc-total').textContent();
  const before = page.url();
  await importText(page, 'lora_r: [16\n  : : :');
  const error = page.locator('.vc-plan-import .vc-bad');
  await expect(error).toContainText('The YAML could not be read');
  await expect(error).toContainText('The calculator is unchanged.');
  await expect(page.getByLabel(/Paste an Axolotl/)).toHaveAttribute('aria-invalid', 'true');
  await importText(page, 'hello there');
  await expect(error).toContainText('The text is not a config');
  expect(page.url()).toBe(before);
  await expect(page.locator('.vc-total')).toHaveText(total ?? '');
  await expect(page.getByLabel('LoRA rank')).toHaveValue('32');
});

// LLaMA-Factory has no chunked loss: its plan says so, and the state read back from it has its fp32 loss.
const BACK: Record<string, string> = { 'LLaMA-Factory (YAML)': `?${STATE}&loss=fp32` };

for (const [format] of FORMATS) {
  test(`export → import as ${format} gives back the same URL state`, async ({ page }) => {
    await openExport(page);
    await page.getByRole('radio', { name: format }).check();
    const text = (await file(page).textContent()) ?? '';
    await page.goto(url);
    await hydrated(page);
    await importText(page, text);
    await expect(page.locator('.vc-plan-import [role="status"]')).toContainText('applied');
    await expect.poll(() => new URL(page.url()).search).toBe(BACK[format] ?? `?${STATE}`);
  });
}

test('works from the keyboard', async ({ page }) => {
  await page.goto(`${url}?${STATE}`);
  await hydrated(page);
  const exportButton = page.getByRole('button', { name: 'Export a starter plan' });
  await exportButton.focus();
  await page.keyboard.press('Enter');
  await expect(exportButton).toHaveAttribute('aria-expanded', 'true');
  // The panel's code loads on demand: keys pressed before it arrives reach what is after the buttons.
  await expect(file(page)).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'TRL + PEFT (Python)' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Axolotl (YAML)' })).toBeChecked();
  await expect(file(page)).toContainText('lora_r: 32');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Copy', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(file(page)).toBeFocused();
  await page.getByRole('button', { name: 'Import a config' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(/Paste an Axolotl/)).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(/Paste an Axolotl/)).toBeFocused();
  await page.keyboard.type('lora_r: 48\nadapter: lora\nsequence_len: 1024\n');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('LoRA rank')).toHaveValue('48');
});

test('the open plan fits a 320 px screen without sideways scroll, and passes axe', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await openExport(page);
  await page.getByRole('radio', { name: 'Axolotl (YAML)' }).check();
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
  expect(widths[0]).toBeLessThanOrEqual(widths[1] as number);
  // The file scrolls inside itself.
  expect(await file(page).evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await expectNoAxeViolations(page);
  await importText(page, 'lora_r: 16\nadapter: lora\nfoo: bar');
  await expect(page.locator('.vc-plan-import [role="status"]')).toContainText('applied');
  await expectNoAxeViolations(page);
});

test('the selector’s “Plan this run” opens the calculator with its state and the starter plan shown', async ({
  page,
}) => {
  await page.goto(`${site.base}selector/`);
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await page.getByLabel('Model', { exact: true }).selectOption('llama-3.1-8b');
  await page.getByLabel('GPU', { exact: true }).selectOption('rtx-4090');
  const link = page.getByRole('link', { name: 'Plan this run in the VRAM calculator' });
  await expect(link).toHaveAttribute('href', /[?&]gpu=rtx-4090.*#plan$/);
  const strategy = await page.locator('.ms-result').first().getAttribute('data-strategy');
  await link.click();
  await expect(page).toHaveURL(/\/calculator\/\?.*#plan$/);
  await hydrated(page);
  await expect(page.getByRole('button', { name: 'Export a starter plan' })).toHaveAttribute('aria-expanded', 'true');
  await expect(file(page)).toContainText('Llama-3.1 8B');
  await expect(file(page)).toContainText(strategy === 'qlora' ? 'load_in_4bit=True' : 'SFTTrainer(');
  await expect(file(page)).toContainText('max_length=2048');
  await expect(page.getByRole('heading', { name: 'Plan the run' })).toBeInViewport();
});

// --- post-training plans (issue #13: DPO and GRPO exported in each format they run in, and read back) -------------

const DPO = 'model=qwen2.5-7b&method=lora&trainer=dpo&rank=32&seq=1024&batch=2';
const GRPO =
  'model=qwen2.5-1.5b&method=lora&trainer=grpo&kl-penalty=1&completion=1024&vllm-share=30&rank=32&seq=512&batch=2';
const params = (q: string) => Object.fromEntries(new URLSearchParams(q));

const POST: readonly [name: string, query: string, format: string, keys: string[], back: Record<string, string>][] = [
  ['DPO', DPO, 'TRL + PEFT (Python)', ['DPOTrainer(', 'beta=0.1,', 'max_length=1024,'], params(DPO)],
  ['DPO', DPO, 'Axolotl (YAML)', ['rl: dpo', 'rl_beta: 0.1', 'sequence_len: 1024'], params(DPO)],
  // LLaMA-Factory runs Transformers' fp32 loss
  [
    'DPO',
    DPO,
    'LLaMA-Factory (YAML)',
    ['stage: dpo', 'pref_loss: sigmoid', 'cutoff_len: 1024'],
    { ...params(DPO), loss: 'fp32' },
  ],
  // GRPOConfig has no prompt length: the sequence length stays the calculator's
  [
    'GRPO',
    GRPO,
    'TRL + PEFT (Python)',
    ['GRPOTrainer(', 'num_generations=8,', 'per_device_train_batch_size=16,', 'vllm_gpu_memory_utilization=0.3,'],
    Object.fromEntries(Object.entries(params(GRPO)).filter(([k]) => k !== 'seq')),
  ],
  ['GRPO', GRPO, 'Axolotl (YAML)', ['rl: grpo', 'num_generations: 8', 'micro_batch_size: 16'], params(GRPO)],
];

for (const [name, query, format, keys, back] of POST) {
  test(`a ${name} plan as ${format}: exported, then imported into a fresh calculator, gives back its state`, async ({
    page,
  }) => {
    await openExport(page, query);
    await page.getByRole('radio', { name: format }).check();
    for (const k of keys) await expect(file(page)).toContainText(k);
    const text = (await file(page).textContent()) ?? '';
    await page.goto(url);
    await hydrated(page);
    await importText(page, text);
    await expect(page.locator('.vc-plan-import [role="status"]')).toContainText('applied');
    await expect(page.getByLabel('Trainer')).toHaveValue(name.toLowerCase());
    await expect.poll(() => params(new URL(page.url()).search)).toEqual(back);
  });
}

test('a GRPO state cannot choose LLaMA-Factory, which says why; PPO has no plan', async ({ page }) => {
  await openExport(page, GRPO);
  const lf = page.getByRole('radio', { name: 'LLaMA-Factory (YAML)' });
  await expect(lf).toBeDisabled();
  await expect(lf).toHaveAccessibleDescription(/LLaMA-Factory 0\.9\.5 has no GRPO stage/);
  await expect(page.getByRole('radio', { name: 'TRL + PEFT (Python)' })).toBeChecked();
  await expect(page.locator('.vc-plan-badge-img')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('Trainer').selectOption('ppo');
  await expect(page.locator('.vc-plan-export [role="status"].vc-bad')).toHaveText('No plan for PPO: see why above.');
  await expect(file(page)).toHaveCount(0);
});

const root = fileURLToPath(new URL('../../', import.meta.url));
const DATA_URI = 'data:image/svg+xml;charset=utf-8,';

test('the badge is what `vram --badge` writes for the same state: downloaded as valid SVG, Markdown copied, by keyboard', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openExport(page, DPO);
  const img = page.locator('.vc-plan-badge-img');
  await expect(img).toBeVisible();
  const shown = decodeURIComponent(((await img.getAttribute('src')) ?? '').slice(DATA_URI.length));
  // The same state on the command line; the calculator checks against its default GPU, the RTX 4090.
  const out = join(mkdtempSync(join(tmpdir(), 'badge-')), 'cli.svg');
  const flags = ['--model', 'qwen2.5-7b', '--method', 'lora', '--trainer', 'dpo', '--rank', '32'];
  const cli = spawnSync(
    process.execPath,
    ['scripts/vram.ts', ...flags, '--seq', '1024', '--batch', '2', '--gpu', 'rtx-4090', '--badge', out],
    { cwd: root, encoding: 'utf8' },
  );
  expect(cli.stderr).toBe('');
  expect(shown).toBe(readFileSync(out, 'utf8'));
  await expect(img).toHaveAttribute('alt', /^Qwen2\.5 7B, LoRA: (fits|does not fit) NVIDIA GeForce RTX 4090 /);

  const download = page.getByRole('button', { name: 'Download vram-badge.svg' });
  await download.focus();
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(file.suggestedFilename()).toBe('vram-badge.svg');
  const svg = readFileSync((await file.path()) as string, 'utf8');
  expect(svg).toBe(shown);
  expect(XMLValidator.validate(svg)).toBe(true);
  // and the browser reads it as SVG
  const root0 = await page.evaluate(
    (t) => new DOMParser().parseFromString(t, 'image/svg+xml').documentElement.localName,
    svg,
  );
  expect(root0).toBe('svg');
  const status = page.locator('.vc-plan-badge [role="status"]');
  await expect(status).toHaveText('vram-badge.svg downloaded.');

  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Copy Markdown' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status).toHaveText('Markdown copied.');
  const md = await page.evaluate(() => navigator.clipboard.readText());
  expect(md).toMatch(
    /^\[!\[LoRA: (fits|does not fit) RTX 4090 · [\d.]+ GB\]\(\.\/vram-badge\.svg\)\]\(http[^)]+\/calculator\/\?/,
  );
  expect(md).toContain(`?${DPO})`);
  await expect(page.locator('.vc-plan-md')).toHaveText(md);
});
