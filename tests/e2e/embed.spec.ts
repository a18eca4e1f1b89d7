import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import site from '../../site.config.mjs';

// The embeddable calculator on a host page from another origin (another loopback port): it renders with the state
// passed by the loader, resizes its iframe by postMessage, and ignores messages from anyone but the declared parties.
let host: Server;
let hostOrigin = '';

test.beforeAll(async ({ baseURL }) => {
  const widget = new URL(`${site.base}embed.js`, baseURL).href;
  host = createServer((req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    if (req.url?.startsWith('/other')) {
      // A third party in a sibling frame that tries to drive the widget.
      res.end(`<!doctype html><title>other</title><script>
        addEventListener('message', (e) => { if (e.data === 'attack') {
          parent.frames[0].postMessage({ type: 'ftc-vram:set', query: 'model=llama-2-70b&method=full' }, '*');
          parent.postMessage({ type: 'ftc-vram:resize', height: 5 }, '*');
        }});
      </script>`);
      return;
    }
    if (req.url?.startsWith('/layouts')) {
      // The embed's own options: the compact default in the dark theme, and the full layout.
      res.end(`<!doctype html><html lang="en"><head><title>Host</title></head><body><h1>Two widgets</h1>
        <script src="${widget}" data-model="qwen3-8b" data-method="qlora" data-gpu="rtx-4090" data-theme="dark" async></script>
        <script src="${widget}" data-model="qwen3-8b" data-layout="full" async></script>
      </body></html>`);
      return;
    }
    if (req.url?.startsWith('/crafted')) {
      // Every data-* the table names is passed on; others are not; the widget refuses bad values itself.
      res.end(`<!doctype html><html lang="en"><head><title>Host</title></head><body><h1>Host</h1>
        <script src="${widget}" data-model='x"&gt;&lt;script src=https://evil.example/x.js&gt;&lt;/script&gt;'
          data-method="lora" data-seq="4096" data-gpu="none" data-junk="1" data-host="https://evil.example" async></script>
      </body></html>`);
      return;
    }
    res.end(`<!doctype html><html lang="en"><head><title>Host blog</title></head><body>
      <h1>A blog post about fine-tuning</h1>
      <script src="${widget}" data-preset="llama-3.1-8b" data-method="qlora" data-gpu="rtx-4090" async></script>
      <p>Text after the widget.</p>
    </body></html>`);
  });
  // All loopback addresses, so a second origin (127.0.0.2) can reach it too.
  await new Promise<void>((resolve) => host.listen(0, resolve));
  hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
});

test.afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

test('renders on another origin with the loader state, resizes, and stays isolated', async ({ page, baseURL }) => {
  expect(new URL(hostOrigin).origin).not.toBe(new URL(baseURL ?? '').origin);
  await page.goto(`${hostOrigin}/`);
  const iframe = page.locator('iframe[data-ftc-vram]');
  await expect(iframe).toHaveCount(1);
  const src = new URL((await iframe.getAttribute('src')) ?? '');
  expect(src.origin).toBe(new URL(baseURL ?? '').origin);
  expect(src.searchParams.get('model')).toBe('llama-3.1-8b');
  expect(src.searchParams.get('method')).toBe('qlora');
  expect(src.searchParams.get('host')).toBe(hostOrigin);

  const widget = page.frameLocator('iframe[data-ftc-vram]');
  const total = widget.locator('.vc-total');
  await expect(total).toContainText(/\d+(\.\d+)? GB/);
  await expect(total).toContainText('RTX 4090');
  const before = (await total.textContent()) ?? '';

  // The loader starts at 540px (the compact layout's usual height); the widget reports its real height and the frame
  // follows it.
  await expect.poll(async () => (await iframe.boundingBox())?.height ?? 540).not.toBe(540);
  const settled = (await iframe.boundingBox())?.height ?? 0;
  expect(settled).toBeGreaterThan(200);

  // A forged resize from the host page itself (not the widget's window) is ignored.
  await page.evaluate(() => {
    const frame = document.querySelector('iframe[data-ftc-vram]')?.getAttribute('data-ftc-vram');
    window.postMessage({ type: 'ftc-vram:resize', frame, height: 33 }, '*');
  });
  await page.waitForTimeout(300);
  expect((await iframe.boundingBox())?.height).toBe(settled);

  // A third origin (sibling frame on another port) cannot change the widget's state.
  const otherPort = (host.address() as AddressInfo).port;
  await page
    .evaluate((url) => {
      const f = document.createElement('iframe');
      f.src = url;
      f.title = 'other';
      document.body.append(f);
      return new Promise((r) => f.addEventListener('load', r));
    }, `http://127.0.0.2:${otherPort}/other`)
    .catch(() => undefined);
  await page.evaluate(() => {
    const frames = document.querySelectorAll('iframe');
    (frames[1] as HTMLIFrameElement | undefined)?.contentWindow?.postMessage('attack', '*');
  });
  await page.waitForTimeout(500);
  await expect(total).toHaveText(before);

  // The declared host may set the state.
  await page.evaluate(() => {
    const f = document.querySelector<HTMLIFrameElement>('iframe[data-ftc-vram]');
    f?.contentWindow?.postMessage({ type: 'ftc-vram:set', query: 'model=llama-2-7b&method=lora&gpu=rtx-4090' }, '*');
  });
  await expect(total).not.toHaveText(before);
});

test('passes the table’s data-* attributes on, and the widget keeps hostile values out of its link', async ({
  page,
  baseURL,
}) => {
  await page.goto(`${hostOrigin}/crafted`);
  const iframe = page.locator('iframe[data-ftc-vram]');
  const src = new URL((await iframe.getAttribute('src')) ?? '');
  expect([...src.searchParams.keys()]).toEqual(['model', 'method', 'seq', 'gpu', 'host', 'frame']);
  expect(src.searchParams.get('seq')).toBe('4096');
  expect(src.searchParams.get('host')).toBe(hostOrigin);
  const widget = page.frameLocator('iframe[data-ftc-vram]');
  await expect(widget.locator('.vc-total')).toContainText('No estimate until you fix Model');
  const link = widget.getByRole('link', { name: 'Open in the full calculator' });
  await expect(link).toHaveAttribute(
    'href',
    `${site.base}calculator/?model=llama-3.1-8b&method=lora&seq=4096&gpu=none`,
  );
  expect(new URL(baseURL ?? '').origin).toBe(src.origin);
});

test('compact by default at 390 px: the estimate first, settings folded; data-layout="full" and data-theme', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${hostOrigin}/layouts`);
  const frames = page.locator('iframe[data-ftc-vram]');
  await expect(frames).toHaveCount(2);
  expect(new URL((await frames.nth(0).getAttribute('src')) ?? '').pathname).toBe(`${site.base}embed/calculator/`);
  expect(new URL((await frames.nth(1).getAttribute('src')) ?? '').pathname).toBe(`${site.base}embed/calculator/full/`);

  const compact = page.frameLocator('iframe[data-ftc-vram] >> nth=0');
  await expect(compact.locator('.vc-total')).toContainText(/\d+(\.\d+)? GB fits NVIDIA GeForce RTX 4090/);
  await expect(compact.getByRole('link', { name: 'VRAM calculator' })).toHaveAttribute('target', '_blank');
  await expect(compact.locator('html')).toHaveAttribute('data-theme', 'dark');
  // Settings and details are folded: the model field is in the page but not shown until the reader opens them.
  const settings = compact.locator('summary', { hasText: 'Change the model and settings (Qwen3 8B · QLoRA)' });
  await expect(settings).toBeVisible();
  await expect(compact.getByLabel('Sequence length')).toBeHidden();
  await expect(compact.locator('.vc-gpus')).toBeHidden();
  // The frame follows the widget's height, which stays within 700 px on a phone.
  await expect.poll(async () => (await frames.nth(0).boundingBox())?.height ?? 0).toBeLessThan(700);
  await expect.poll(async () => (await frames.nth(0).boundingBox())?.height ?? 0).toBeGreaterThan(250);
  // Opening the settings by keyboard shows the fields; a change updates the estimate.
  const before = (await compact.locator('.vc-total').textContent()) ?? '';
  await settings.focus();
  await page.keyboard.press('Enter');
  await compact.getByLabel('Sequence length').fill('8192');
  await expect(compact.locator('.vc-total')).not.toHaveText(before);
  await expect.poll(async () => (await frames.nth(0).boundingBox())?.height ?? 0).toBeGreaterThan(700);

  // The full layout shows the form and the tables at once, in the default light theme.
  const full = page.frameLocator('iframe[data-ftc-vram] >> nth=1');
  await expect(full.getByLabel('Sequence length')).toBeVisible();
  await expect(full.locator('.vc-gpus')).toBeVisible();
  await expect(full.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(full.locator('summary')).toHaveCount(0);
});

test('embed options it does not know are ignored with a notice', async ({ page, baseURL }) => {
  await page.goto(new URL(`${site.base}embed/calculator/?layout=wide&theme=pink&model=qwen3-8b`, baseURL).href);
  const notices = page.locator('.vc-notices');
  await expect(notices).toContainText('data-layout="wide" is not one of compact, full: compact is used.');
  await expect(notices).toContainText('data-theme="pink" is not one of light, dark, auto: light is used.');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('.vc-total')).toContainText('GB');
});
