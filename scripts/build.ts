// `npm run build [-- astro build flags]`: builds the site with `astro build` in its own process, then, once Astro has
// exited, the Pagefind search index over the output (scripts/search-index.ts) and the service worker, whose precache
// list includes the index (scripts/service-worker.ts). One after the other, the build's peak memory is the larger of
// the steps, not their sum. The social preview images render beside all three, in processes of their own
// (scripts/og-images.ts), and are copied in at the end. Exits with Astro's status when the site build fails, 1 when a
// later step fails.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import site from '../site.config.mjs';
import { buildSearchIndex } from './search-index.ts';
import { parseCli } from './cli.ts';
import { installOgImages, ogCacheDir, startOgImages } from './og-images.ts';
import { buildServiceWorker } from './service-worker.ts';

const USAGE = `
Usage: npm run build [-- astro build flags]

Runs astro build (the flags below are passed on as given), then writes the Pagefind index, the service worker and
the social preview images into the output folder (OG_IMAGES=off leaves the images out, for the benchmark).
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
const root = resolve(values.root ?? '.');
const ogCache = ogCacheDir(root, site.contentDir);
// OG_IMAGES=off builds the site without its preview images (the pages still link them): only for `npm run bench`,
// which measures the build with and without them to show what the images cost.
const withImages = process.env.OG_IMAGES !== 'off';
const og = withImages
  ? startOgImages({
      root,
      contentDir: site.contentDir,
      cacheDir: ogCache,
      site: { name: site.name, host: new URL(site.url).host },
    })
  : undefined;
const astro = await new Promise<number | null>((done) =>
  spawn(process.execPath, [...heapFlag, 'node_modules/astro/bin/astro.mjs', 'build', ...args], {
    stdio: 'inherit',
  }).once('exit', done),
);
if (astro !== 0) {
  og?.stop();
  process.exit(astro ?? 1);
}

const outDir = resolve(root, values.outDir ?? 'dist');
const stamp = () => new Date().toTimeString().slice(0, 8);
try {
  const r = await buildSearchIndex(outDir, { language: site.language, base: site.base });
  console.log(
    `${stamp()} [search-index] indexed ${r.pages} pages (of ${r.files} HTML files) into ${outDir}/pagefind in ${r.ms} ms`,
  );
} catch (e) {
  console.error(`${stamp()} [search-index] ${(e as Error).message}`);
  og?.stop();
  process.exit(1);
}
try {
  const r = await buildServiceWorker(outDir, site.base);
  console.log(
    `${stamp()} [service-worker] precaches ${r.precached} files (${(r.precacheBytes / 1e3).toFixed(0)} kB); "Save the deck" lists ${r.cards} card pages (${(r.cardBytes / 1e3).toFixed(0)} kB); ${r.ms} ms`,
  );
} catch (e) {
  console.error(`${stamp()} [service-worker] ${(e as Error).message}`);
  og?.stop();
  process.exit(1);
}
if (!og) {
  console.log(`${stamp()} [og-images] skipped (OG_IMAGES=off)`);
  process.exit(0);
}
try {
  const waiting = performance.now();
  const r = await og.done;
  installOgImages(r, ogCache, outDir);
  // How long the build waited for the images is what they add to its wall time.
  console.log(
    `${stamp()} [og-images] ${r.images.length} preview images: ${r.rendered} rendered, ${r.reused} from the cache in ${r.ms} ms; the build waited ${Math.round(performance.now() - waiting)} ms for them`,
  );
} catch (e) {
  console.error(`${stamp()} [og-images] ${(e as Error).message}`);
  process.exit(1);
}
