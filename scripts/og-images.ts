// Social preview images for `npm run build` (scripts/build.ts): renders every image whose cache key is not in the
// cache folder yet, in child processes that run beside `astro build` and the search index (Astro's own work is mostly
// on one core), then copies the images into the build. The cache folder is node_modules/.cache/fine-tuning-cards/
// og-images/<content folder>/ (OG_CACHE_DIR overrides it, e.g. for the benchmark's cold builds), with one file per
// hash of everything that decides an image's pixels: a rebuild renders only the images whose card or template changed.
//
// As a child: `node --expose-gc scripts/og-images.ts <job.json> <result.json>`.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deckFromDisk } from '../src/astro/og/deck.ts';
import { createOgRenderer } from '../src/astro/og/render.ts';
import { siteImages } from '../src/lib/og/images.ts';

export interface OgJob {
  root: string;
  contentDir: string;
  cacheDir: string;
  site: { name: string; host: string };
  /** This process renders images number `shard`, `shard + shards`, … of the list. */
  shard: number;
  shards: number;
}

export interface OgResult {
  /** Every image of the site: where it goes in the build, and its file in the cache. */
  images: { path: string; key: string }[];
  rendered: number;
  reused: number;
  ms: number;
}

/** The cache folder of a content folder's images. */
export function ogCacheDir(root: string, contentDir: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.OG_CACHE_DIR) return resolve(root, env.OG_CACHE_DIR);
  const id = createHash('sha256').update(contentDir).digest('hex').slice(0, 12);
  return join(root, 'node_modules/.cache/fine-tuning-cards/og-images', id);
}

/** Render processes beside the build: the cores Astro leaves free, at least one, at most four. */
export const ogShards = (cores = availableParallelism()): number => Math.min(4, Math.max(1, cores - 1));

// resvg's images hold their pixels in native memory that V8 does not count, so the heap never asks for a collection:
// a thousand images kept 7 GB resident. A collection whenever the process passes 512 MB, and a turn of the event loop
// for the finalizers, keeps it near that; titles drawn from cached glyphs (text.ts) make no resvg images, so a
// build mostly never collects by hand (a collection every 20 images was a fifth of the renderer's CPU time).
const RSS_LIMIT = 512 * 2 ** 20;

async function render(job: OgJob): Promise<OgResult> {
  const started = performance.now();
  const images = siteImages(deckFromDisk(job.root, job.contentDir), job.site.name);
  const renderer = createOgRenderer(job.site);
  mkdirSync(job.cacheDir, { recursive: true });
  const out: OgResult = { images: [], rendered: 0, reused: 0, ms: 0 };
  const gc = (globalThis as { gc?: () => void }).gc;
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
    if (gc && process.memoryUsage.rss() > RSS_LIMIT) {
      gc();
      await new Promise((next) => setImmediate(next));
    }
  }
  return { ...out, ms: Math.round(performance.now() - started) };
}

/** Starts the render processes; the promise settles when all have finished. `stop()` ends them (a failed build). */
export function startOgImages(job: Omit<OgJob, 'shard' | 'shards'>): { done: Promise<OgResult>; stop(): void } {
  const shards = ogShards();
  const children: ReturnType<typeof spawn>[] = [];
  const runs = Array.from({ length: shards }, (_, shard) => {
    const jobFile = join(job.cacheDir, `.job-${process.pid}-${shard}.json`);
    const resultFile = `${jobFile}.result`;
    mkdirSync(job.cacheDir, { recursive: true });
    writeFileSync(jobFile, JSON.stringify({ ...job, shard, shards }));
    return new Promise<OgResult>((done, fail) => {
      const child = spawn(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), jobFile, resultFile], {
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      children.push(child);
      child.once('error', fail);
      child.once('exit', (code) => {
        try {
          if (code !== 0) throw new Error(`preview image renderer exited with code ${code}`);
          done(JSON.parse(readFileSync(resultFile, 'utf8')) as OgResult);
        } catch (e) {
          fail(e);
        } finally {
          rmSync(jobFile, { force: true });
          rmSync(resultFile, { force: true });
        }
      });
    });
  });
  const done = Promise.all(runs).then((parts) => ({
    images: parts[0]?.images ?? [],
    rendered: parts.reduce((n, p) => n + p.rendered, 0),
    reused: parts.reduce((n, p) => n + p.reused, 0),
    ms: Math.max(...parts.map((p) => p.ms)),
  }));
  done.catch(() => {});
  return {
    done,
    stop: () => {
      for (const c of children) c.kill();
    },
  };
}

/** Copies the images into the build and drops cached images no page uses any more (an edited title, a deleted card). */
export function installOgImages(result: OgResult, cacheDir: string, outDir: string): void {
  const used = new Set<string>();
  for (const image of result.images) {
    const target = join(outDir, image.path);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(cacheDir, `${image.key}.png`), target, constants.COPYFILE_FICLONE);
    used.add(`${image.key}.png`);
  }
  for (const f of readdirSync(cacheDir))
    if (f.endsWith('.png') && !used.has(f)) rmSync(join(cacheDir, f), { force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [jobFile, resultFile] = process.argv.slice(2);
  if (!jobFile || !resultFile) {
    console.error('usage: node --expose-gc scripts/og-images.ts <job.json> <result.json>');
    process.exit(2);
  }
  try {
    const result = await render(JSON.parse(readFileSync(jobFile, 'utf8')) as OgJob);
    writeFileSync(resultFile, JSON.stringify(result));
  } catch (e) {
    console.error(`preview images: ${(e as Error).stack ?? e}`);
    process.exit(1);
  }
}
