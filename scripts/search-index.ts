// Builds the Pagefind search index into <outDir>/pagefind/ once `astro build` has finished and exited: `npm run build`
// (scripts/build.ts) runs the two one after the other. Inside the build (an astro:build:done hook) Pagefind's memory
// came on top of Astro's: 2.7 GB at 10,000 cards, against a 2 GB target (BENCHMARKS.md); one after the other, the peak
// is the larger of the two. Nothing is copied into public/ or git: the index is a build artefact like the pages.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

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
    // A stale bundle from an earlier build would leave old fragments next to the new ones.
    await rm(outputPath, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0)
      throw new Error(`Pagefind failed to write ${outputPath}: ${written.errors.join('; ')}`);
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
