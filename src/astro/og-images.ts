// Renders the social preview images during `astro build`: worker threads start when the build starts and render
// beside it (Astro's own work is mostly on one core), and when the pages are done the images are copied from the
// cache into the build. Images live in the content-layer cache folder (config.cacheDir/og-images), named by a hash of
// everything that decides their pixels: a rebuild renders only the images whose card, template or font changed.
import { copyFileSync, constants, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import type { OgJob, OgJobResult } from './og/worker.ts';

interface Options {
  contentDir: string;
  site: { name: string; url: string };
}

/** Worker threads beside the build: the cores Astro leaves free, at least one, at most four. */
export const ogWorkers = (cores = availableParallelism()): number => Math.min(4, Math.max(1, cores - 1));

export function ogImages(options: Options): AstroIntegration {
  let command = '';
  let job: Promise<OgJobResult> | undefined;
  let cacheDir = '';
  let started = 0;
  let finished = 0;
  return {
    name: 'fine-tuning-cards:og-images',
    hooks: {
      'astro:config:setup': ({ command: c }) => {
        command = c;
      },
      'astro:config:done': ({ config }) => {
        if (command !== 'build') return;
        started = performance.now();
        cacheDir = join(fileURLToPath(config.cacheDir), 'og-images');
        const shards = ogWorkers();
        const base: Omit<OgJob, 'shard'> = {
          root: fileURLToPath(config.root),
          contentDir: options.contentDir,
          cacheDir,
          site: { name: options.site.name, host: new URL(options.site.url).host },
          shards,
        };
        const run = (shard: number) =>
          new Promise<OgJobResult>((done, fail) => {
            const worker = new Worker(new URL('./og/worker.ts', import.meta.url), { workerData: { ...base, shard } });
            // Never keeps the process alive: a failed content check ends the build without waiting for images.
            worker.unref();
            worker.once('message', (m: { ok: true; result: OgJobResult } | { ok: false; error: string }) =>
              m.ok ? done(m.result) : fail(new Error(`preview images: ${m.error}`)),
            );
            worker.once('error', fail);
            worker.once('exit', (code) => fail(new Error(`preview image worker exited with code ${code}`)));
          });
        job = Promise.all(Array.from({ length: shards }, (_, i) => run(i))).then((parts) => {
          finished = performance.now();
          return {
            images: parts[0]?.images ?? [],
            rendered: parts.reduce((n, p) => n + p.rendered, 0),
            reused: parts.reduce((n, p) => n + p.reused, 0),
          };
        });
        // Handled in astro:build:done; until then a rejection must not count as unhandled.
        job.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!job) return;
        const pagesDone = performance.now();
        const result = await job;
        const out = fileURLToPath(dir);
        const used = new Set<string>();
        for (const image of result.images) {
          const target = join(out, image.path);
          mkdirSync(dirname(target), { recursive: true });
          copyFileSync(join(cacheDir, `${image.key}.png`), target, constants.COPYFILE_FICLONE);
          used.add(`${image.key}.png`);
        }
        // Images no page uses any more (an edited title, a deleted card) leave the cache.
        for (const f of readdirSync(cacheDir)) if (!used.has(f)) rmSync(join(cacheDir, f), { force: true });
        // How long the pages waited for the images is what the images add to the build's wall time.
        const waited = Math.max(0, finished - pagesDone);
        logger.info(
          `${result.images.length} preview images: ${result.rendered} rendered, ${result.reused} from the cache in ${Math.round(finished - started)} ms (${ogWorkers()} worker${ogWorkers() === 1 ? '' : 's'}); the pages waited ${Math.round(waited)} ms for them`,
        );
      },
    },
  };
}
