import { describe, expect, it } from 'vitest';
import {
  cardText,
  EXCLUDE_SELECTORS,
  indexedPages,
  pageRecord,
  unusedBundleFiles,
  vocabulary,
} from '../../../scripts/search-index.ts';

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

describe('records and vocabulary beyond the cards', () => {
  const html =
    '<html><head><meta name="description" content="Fit a run &amp; its <Vram> figures."></head><body><header>Site nav</header>' +
    '<main id="main"><nav class="breadcrumb">Home</nav><h1>VRAM <em>calculator</em></h1><p>Pick a model; q, k and v ' +
    'projections.</p><script>var x = "secret";</script><svg><text>icon</text></svg></main><footer>Footer</footer></body></html>';

  it('indexes a tool page by its main text, h1, description and keywords, without chrome, code or single letters', () => {
    const r = pageRecord(html, { url: '/calculator/', kind: 'Tool', keywords: ['GPU memory'] }, 'en');
    expect(r.meta).toEqual({ title: 'VRAM calculator', summary: 'Fit a run & its <Vram> figures.', kind: 'Tool' });
    expect(r.url).toBe('/calculator/');
    expect(r.language).toBe('en');
    expect(r.content).toContain('GPU memory');
    expect(r.content).toContain('Pick model; , and projections.');
    for (const absent of ['Site nav', 'Home', 'Footer', 'secret', 'icon', ' q,', ' k '])
      expect(r.content).not.toContain(absent);
  });

  it('reads a card page as title, summary and body, not its quiz or sources', () => {
    const card =
      '<article data-pagefind-body><h1 data-pagefind-meta="title">LoRA</h1><p class="summary" data-pagefind-meta="summary">Low rank.</p>' +
      '<div class="card-body"><p>Adapters train.</p></div><section class="panel quiz">Which one?</section></article>';
    expect(cardText(card)).toBe('LoRA Low rank. Adapters train.');
  });

  it('lists each word once, most frequent first, without numbers or two-letter words', () => {
    expect(vocabulary(['lora lora qlora 2026 of', 'qlora lora fine-tuning']).words).toEqual([
      'lora',
      'qlora',
      'fine-tuning',
    ]);
  });
});
