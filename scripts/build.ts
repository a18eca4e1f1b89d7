// `npm run build [-- astro build flags]`: builds the site with `astro build` in its own process, then, once Astro has
// exited, the Pagefind search index over the output (scripts/search-index.ts). One after the other, the build's
// peak memory is the larger of the two steps, not their sum. Exits with Astro's status when the site build fails,
// 1 when indexing fails.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import site from '../site.config.mjs';
import { buildSearchIndex } from './search-index.ts';
import { parseCli } from './cli.ts';

const USAGE = `
Usage: npm run build [-- astro build flags]

Runs astro build (the flags below are passed on as given), then writes the Pagefind index into the output folder.
  --outDir DIR   output folder (default dist)
  --root DIR     project root (default .)
  --config FILE  Astro config file
  --site URL     site URL, as in astro.config
  --base PATH    base path, as in astro.config
  --mode MODE    Vite mode (default production)
  --force        clear the content layer cache first
  --devOutput    development build output
  --verbose      verbose Astro logs
  --silent       no Astro logs
  -h, --help     this text
`;
// Only flags astro build knows are accepted (a typo fails here in one line, not inside Astro); they go on verbatim.
const args = process.argv.slice(2);
const { values } = parseCli('build', USAGE, {
  options: {
    outDir: { type: 'string' },
    root: { type: 'string' },
    config: { type: 'string' },
    site: { type: 'string' },
    base: { type: 'string' },
    mode: { type: 'string' },
    force: { type: 'boolean' },
    devOutput: { type: 'boolean' },
    verbose: { type: 'boolean' },
    silent: { type: 'boolean' },
  },
});

// V8 grows its heap lazily up to a limit set by the machine's RAM (about 4 GB here), so a large deck's build held far
// more than it used: at 10,000 cards 1.8 GB resident for a live heap under 0.6 GB. With a 1.5 GB old-space limit the
// same build peaks near 1.5 GB (BENCHMARKS.md); NODE_OPTIONS=--max-old-space-size=N overrides it for far larger decks.
const heapFlag = /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? '') ? [] : ['--max-old-space-size=1536'];
const astro = spawnSync(process.execPath, [...heapFlag, 'node_modules/astro/bin/astro.mjs', 'build', ...args], {
  stdio: 'inherit',
});
if (astro.status !== 0) process.exit(astro.status ?? 1);

const outDir = resolve(values.root ?? '.', values.outDir ?? 'dist');
const stamp = () => new Date().toTimeString().slice(0, 8);
try {
  const r = await buildSearchIndex(outDir, { language: site.language });
  console.log(
    `${stamp()} [search-index] indexed ${r.pages} pages (of ${r.files} HTML files) into ${outDir}/pagefind in ${r.ms} ms`,
  );
} catch (e) {
  console.error(`${stamp()} [search-index] ${(e as Error).message}`);
  process.exit(1);
}
