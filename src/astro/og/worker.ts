// Worker thread of the preview image renderer (src/astro/og-images.ts): reads the deck, renders every image whose
// cache key is not in the cache folder yet, and reports the list back. Runs beside `astro build`, on the other core.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { siteImages } from '../../lib/og/images.ts';
import { deckFromDisk } from './deck.ts';
import { createOgRenderer } from './render.ts';

export interface OgJob {
  root: string;
  contentDir: string;
  /** Folder of rendered images, named by cache key. */
  cacheDir: string;
  site: { name: string; host: string };
  /** This worker renders images number `shard`, `shard + shards`, … of the list. */
  shard: number;
  shards: number;
}

export interface OgJobResult {
  /** Every image of the site: where it goes in the build, and its file in the cache. */
  images: { path: string; key: string }[];
  rendered: number;
  reused: number;
}

const job = workerData as OgJob;
try {
  const images = siteImages(deckFromDisk(job.root, job.contentDir), job.site.name);
  const renderer = createOgRenderer(job.site);
  mkdirSync(job.cacheDir, { recursive: true });
  const out: OgJobResult = { images: [], rendered: 0, reused: 0 };
  for (const [i, image] of images.entries()) {
    const key = renderer.key(image);
    out.images.push({ path: image.path, key });
    if (i % job.shards !== job.shard) continue;
    const file = join(job.cacheDir, `${key}.png`);
    if (existsSync(file)) {
      out.reused++;
      continue;
    }
    // Written under a temporary name first, so an interrupted build never leaves a truncated image in the cache.
    writeFileSync(`${file}.${process.pid}.tmp`, await renderer.render(image));
    renameSync(`${file}.${process.pid}.tmp`, file);
    out.rendered++;
  }
  parentPort?.postMessage({ ok: true, result: out });
} catch (e) {
  parentPort?.postMessage({ ok: false, error: (e as Error).stack ?? String(e) });
}
