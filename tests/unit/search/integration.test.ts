import { describe, expect, it } from 'vitest';
import { EXCLUDE_SELECTORS, indexedPages, unusedBundleFiles } from '../../../scripts/search-index.ts';

const ENTRY = JSON.stringify({ version: '1.6.0', languages: { en: { hash: 'en_1', wasm: 'en', page_count: 40 } } });

describe('the Pagefind integration helpers', () => {
  it('reads the indexed page count from pagefind-entry.json', () => {
    expect(indexedPages(ENTRY)).toBe(40);
    expect(indexedPages(JSON.stringify({ languages: { en: { page_count: 3 }, de: { page_count: 2 } } }))).toBe(5);
    expect(indexedPages('{}')).toBe(0);
  });

  it('lists the bundle files nothing loads, keeping the core and the referenced WebAssembly', () => {
    const names = [
      'pagefind.js',
      'pagefind-worker.js',
      'pagefind-entry.json',
      'pagefind.en_1.pf_meta',
      'wasm.en.pagefind',
      'wasm.unknown.pagefind',
      'pagefind-ui.js',
      'pagefind-ui.css',
      'pagefind-modular-ui.js',
      'pagefind-modular-ui.css',
      'pagefind-component-ui.js',
      'pagefind-component-ui.css',
      'pagefind-highlight.js',
      'index',
      'fragment',
      'filter',
    ];
    expect(unusedBundleFiles(names, ENTRY).sort()).toEqual(
      [
        'wasm.unknown.pagefind',
        'pagefind-ui.js',
        'pagefind-ui.css',
        'pagefind-modular-ui.js',
        'pagefind-modular-ui.css',
        'pagefind-component-ui.js',
        'pagefind-component-ui.css',
        'pagefind-highlight.js',
      ].sort(),
    );
    // A language without a stemmer uses the generic build, which must then stay.
    const generic = JSON.stringify({ languages: { xx: { wasm: null, page_count: 1 } } });
    expect(unusedBundleFiles(['wasm.unknown.pagefind', 'wasm.en.pagefind'], generic)).toEqual(['wasm.en.pagefind']);
  });

  it('keeps everything outside the card text out of the index', () => {
    for (const part of ['.quiz', '.sources', '.breadcrumb', '.series-nav']) {
      expect(EXCLUDE_SELECTORS.some((s) => s.endsWith(part))).toBe(true);
    }
  });
});
