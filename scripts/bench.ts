// `npm run bench [-- --large] [-- --sizes 1000,5000] [-- --runs 3] [-- --keep (decks, outputs, caches, logs)] [-- --deck-only]`: build speed and memory on synthetic
// decks. For each size it writes valid synthetic cards (180–400 words, 2+ related, a quiz, sources) into a temporary
// content folder under .tmp/bench/, builds the real site from it (CONTENT_DIR; the build includes the Pagefind index)
// and a bare Astro + MDX site (tests/fixtures/bare-site) from the same cards, each from a cold cache, and records wall
// time and the peak RSS of the build's whole process tree. Results go to BENCHMARKS.md (between the bench markers).
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { countWords } from '../src/lib/cards/words.ts';
import { parseCli, usageError } from './cli.ts';

const ROOT = process.cwd();
const WORK = '.tmp/bench';
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const USAGE = `
Usage: npm run bench -- [--large] [--sizes 1000,5000] [--runs N] [--keep] [--deck-only]
       npm run bench -- --estimate   (the memory model's speed: one estimate and a 64-point sweep)

Build speed and memory of this site and of a bare Astro + MDX site on synthetic decks; results go to BENCHMARKS.md.
  --large        add a 10,000-card deck to the default 1,000 and 5,000
  --sizes LIST   comma-separated deck sizes instead (each at least 10)
  --runs N       builds per size and site (default 1)
  --keep         keep the decks, outputs, caches and logs under .tmp/bench/
  --deck-only    only write the decks (then e.g. CONTENT_DIR=.tmp/bench/deck-1000 npm run build)
  -h, --help     this text
`;
const args = process.argv.slice(2);
// `--estimate`: the memory model's speed instead of the build's (scripts/bench-estimate.ts).
if (args.includes('--estimate')) {
  const { benchEstimate } = await import('./bench-estimate.ts');
  benchEstimate();
  process.exit(0);
}
const { values } = parseCli('bench', USAGE, {
  options: {
    large: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    runs: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    'deck-only': { type: 'boolean', default: false },
  },
});
const sizes = values.sizes ? values.sizes.split(',').map(Number) : [1000, 5000, ...(values.large ? [10000] : [])];
const runs = Number(values.runs);
const keep = values.keep;
// Only write the synthetic decks (to profile a build of one by hand): CONTENT_DIR=.tmp/bench/deck-N npm run build
const deckOnly = values['deck-only'];
if (sizes.some((n) => !Number.isInteger(n) || n < 10))
  usageError('bench', `--sizes ${values.sizes}: give whole numbers of at least 10`);
if (!Number.isInteger(runs) || runs < 1)
  usageError('bench', `--runs ${values.runs}: give a whole number of at least 1`);

// ---------------------------------------------------------------------------------------------------------------
// Synthetic deck

/** Deterministic PRNG (mulberry32), so every run builds the same cards. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'adapter rank alpha gradient optimizer memory activation checkpoint batch sequence token loss learning rate warmup ' +
  'schedule dataset example prompt response template mask packing evaluation metric benchmark judge preference reward ' +
  'policy reference model quantization precision weight matrix layer attention projection throughput latency GPU ' +
  'shard offload state moment update step epoch overfitting validation forgetting alignment instruction corpus ' +
  'quality diversity duplicate filter label annotator baseline ablation result paper method objective regularizer'
).split(' ');
const LEVELS = ['beginner', 'intermediate', 'advanced'];
const VRAM_MODELS = ['llama-2-7b', 'llama-3.1-8b', 'mistral-7b', 'qwen2.5-7b', 'gemma-2-9b'];
const KINDS = ['knowledge', 'how-to', 'pitfall', 'comparison', 'checklist'];

const topLevelKeys = (yaml: string) => [...yaml.matchAll(/^([a-z0-9][a-z0-9-]*):\s*$/gm)].map((m) => m[1] as string);

function sentence(next: () => number, words: number): string {
  const w = Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)] as string);
  const s = w.join(' ');
  return `${s[0]?.toUpperCase()}${s.slice(1)}.`;
}

function paragraph(next: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(next, 10 + Math.floor(next() * 6))).join(' ');
}

/** Writes `n` cards plus the real topics.yaml and series.yaml into `dir`; returns the folder relative to the root. */
function writeDeck(dir: string, n: number): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'cards'), { recursive: true });
  copyFileSync('content/topics.yaml', join(dir, 'topics.yaml'));
  copyFileSync('content/series.yaml', join(dir, 'series.yaml'));
  const topics = topLevelKeys(readFileSync('content/topics.yaml', 'utf8'));
  const series = topLevelKeys(readFileSync('content/series.yaml', 'utf8'));
  const tagPool = Array.from({ length: Math.max(40, Math.round(n / 10)) }, (_, i) => `tag-${i + 1}`);
  const id = (i: number) => `synthetic-${String(i).padStart(5, '0')}`;
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < n; i++) {
    const next = rng(i + 1);
    const related = [...new Set([(i + 1) % n, (i + 7) % n, (i + 31) % n])].filter((r) => r !== i).slice(0, 2 + (i % 2));
    const tags = [
      ...new Set([0, 1, 2].slice(0, 2 + (i % 2)).map(() => tagPool[Math.floor(next() * tagPool.length)] as string)),
    ];
    if (tags.length < 2) tags.push(tagPool[(i + 1) % tagPool.length] as string);
    // The first 10 cards of each series form its parts 1..10.
    const s = Math.floor(i / 10);
    const inSeries = s < series.length ? `series: { id: ${series[s]}, part: ${(i % 10) + 1} }\n` : '';
    const day = new Date(start + Math.floor((i * 3) / 4) * 86_400_000).toISOString().slice(0, 10);
    const body = [
      paragraph(next, 6),
      '',
      `## Why card ${i} matters`,
      '',
      paragraph(next, 5),
      '',
      `- **${sentence(next, 3)}** ${sentence(next, 10)}`,
      `- ${sentence(next, 12)}`,
      `- ${sentence(next, 11)}`,
      '',
      `${paragraph(next, 3)} See [the related card](/cards/${id(related[0] as number)}/) for the next step.`,
      '',
      // Like the real deck: a quarter of the cards carry a <Vram> figure (the loader renders them as Markdown), and
      // one in 25 uses an MDX expression, which keeps it an MDX module in both builds.
      i % 4 === 0
        ? `A full fine-tune of this size needs <Vram model="${VRAM_MODELS[i % VRAM_MODELS.length]}" method="full" show="states" /> of model states.\n`
        : '',
      i % 25 === 0 ? `This card is part {${i % 10} + 1} of its batch.\n` : '',
    ].join('\n');
    const words = countWords(body);
    if (words < 180 || words > 400) throw new Error(`synthetic card ${i} has ${words} words; adjust the generator`);
    const card = `---
title: "Synthetic card ${i}: ${sentence(next, 4).slice(0, -1)}"
summary: "Synthetic benchmark card ${i} of ${n}: ${sentence(next, 10)}"
level: ${LEVELS[i % LEVELS.length]}
kind: ${KINDS[i % KINDS.length]}
topic: ${topics[i % topics.length]}
tags: [${tags.join(', ')}]
related: [${related.map(id).join(', ')}]
${inSeries}publishedAt: ${day}
sources:
  - title: "A paper behind synthetic card ${i}"
    url: "https://arxiv.org/abs/2106.${String(10000 + i).slice(-5)}"
    publisher: arXiv
    year: 2021
quiz:
  question: "Which statement about synthetic card ${i} is right?"
  choices:
${[0, 1, 2].map(() => `    - text: "${sentence(next, 5)}"\n      why: "${sentence(next, 12)}"\n      source: 0`).join('\n')}
  answer: ${i % 3}
---

${body}`;
    writeFileSync(join(dir, 'cards', `${id(i)}.mdx`), card);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring a build

interface Measure {
  ok: boolean;
  seconds: number;
  /** Peak of the summed RSS of the build's process tree, sampled every 50 ms (MB). */
  treeRssMb: number;
  /** Peak RSS of the largest single process, from /usr/bin/time when present (MB). */
  maxProcessRssMb?: number;
  /** User + system CPU seconds of the build and its children, from /usr/bin/time: steadier than wall time on a busy machine. */
  cpuSeconds?: number;
  /** 1-minute load average when the build started. */
  load: number;
  pages: number;
  log: string;
}

function children(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      if (text) out.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    // The process ended between listing and reading.
  }
  return out;
}

function treeRssKb(root: number): number {
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    try {
      const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += Number(m?.[1] ?? 0);
    } catch {
      continue;
    }
    stack.push(...children(pid));
  }
  return total;
}

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const canSample = existsSync(`/proc/${process.pid}/task/${process.pid}/children`);

function measure(label: string, argv: string[], env: NodeJS.ProcessEnv): Promise<Measure> {
  const timeFile = join(WORK, `time-${label}.txt`);
  const [cmd, ...rest] = GNU_TIME
    ? [GNU_TIME, '-o', timeFile, '-f', '%M %U %S', process.execPath, ...argv]
    : [process.execPath, ...argv];
  const load = loadavg()[0] ?? 0;
  const started = performance.now();
  const child = spawn(cmd as string, rest, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  let peak = 0;
  const timer = canSample ? setInterval(() => (peak = Math.max(peak, treeRssKb(child.pid as number))), 50) : undefined;
  return new Promise((done) => {
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (timer) clearInterval(timer);
      const [maxKb, user, sys] =
        GNU_TIME && existsSync(timeFile)
          ? (readFileSync(timeFile, 'utf8').trim().split('\n').at(-1) ?? '').split(' ').map(Number)
          : [];
      const pages = Number(/(\d+) page\(s\) built/.exec(log)?.[1] ?? 0);
      const cpuSeconds = user !== undefined && sys !== undefined ? user + sys : undefined;
      writeFileSync(join(WORK, `log-${label}.txt`), log);
      done({
        ok: code === 0,
        seconds,
        treeRssMb: peak / 1024,
        maxProcessRssMb: maxKb ? maxKb / 1024 : undefined,
        cpuSeconds,
        load,
        pages,
        log,
      });
    });
  });
}

// Vitest or a shell may carry values that Astro would read as import.meta.env (BASE_URL, MODE, NODE_ENV...).
const cleanEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(NODE_ENV|BASE_URL|BASE_PATH|MODE|DEV|PROD|SSR|VITEST.*)$/.test(k)),
  );
  return { ...env, ...extra };
};

function dirSize(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const s = statSync(join(dir, f));
    if (s.isFile()) total += s.size;
  }
  return total;
}

/** What scripts/build.ts says about the preview images: how many it rendered, in how long, and how long the build
 * waited for them after everything else was done (what they add to its wall time). */
interface OgLog {
  rendered: number;
  renderMs: number;
  waitedMs: number;
}

async function buildOurs(
  deck: string,
  n: number,
  run: number,
  images = true,
): Promise<Measure & { searchMs?: number; indexBytes: number; og?: OgLog }> {
  const name = images ? 'ours' : 'ours-no-images';
  const out = join(WORK, `out-${name}-${n}`);
  const cache = join(WORK, `cache-${name}-${n}-${run}`);
  rmSync(out, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  // The real config with a private cache folder, so the build starts cold and never touches node_modules/.astro.
  const config = join(WORK, 'astro.ours.config.mjs');
  writeFileSync(
    config,
    `import config from '../../astro.config.mjs';\nexport default { ...config, cacheDir: ${JSON.stringify(`./${cache}`)} };\n`,
  );
  const m = await measure(
    `${name}-${n}`,
    // Exactly what `npm run build` runs: astro build, then the search index once Astro has exited.
    ['scripts/build.ts', '--config', config, '--outDir', out],
    // The preview images' cache goes in the same private folder, so they render cold too. OG_IMAGES=off: the same
    // build without them, the "before" of what they cost.
    cleanEnv({
      CONTENT_DIR: deck,
      OG_CACHE_DIR: join(cache, 'og-images'),
      ...(images ? {} : { OG_IMAGES: 'off' }),
    }),
  );
  const ogLine =
    /og-images\] \d+ preview images: (\d+) rendered, \d+ from the cache in (\d+) ms; the build waited (\d+) ms/.exec(
      m.log,
    );
  const og = ogLine
    ? { rendered: Number(ogLine[1]), renderMs: Number(ogLine[2]), waitedMs: Number(ogLine[3]) }
    : undefined;
  const searchMs = Number(/search-index\] indexed .* in (\d+) ms/.exec(m.log)?.[1] ?? Number.NaN);
  const indexBytes = dirSize(join(out, 'pagefind'));
  if (!keep) for (const dir of [cache, out]) rmSync(dir, { recursive: true, force: true });
  return { ...m, searchMs: Number.isNaN(searchMs) ? undefined : searchMs, indexBytes, og };
}

async function buildBare(deck: string, n: number, run: number): Promise<Measure> {
  const out = resolve(WORK, `out-bare-${n}`);
  const cache = resolve(WORK, `cache-bare-${n}-${run}`);
  rmSync(out, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  const m = await measure(
    `bare-${n}`,
    [ASTRO, 'build', '--root', 'tests/fixtures/bare-site', '--outDir', out],
    cleanEnv({ CONTENT_DIR: resolve(deck), BARE_CACHE_DIR: cache }),
  );
  if (!keep) for (const dir of [cache, out]) rmSync(dir, { recursive: true, force: true });
  // Astro writes generated types into <root>/.astro; keep the fixture folder clean.
  rmSync('tests/fixtures/bare-site/.astro', { recursive: true, force: true });
  return m;
}

// ---------------------------------------------------------------------------------------------------------------

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2
    ? (s[(s.length - 1) / 2] as number)
    : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};
const fmt = (x: number | undefined, digits = 1) => (x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(digits));

interface Row {
  n: number;
  ours: Awaited<ReturnType<typeof buildOurs>>[];
  /** Ours with OG_IMAGES=off: the build before preview images. */
  noImages: Measure[];
  bare: Measure[];
}

mkdirSync(WORK, { recursive: true });
const rows: Row[] = [];
for (const n of sizes) {
  const deck = join(WORK, `deck-${n}`);
  process.stdout.write(`\n${n} cards: writing the deck… `);
  writeDeck(deck, n);
  console.log('done');
  if (deckOnly) continue;
  const row: Row = { n, ours: [], noImages: [], bare: [] };
  for (let r = 0; r < runs; r++) {
    // Alternate the order so no build always runs on a warmer machine.
    const order = r % 2 === 0 ? (['bare', 'no-images', 'ours'] as const) : (['ours', 'no-images', 'bare'] as const);
    for (const which of order) {
      process.stdout.write(`  run ${r + 1}/${runs}: ${which} build… `);
      const m =
        which === 'ours'
          ? await buildOurs(deck, n, r)
          : which === 'no-images'
            ? await buildOurs(deck, n, r, false)
            : await buildBare(deck, n, r);
      if (!m.ok) {
        console.error(`\n${which} build of ${n} cards failed:\n${m.log.slice(-6000)}`);
        process.exit(1);
      }
      if (which === 'ours') row.ours.push(m as Awaited<ReturnType<typeof buildOurs>>);
      else if (which === 'no-images') row.noImages.push(m);
      else row.bare.push(m);
      console.log(
        `${fmt(m.seconds)} s wall, ${fmt(m.cpuSeconds)} s CPU, peak RSS ${fmt(m.treeRssMb, 0)} MB (tree), ${m.pages} pages, load ${fmt(m.load)}`,
      );
    }
  }
  rows.push(row);
  if (!keep) rmSync(deck, { recursive: true, force: true });
}
if (deckOnly) process.exit(0);

// ---------------------------------------------------------------------------------------------------------------
// Report

const cpuModel = cpus()[0]?.model.trim() ?? 'unknown CPU';
const astroVersion = JSON.parse(readFileSync('node_modules/astro/package.json', 'utf8')).version as string;
const command = `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;
const table = [
  '| cards | ours: pages | ours: wall s | ours: CPU s | ours: peak RSS MB (tree / largest process) | search index s | index MB | bare: pages | bare: wall s | bare: CPU s | bare: peak RSS MB (tree / largest process) | ours / bare (wall) | ours / bare (CPU) | ours: wall s per 1,000 cards |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => {
    const o = median(r.ours.map((m) => m.seconds));
    const b = median(r.bare.map((m) => m.seconds));
    const oc = median(r.ours.map((m) => m.cpuSeconds ?? Number.NaN));
    const bc = median(r.bare.map((m) => m.cpuSeconds ?? Number.NaN));
    const oPeak = Math.max(...r.ours.map((m) => m.treeRssMb));
    const oProc = Math.max(...r.ours.map((m) => m.maxProcessRssMb ?? 0));
    const bPeak = Math.max(...r.bare.map((m) => m.treeRssMb));
    const bProc = Math.max(...r.bare.map((m) => m.maxProcessRssMb ?? 0));
    const search = median(r.ours.map((m) => m.searchMs ?? Number.NaN)) / 1000;
    const index = (r.ours[0]?.indexBytes ?? 0) / 1e6;
    return `| ${r.n.toLocaleString('en')} | ${r.ours[0]?.pages} | ${fmt(o)} | ${fmt(oc)} | ${fmt(oPeak, 0)} / ${oProc ? fmt(oProc, 0) : 'n/a'} | ${fmt(search)} | ${fmt(index)} | ${r.bare[0]?.pages} | ${fmt(b)} | ${fmt(bc)} | ${fmt(bPeak, 0)} / ${bProc ? fmt(bProc, 0) : 'n/a'} | ${fmt(o / b, 2)}× | ${fmt(oc / bc, 2)}× | ${fmt((o / r.n) * 1000)} |`;
  }),
];
// Before and after preview images: the same build with OG_IMAGES=off and with the images rendered cold.
const imagesTable = [
  '| cards | without images: wall s | CPU s | with images: wall s | CPU s | images: wall growth | CPU growth | images rendered | rendering s (beside the build) | the build waited for them s |',
  '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map((r) => {
    const w0 = median(r.noImages.map((m) => m.seconds));
    const c0 = median(r.noImages.map((m) => m.cpuSeconds ?? Number.NaN));
    const w1 = median(r.ours.map((m) => m.seconds));
    const c1 = median(r.ours.map((m) => m.cpuSeconds ?? Number.NaN));
    const og = (f: (o: OgLog) => number) => median(r.ours.map((m) => (m.og ? f(m.og) : Number.NaN)));
    const pct = (x: number) => `${x >= 0 ? '+' : ''}${fmt(x * 100, 0)}%`;
    return `| ${r.n.toLocaleString('en')} | ${fmt(w0)} | ${fmt(c0)} | ${fmt(w1)} | ${fmt(c1)} | ${pct(w1 / w0 - 1)} | ${pct(c1 / c0 - 1)} | ${fmt(
      og((o) => o.rendered),
      0,
    )} | ${fmt(og((o) => o.renderMs) / 1000)} | ${fmt(og((o) => o.waitedMs) / 1000)} |`;
  }),
];
const first = rows[0];
const verdict = rows
  .filter((r) => r.n === 1000)
  .flatMap((r) => {
    const ratio = median(r.ours.map((m) => m.seconds)) / median(r.bare.map((m) => m.seconds));
    const cpu =
      median(r.ours.map((m) => m.cpuSeconds ?? Number.NaN)) / median(r.bare.map((m) => m.cpuSeconds ?? Number.NaN));
    const met = ratio <= 1.25 && !(cpu > 1.25);
    const before = median(r.noImages.map((m) => m.seconds));
    const growth = median(r.ours.map((m) => m.seconds)) / before - 1;
    return [
      `At 1,000 cards ours/bare is ${fmt(ratio, 2)}× in wall time and ${fmt(cpu, 2)}× in CPU time (target ≤ 1.25×): ${met ? 'met' : 'not met'}.`,
      `At 1,000 cards the preview images grow the cold build by ${fmt(growth * 100, 0)}% in wall time (target ≤ 25%): ${growth <= 0.25 ? 'met' : 'not met'}.`,
    ];
  });
const big = rows.find((r) => r.n === 10000);
if (big) {
  const peak = Math.max(...big.ours.map((m) => m.treeRssMb));
  verdict.push(
    `At 10,000 cards our peak RSS is ${fmt(peak, 0)} MB (target < 2,048 MB): ${peak < 2048 ? 'met' : 'not met'}.`,
  );
}
const section = [
  '<!-- bench:start (written by scripts/bench.ts; edit outside these markers) -->',
  '## Build benchmark',
  '',
  `- Command: \`${command}\``,
  `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  `- Machine: ${cpus().length} CPUs (nproc), ${cpuModel}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM; Node ${process.versions.node}, Astro ${astroVersion}, ${process.platform}`,
  `- Runs per size: ${runs} (median times; peak RSS is the highest of the runs). 1-minute load average when each build started (${cpus().length} CPUs): ${rows.map((r) => `${r.n}: ours ${r.ours.map((m) => fmt(m.load)).join('/')}, ours without images ${r.noImages.map((m) => fmt(m.load)).join('/')}, bare ${r.bare.map((m) => fmt(m.load)).join('/')}`).join('; ')}. Other work on the machine inflates wall time; CPU seconds (user + system of the whole build) much less, so compare those when the load is above the CPU count.`,
  "- Ours: `npm run build` of this site (scripts/build.ts: `astro build`, then the Pagefind index once Astro has exited) with CONTENT_DIR pointing at the synthetic deck: all pages, feeds, sitemap and the search index. Bare: tests/fixtures/bare-site, Astro + MDX with one layout, a card page per card and one index, the same cards through Astro's glob loader (every card an MDX module) and a stub <Vram>.",
  '- Each build starts from an empty cache folder and an empty output folder. Peak RSS (tree) is the summed RSS of the build and all its child processes, sampled every 50 ms from /proc; "largest process" is the max RSS that /usr/bin/time reports.',
  `- Synthetic cards: ${first ? `${first.n.toLocaleString('en')}+` : ''} deterministic MDX cards that pass the deck policy (180–400 words, 2–3 related cards, a quiz, one https source, 2–3 tags from a pool of n/10, the first 10 cards of each series as its parts); every 4th card has a <Vram> figure and every 25th an MDX expression (which keeps it an MDX module in our build too).`,
  '',
  ...table,
  '',
  'Preview images, before and after (ours with `OG_IMAGES=off`, the same build without them, against ours):',
  '',
  ...imagesTable,
  '',
  ...verdict.map((v) => `- ${v}`),
  '<!-- bench:end -->',
].join('\n');

const file = 'BENCHMARKS.md';
const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
const marked = /<!-- bench:start[\s\S]*?<!-- bench:end -->/;
writeFileSync(file, marked.test(current) ? current.replace(marked, section) : `${current.trimEnd()}\n\n${section}\n`);
console.log(`\n${table.join('\n')}\n\n${imagesTable.join('\n')}\n\n${verdict.join('\n')}\nWritten to ${file}.`);
