// `npm run lighthouse`: Lighthouse (mobile, its default config) on the home page, a card, the selector and the
// calculator, served by `astro preview` from the production build (dist/, or DIST_DIR) and loaded in the local
// Chromium (tests/support/chromium.ts; nothing is downloaded). Scores go to BENCHMARKS.md between the lighthouse
// markers. Not a test: scores move with the machine's load.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import site from '../site.config.mjs';
import { CHROMIUM_ARGS, resolveChromium } from '../tests/support/chromium.ts';

const DIST = process.env.DIST_DIR ?? 'dist';
const PORT = Number(process.env.LIGHTHOUSE_PORT ?? 4325);
const origin = `http://127.0.0.1:${PORT}`;
const base = site.base;

const firstCard = readdirSync(join(DIST, 'cards'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(DIST, 'cards', d.name, 'index.html')))
  .map((d) => d.name)
  .sort()[0];
const pages = [
  { name: 'Home', path: '' },
  { name: `Card (${firstCard})`, path: `cards/${firstCard}/` },
  { name: 'Selector', path: 'selector/' },
  { name: 'Calculator', path: 'calculator/' },
].filter((p) => existsSync(join(DIST, p.path, 'index.html')));

const preview = spawn(
  process.execPath,
  ['node_modules/astro/bin/astro.mjs', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--outDir', DIST],
  {
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
const stop = () => preview.kill('SIGTERM');
process.on('exit', stop);
await new Promise<void>((ready, fail) => {
  let out = '';
  const onData = (d: Buffer) => {
    out += d;
    if (out.includes(`127.0.0.1:${PORT}`)) ready();
  };
  preview.stdout.on('data', onData);
  preview.stderr.on('data', onData);
  preview.on('exit', (code) => fail(new Error(`astro preview exited (${code}):\n${out}`)));
});

// Lighthouse drives the browser over the DevTools port; Playwright only starts it (headless, local binary).
const DEVTOOLS_PORT = Number(process.env.LIGHTHOUSE_DEVTOOLS_PORT ?? 9333);
const browser = await chromium.launch({
  executablePath: await resolveChromium(),
  args: [...CHROMIUM_ARGS, `--remote-debugging-port=${DEVTOOLS_PORT}`],
});
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const rows: string[] = [];
const failures: string[] = [];
try {
  for (const p of pages) {
    const url = `${origin}${base}${p.path}`;
    const result = await lighthouse(url, {
      port: DEVTOOLS_PORT,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`no Lighthouse result for ${url}`);
    const scores = CATEGORIES.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100));
    rows.push(`| ${p.name} | \`${base}${p.path}\` | ${scores.join(' | ')} |`);
    console.log(`${p.name}: ${CATEGORIES.map((c, i) => `${c} ${scores[i]}`).join(', ')}`);
    for (const c of CATEGORIES) {
      const cat = lhr.categories[c];
      if (!cat || cat.score === 1) continue;
      const misses = cat.auditRefs
        .map((r) => lhr.audits[r.id])
        .filter(
          (a) =>
            a &&
            a.score !== null &&
            a.score < 1 &&
            a.scoreDisplayMode !== 'informative' &&
            a.scoreDisplayMode !== 'manual',
        )
        .map((a) => `${a?.id} (${a?.displayValue ?? a?.score})`);
      failures.push(`${p.name} ${c}: ${misses.join(', ') || 'see the report'}`);
    }
  }
} finally {
  await browser.close();
  stop();
}

const version = JSON.parse(readFileSync('node_modules/lighthouse/package.json', 'utf8')).version as string;
const section = [
  '<!-- lighthouse:start (written by scripts/lighthouse.ts; edit outside these markers) -->',
  '## Lighthouse',
  '',
  `- Command: \`npm run lighthouse\` (Lighthouse ${version}, default mobile config with simulated throttling, local Chromium, \`astro preview\` of \`${DIST}\`)`,
  `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(1)} at the end`,
  '',
  '| page | path | performance | accessibility | best practices | SEO |',
  '|---|---|---:|---:|---:|---:|',
  ...rows,
  '',
  ...(failures.length
    ? ['Below 100:', '', ...failures.map((f) => `- ${f}`)]
    : ['All four scores are 100 on every page.']),
  '<!-- lighthouse:end -->',
].join('\n');
const file = 'BENCHMARKS.md';
const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
const marked = /<!-- lighthouse:start[\s\S]*?<!-- lighthouse:end -->/;
writeFileSync(file, marked.test(current) ? current.replace(marked, section) : `${current.trimEnd()}\n\n${section}\n`);
console.log(`\nWritten to ${file}.`);
process.exit(0);
