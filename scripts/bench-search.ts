// Search cost of a built site: the size of its Pagefind index, and the bytes a reader downloads for a first query,
// taken from Chromium's network log.
//
//   node scripts/bench-search.ts [--dist dist] [--base /] [--query "reward model"] [--no-gzip] [--json]
//
// Serves the dist folder itself under the base path, gzip-compressing text as astro preview and static hosts do
// (--no-gzip for the uncompressed worst case),
// opens the home page in a fresh Chromium, focuses the header search box, types the query, waits for the results and
// sums every response from the focus on: the search code, pagefind.js, its worker and WebAssembly, the index metadata,
// the index chunks for the query's words and the result fragments. A benchmark imports `benchSearch` instead.
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import { chromium, type Page, type Request } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromium } from '../tests/support/chromium.ts';
import { parseCli } from './cli.ts';

export interface IndexSize {
  /** Everything Pagefind wrote, including UI bundles this site never loads. */
  totalBytes: number;
  /** pagefind.js, worker, WebAssembly, entry and metadata: downloaded once by every searcher. */
  coreBytes: number;
  indexBytes: number;
  filterBytes: number;
  fragmentBytes: number;
  /** Pagefind's prebuilt UIs and highlighter, written but not used here. */
  unusedUiBytes: number;
  files: { index: number; filter: number; fragment: number };
  pages: number;
}

export interface Transfer {
  /**
   * Bytes on the wire (headers + encoded body), per request the larger of Chromium's network log and what the server
   * wrote for that URL: Chromium logs a worker's own script with an empty body, so the log alone undercounts it.
   */
  bytes: number;
  /** Chromium's network log alone. */
  browserBytes: number;
  /** Everything the server wrote (status line, headers, body) meanwhile. */
  serverBytes: number;
  requests: number;
  byUrl: { url: string; bytes: number; browserBytes: number; serverBytes: number }[];
}

export interface SearchBench {
  dist: string;
  base: string;
  query: string;
  gzip: boolean;
  index: IndexSize;
  /** Loading the home page, before any search. */
  pageLoad: Transfer;
  /** From focusing the search box to the results of the first query. */
  firstQuery: Transfer;
  /** How many results the first query showed, and the first one's URL. */
  results: { shown: number; first: string };
  /** Time from the first keystroke to the first result shown, ms (local, unthrottled: a smoke number only). */
  msToResults: number;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

function walk(dir: string): { path: string; size: number }[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .map((f) => join(dir, f))
    .filter((p) => statSync(p).isFile())
    .map((p) => ({ path: p, size: statSync(p).size }));
}

/** Sizes of dist/pagefind/, split into what a searcher may download and what nobody does. */
export function indexSize(dist: string): IndexSize {
  const root = join(dist, 'pagefind');
  if (!existsSync(join(root, 'pagefind-entry.json')))
    throw new Error(`${root} has no Pagefind index: build the site first.`);
  const files = walk(root).map((f) => ({ ...f, rel: relative(root, f.path).split(sep).join('/') }));
  const sum = (pred: (rel: string) => boolean) => files.filter((f) => pred(f.rel)).reduce((n, f) => n + f.size, 0);
  const count = (dirName: string) => files.filter((f) => f.rel.startsWith(`${dirName}/`)).length;
  const unused = (rel: string) =>
    /^pagefind-(ui|modular-ui|component-ui|highlight)\./.test(rel) || rel.startsWith('playground/');
  const entry = JSON.parse(readFileSync(join(root, 'pagefind-entry.json'), 'utf8')) as {
    languages?: Record<string, { page_count?: number }>;
  };
  return {
    totalBytes: sum(() => true),
    coreBytes: sum((r) => !r.includes('/') && !unused(r)),
    indexBytes: sum((r) => r.startsWith('index/')),
    filterBytes: sum((r) => r.startsWith('filter/')),
    fragmentBytes: sum((r) => r.startsWith('fragment/')),
    unusedUiBytes: sum(unused),
    files: { index: count('index'), filter: count('filter'), fragment: count('fragment') },
    pages: Object.values(entry.languages ?? {}).reduce((n, l) => n + (l.page_count ?? 0), 0),
  };
}

/** A static server for a built site under a base path. Counts the bytes it writes. */
export interface Served {
  url: string;
  server: Server;
  /** Bytes written per request path (with query string) since the last reset. */
  sent: () => Map<string, number>;
  reset: () => void;
}

export async function serveDist(dist: string, base: string, gzip: boolean): Promise<Served> {
  const root = resolve(dist);
  let sentBy = new Map<string, number>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    const key = `${url.pathname}${url.search}`;
    let sent = 0;
    const count = (chunk: unknown) => {
      if (typeof chunk === 'string') sent += Buffer.byteLength(chunk);
      else if (chunk instanceof Uint8Array) sent += chunk.byteLength;
    };
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      count(chunk);
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      if (chunk && typeof chunk !== 'function') count(chunk);
      return (end as (...a: unknown[]) => typeof res)(chunk, ...rest);
    }) as typeof res.end;
    res.on('finish', () => {
      // Status line and headers, as written.
      sent += Buffer.byteLength(`HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`);
      for (const [k, v] of Object.entries(res.getHeaders())) sent += Buffer.byteLength(`${k}: ${String(v)}\r\n`);
      sent += 2;
      sentBy.set(key, (sentBy.get(key) ?? 0) + sent);
    });

    if (!path.startsWith(base)) {
      res.writeHead(404).end('not under the base path');
      return;
    }
    path = path.slice(base.length);
    let file = resolve(root, path);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': TYPES['.html'] as string });
      const notFound = join(root, '404.html');
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end('not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const compress = gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, {
      'content-type': type,
      'cache-control': 'no-cache',
      ...(compress
        ? { 'content-encoding': 'gzip', vary: 'accept-encoding' }
        : { 'content-length': String(statSync(file).size) }),
    });
    const stream = createReadStream(file);
    if (compress) stream.pipe(createGzip({ level: 6 })).pipe(res);
    else stream.pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    server,
    sent: () => new Map(sentBy),
    reset: () => {
      sentBy = new Map();
    },
  };
}

/** Collects finished requests of a page (workers included) with their sizes on the wire. */
function networkLog(page: Page) {
  const done: Promise<{ url: string; bytes: number }>[] = [];
  const onFinished = (request: Request) => {
    done.push(request.sizes().then((s) => ({ url: request.url(), bytes: s.responseHeadersSize + s.responseBodySize })));
  };
  page.context().on('requestfinished', onFinished);
  return {
    async take(): Promise<{ url: string; bytes: number }[]> {
      const list = await Promise.all(done.splice(0));
      return list;
    },
    stop() {
      page.context().off('requestfinished', onFinished);
    },
  };
}

function transfer(entries: { url: string; bytes: number }[], sent: Map<string, number>, origin: string): Transfer {
  const byUrl = new Map<string, { url: string; bytes: number; browserBytes: number; serverBytes: number }>();
  for (const e of entries) {
    const url = e.url.replace(origin, '');
    const row = byUrl.get(url) ?? { url, bytes: 0, browserBytes: 0, serverBytes: sent.get(url) ?? 0 };
    row.browserBytes += e.bytes;
    byUrl.set(url, row);
  }
  for (const [url, bytes] of sent)
    if (!byUrl.has(url)) byUrl.set(url, { url, bytes: 0, browserBytes: 0, serverBytes: bytes });
  const rows = [...byUrl.values()].map((r) => ({ ...r, bytes: Math.max(r.browserBytes, r.serverBytes) }));
  return {
    bytes: rows.reduce((n, r) => n + r.bytes, 0),
    browserBytes: rows.reduce((n, r) => n + r.browserBytes, 0),
    serverBytes: rows.reduce((n, r) => n + r.serverBytes, 0),
    requests: entries.length,
    byUrl: rows.sort((a, b) => b.bytes - a.bytes),
  };
}

export async function benchSearch(
  options: { dist?: string; base?: string; query?: string; gzip?: boolean } = {},
): Promise<SearchBench> {
  const dist = options.dist ?? 'dist';
  const rawBase = options.base ?? process.env.BASE_PATH ?? '/';
  const base = `/${rawBase.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const query = options.query ?? 'reward model';
  const gzip = options.gzip ?? true;
  const index = indexSize(dist);
  const served = await serveDist(dist, base, gzip);
  const origin = new URL(served.url).origin;
  const browser = await chromium.launch({ executablePath: await resolveChromium(), args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const log = networkLog(page);
    await page.goto(served.url, { waitUntil: 'networkidle' });
    const pageLoad = transfer(await log.take(), served.sent(), origin);
    served.reset();

    const box = page.locator('[data-site-search] input[type="search"]');
    await box.focus();
    await page.waitForLoadState('networkidle');
    const started = Date.now();
    await box.pressSequentially(query, { delay: 40 });
    const option = page.locator('[data-site-search] [role="option"]').first();
    await option.waitFor({ state: 'visible', timeout: 20_000 });
    const msToResults = Date.now() - started - 40 * query.length;
    await page.waitForLoadState('networkidle');
    // Let the last fragment responses settle into the log.
    await page.waitForTimeout(300);
    const firstQuery = transfer(await log.take(), served.sent(), origin);
    const shown = await page.locator('[data-site-search] [role="option"]').count();
    const first = (await option.getAttribute('href')) ?? '';
    log.stop();
    await context.close();
    return {
      dist,
      base,
      query,
      gzip,
      index,
      pageLoad,
      firstQuery,
      results: { shown, first },
      msToResults: Math.max(0, msToResults),
    };
  } finally {
    await browser.close();
    served.server.close();
  }
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

export function formatBench(b: SearchBench): string {
  const lines = [
    `dist ${b.dist} (base ${b.base}), ${b.index.pages} pages indexed, query “${b.query}”, ${b.gzip ? 'gzip on' : 'no compression'}`,
    `index: ${kB(b.index.totalBytes)} on disk; used by search ${kB(b.index.totalBytes - b.index.unusedUiBytes)} = core ${kB(b.index.coreBytes)} + index ${kB(b.index.indexBytes)} (${b.index.files.index} chunks) + filters ${kB(b.index.filterBytes)} (${b.index.files.filter}) + fragments ${kB(b.index.fragmentBytes)} (${b.index.files.fragment}); unused UI bundles ${kB(b.index.unusedUiBytes)}`,
    `page load: ${kB(b.pageLoad.bytes)} in ${b.pageLoad.requests} requests (Chromium log ${kB(b.pageLoad.browserBytes)})`,
    `first query: ${kB(b.firstQuery.bytes)} in ${b.firstQuery.requests} requests (Chromium log ${kB(b.firstQuery.browserBytes)}, server wrote ${kB(b.firstQuery.serverBytes)}); ${b.results.shown} results shown, first ${b.results.first}; ${b.msToResults} ms to results`,
    ...b.firstQuery.byUrl.map(
      (e) =>
        `  ${kB(e.bytes).padStart(9)}  ${e.url}${e.browserBytes < e.bytes * 0.9 ? `  (Chromium logged ${kB(e.browserBytes)})` : ''}`,
    ),
  ];
  return lines.join('\n');
}

const USAGE = `
Usage: npx node scripts/bench-search.ts [--dist DIR] [--base PATH] [--query TEXT] [--no-gzip] [--json]

Serves a built site, types a query into the header search box in Chromium and reports the Pagefind index size and the
bytes transferred for the first query.
  --dist DIR     built site (default dist)
  --base PATH    base path the site was built with (default: BASE_PATH or /)
  --query TEXT   the query (default "reward model")
  --no-gzip      serve uncompressed (the worst case)
  --json         print the result as JSON
  -h, --help     this text
`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseCli('bench-search', USAGE, {
    allowNegative: true,
    options: {
      dist: { type: 'string', default: 'dist' },
      base: { type: 'string' },
      query: { type: 'string', default: 'reward model' },
      gzip: { type: 'boolean', default: true },
      json: { type: 'boolean', default: false },
    },
  });
  const result = await benchSearch({ dist: values.dist, base: values.base, query: values.query, gzip: values.gzip });
  console.log(values.json ? JSON.stringify(result, null, 2) : formatBench(result));
}
