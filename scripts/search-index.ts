// Builds the Pagefind search index into <outDir>/pagefind/ once `astro build` has finished and exited: `npm run build`
// (scripts/build.ts) runs the two one after the other. Inside the build (an astro:build:done hook) Pagefind's memory
// came on top of Astro's: 2.7 GB at 10,000 cards, against a 2 GB target (BENCHMARKS.md); one after the other, the peak
// is the larger of the two. Nothing is copied into public/ or git: the index is a build artefact like the pages.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SEARCH_PAGES } from '../src/lib/search/pages.ts';
import { VOCABULARY_FILE, vocabularyWords } from '../src/lib/search/suggest.ts';
import { withBase } from '../src/lib/site/url.ts';

/**
 * Parts of a card page that are not the card's own text. The article carries `data-pagefind-body`, so site chrome
 * is already left out; these are the parts inside the article that shared components render (they cannot carry
 * `data-pagefind-ignore` themselves). Meta, filter and sort attributes still apply inside ignored parts.
 */
export const EXCLUDE_SELECTORS = [
  '.card-page .breadcrumb',
  '.card-page .quiz',
  '.card-page .sources',
  '.card-page .chips',
  '.card-page .series-progress',
  '.card-page .series-nav',
];

export interface PagefindOptions {
  /** ISO 639-1 code of the whole site (one index); defaults to the `lang` of each page. */
  language?: string;
  /** Fail the build when no page was indexed (default true): a search page over an empty index is a silent bug. */
  requirePages?: boolean;
  /** Keep Pagefind's prebuilt UI bundles and unreferenced WebAssembly files (default false: they are never loaded). */
  keepUnused?: boolean;
  /** The site's base path (`/` or `/sub/`), for the URLs of the pages indexed as records. */
  base?: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Character references decoded, whitespace collapsed: the text of an attribute value. */
export function decodeText(text: string): string {
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, ref: string) =>
      ref[0] === '#'
        ? String.fromCodePoint(
            ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1)),
          )
        : (ENTITIES[ref.toLowerCase()] ?? m),
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/** The visible text of an HTML fragment: no scripts, styles, SVG or tags; entities decoded; whitespace collapsed. */
export function htmlText(html: string): string {
  return decodeText(
    html
      .replace(/<(script|style|svg|template|noscript)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<[^>]+>/g, ' '),
  );
}

/**
 * A page that is not a card (the calculator, the selector, the memory model) as a Pagefind record: the text of its
 * <main> without the breadcrumb, its <h1> as title, its meta description as summary, and the words readers look for
 * it by.
 */
export function pageRecord(
  html: string,
  page: { url: string; kind: string; keywords: readonly string[] },
  language: string,
): { url: string; content: string; language: string; meta: Record<string, string> } {
  const main = /<main\b[^>]*>([\s\S]*?)<\/main>/i.exec(html)?.[1] ?? '';
  const title = htmlText(/<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(main)?.[1] ?? '');
  const summary = /<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? '';
  // Single letters (the q, k, v of a formula) are no search terms, and Pagefind matches a word it does not know by a
  // known prefix: "qzxv" would find every page with a lone "q".
  const text = htmlText(main.replace(/<nav\b[\s\S]*?<\/nav>/gi, ' '))
    .replace(/(?<![\p{L}\p{N}_])\p{L}(?![\p{L}\p{N}_])/gu, '')
    .replace(/\s+/g, ' ');
  return {
    url: page.url,
    content: `${title}. ${page.keywords.join('. ')}. ${text}`,
    language,
    meta: { title, summary: decodeText(summary), kind: page.kind },
  };
}

/** The searchable text of a built card page: title, summary and body, as Pagefind indexes them. */
export function cardText(html: string): string {
  const title = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '';
  const summary = /<p class="summary"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
  const body = /<div class="card-body">([\s\S]*?)(?:<section class="panel|<\/article>)/.exec(html)?.[1] ?? '';
  return htmlText(`${title} ${summary} ${body}`);
}

/** The vocabulary file for "did you mean": every word of the indexed text, most frequent first. */
export function vocabulary(texts: readonly string[], max = 6000): { words: string[] } {
  const counts = new Map<string, number>();
  for (const t of texts) for (const w of vocabularyWords(t)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const words = [...counts.entries()]
    .filter(([w]) => w.length >= 3 && !/^\d+$/.test(w))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, max)
    .map(([w]) => w);
  return { words };
}

export interface IndexResult {
  /** Pages in the index (those with data-pagefind-body). */
  pages: number;
  /** HTML files Pagefind read. */
  files: number;
  ms: number;
}

/**
 * Indexes the built site in `outDir` into `outDir/pagefind/`, through Pagefind's Node API. Throws with the reason
 * when Pagefind fails or (unless `requirePages` is false) when no page was indexed.
 */
export async function buildSearchIndex(outDir: string, options: PagefindOptions = {}): Promise<IndexResult> {
  const started = performance.now();
  const outputPath = join(outDir, 'pagefind');
  const { createIndex, close } = await import('pagefind');
  try {
    const { index, errors } = await createIndex({
      forceLanguage: options.language,
      excludeSelectors: EXCLUDE_SELECTORS,
    });
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw new Error(`Pagefind failed to index ${outDir}: ${added.errors.join('; ')}`);
    // Pages that are not cards, as records: the tools and the memory model are what "vram" or "calculator" means.
    const base = options.base ?? '/';
    const texts: string[] = [];
    for (const page of SEARCH_PAGES) {
      const file = join(outDir, page.route, 'index.html');
      const html = await readFile(file, 'utf8').catch(() => {
        throw new Error(`the search index lists /${page.route}, but the build has no ${file}`);
      });
      const record = pageRecord(html, { ...page, url: withBase(base, page.route) }, options.language ?? 'en');
      const r = await index.addCustomRecord(record);
      if (r.errors.length > 0) throw new Error(`Pagefind failed to index /${page.route}: ${r.errors.join('; ')}`);
      texts.push(record.content);
    }
    for (const f of await readdir(join(outDir, 'cards'), { recursive: true, encoding: 'utf8' }))
      if (f.endsWith('index.html')) texts.push(cardText(await readFile(join(outDir, 'cards', f), 'utf8')));
    // A stale bundle from an earlier build would leave old fragments next to the new ones.
    await rm(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0)
      throw new Error(`Pagefind failed to write ${outputPath}: ${written.errors.join('; ')}`);
    await writeFile(join(outputPath, VOCABULARY_FILE), JSON.stringify(vocabulary(texts)));
    // addDirectory counts every HTML file it read; the entry file says how many pages made it into the index.
    const entry = await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8');
    const pages = indexedPages(entry);
    // Pagefind always writes its ready-made UIs and a WebAssembly build per language seen; we load neither.
    if (!options.keepUnused) {
      for (const name of unusedBundleFiles(await readdir(outputPath), entry)) await rm(join(outputPath, name));
    }
    if (pages === 0 && options.requirePages !== false) {
      throw new Error(`Pagefind found no page with data-pagefind-body in ${outDir}: search would return nothing.`);
    }
    return { pages, files: added.page_count, ms: Math.round(performance.now() - started) };
  } finally {
    await close();
  }
}

/** Pages in the index, summed over languages, from pagefind-entry.json. */
export function indexedPages(entryJson: string): number {
  const entry = JSON.parse(entryJson) as { languages?: Record<string, { page_count?: number }> };
  return Object.values(entry.languages ?? {}).reduce((n, l) => n + (l.page_count ?? 0), 0);
}

/**
 * Top-level files of the Pagefind bundle that our search never requests: the Default, Modular and Component UIs, the
 * highlighter, and WebAssembly builds no language in the entry file points to.
 */
export function unusedBundleFiles(names: string[], entryJson: string): string[] {
  const entry = JSON.parse(entryJson) as { languages?: Record<string, { wasm?: string | null }> };
  const wasm = new Set(Object.values(entry.languages ?? {}).map((l) => `wasm.${l.wasm ?? 'unknown'}.pagefind`));
  return names.filter(
    (n) =>
      /^pagefind-(ui|modular-ui|component-ui)\.(js|css)$/.test(n) ||
      n === 'pagefind-highlight.js' ||
      (/^wasm\..+\.pagefind$/.test(n) && !wasm.has(n)),
  );
}
