// `npm run build [-- astro build flags]`: builds the site with `astro build` in its own process, then, once Astro has
// exited, the Pagefind search index over the output (scripts/search-index.ts). One after the other, the build's
// peak memory is the larger of the two steps, not their sum. Exits with Astro's status when the site build fails,
// 1 when indexing fails.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import site from '../site.config.mjs';
import { buildSearchIndex } from './search-index.ts';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  const a = args[i] as string;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[i + 1];
};

// V8 grows its heap lazily up to a limit set by the machine's RAM (about 4 GB here), so a large deck's build held far
// more than it used: at 10,000 cards 1.8 GB resident for a live heap under 0.6 GB. With a 1.5 GB old-space limit the
// same build peaks near 1.5 GB (BENCHMARKS.md); NODE_OPTIONS=--max-old-space-size=N overrides it for far larger decks.
const heapFlag = /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? '') ? [] : ['--max-old-space-size=1536'];
const astro = spawnSync(process.execPath, [...heapFlag, 'node_modules/astro/bin/astro.mjs', 'build', ...args], {
  stdio: 'inherit',
});
if (astro.status !== 0) process.exit(astro.status ?? 1);

const outDir = resolve(flag('--root') ?? '.', flag('--outDir') ?? 'dist');
const stamp = () => new Date().toTimeString().slice(0, 8);
try {
  const r = await buildSearchIndex(outDir, { language: site.language, base: site.base });
  console.log(
    `${stamp()} [search-index] indexed ${r.pages} pages (of ${r.files} HTML files) into ${outDir}/pagefind in ${r.ms} ms`,
  );
} catch (e) {
  console.error(`${stamp()} [search-index] ${(e as Error).message}`);
  process.exit(1);
}
