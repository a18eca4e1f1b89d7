// Builds the service worker into <outDir>/sw.js once the site and its search index are written (scripts/build.ts):
// esbuild bundles src/client/offline/sw.ts with its Workbox modules, then workbox-build's injectManifest writes the
// precache list (PRECACHE_GLOBS, each with a content hash as revision) into it. workbox-build's generateSW would
// write the same kind of worker, but runs Rollup, Babel and Terser on every build (3 s here); this takes a fraction.
// Also writes <outDir>/offline/deck.json, the card pages that "Save the deck for offline" fetches, with their sizes.
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { injectManifest } from 'workbox-build';
import { type OfflineDeck, PRECACHE_GLOBS } from '../src/lib/site/offline-files.ts';
import { fileRoutes, routes } from '../src/lib/site/routes.ts';
import { withBase } from '../src/lib/site/url.ts';

export interface ServiceWorkerResult {
  /** Files in the precache list, and their total size in bytes. */
  precached: number;
  precacheBytes: number;
  /** Card pages listed for "Save the deck for offline", and their total size. */
  cards: number;
  cardBytes: number;
  ms: number;
}

/** The card pages of a build (every cards/<id>/index.html), as the offline deck list. */
export function offlineDeck(outDir: string, base: string): OfflineDeck {
  const dir = join(outDir, 'cards');
  const pages = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .flatMap((id) => {
      try {
        return [{ url: withBase(base, routes.card(id)), bytes: statSync(join(dir, id, 'index.html')).size }];
      } catch {
        return [];
      }
    });
  return { pages, bytes: pages.reduce((n, p) => n + p.bytes, 0) };
}

export async function buildServiceWorker(outDir: string, base: string): Promise<ServiceWorkerResult> {
  const started = performance.now();
  const tmp = join(outDir, '.sw-src.js');
  await build({
    entryPoints: [fileURLToPath(new URL('../src/client/offline/sw.ts', import.meta.url))],
    outfile: tmp,
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    // Workbox logs and asserts only when NODE_ENV is not production.
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  try {
    const r = await injectManifest({
      swSrc: tmp,
      swDest: join(outDir, fileRoutes.serviceWorker()),
      globDirectory: outDir,
      globPatterns: PRECACHE_GLOBS,
      modifyURLPrefix: { '': base },
      // The search index of a large deck has big chunks; nothing here should be left out silently.
      maximumFileSizeToCacheInBytes: 10 * 1024 * 1024,
    });
    if (r.warnings.length > 0) throw new Error(`workbox-build: ${r.warnings.join('; ')}`);
    const deck = offlineDeck(outDir, base);
    mkdirSync(join(outDir, 'offline'), { recursive: true });
    writeFileSync(join(outDir, fileRoutes.offlineDeck()), `${JSON.stringify(deck)}\n`);
    return {
      precached: r.count,
      precacheBytes: r.size,
      cards: deck.pages.length,
      cardBytes: deck.bytes,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    rmSync(tmp, { force: true });
  }
}
