import { describe, expect, it, vi } from 'vitest';
import {
  bundleUrl,
  createSearchClient,
  describeOutcome,
  emptyState,
  type FilterCounts,
  facetCounts,
  type PagefindApi,
  type PagefindOptions,
  type PagefindSearchOptions,
  parseSearchState,
  shapeHit,
} from '../../../src/lib/search/index.ts';

interface Page {
  url: string;
  text: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

const PAGES: Page[] = [
  {
    url: '/cards/qlora/',
    text: 'QLoRA stores the base in NF4 and trains LoRA adapters',
    meta: {
      title: 'QLoRA',
      level: 'intermediate',
      level_label: 'Intermediate',
      topic: 'PEFT',
      kind: 'Knowledge',
      published: '2026-10-07',
    },
    filters: { level: ['intermediate'], topic: ['peft'], kind: ['knowledge'], tag: ['qlora', 'lora'] },
  },
  {
    url: '/cards/lora/',
    text: 'LoRA trains a low-rank update',
    meta: {
      title: 'LoRA',
      core: 'lora',
      level: 'beginner',
      level_label: 'Beginner',
      topic: 'PEFT',
      kind: 'Knowledge',
      published: '2026-10-01',
    },
    filters: { level: ['beginner'], topic: ['peft'], kind: ['knowledge'], tag: ['lora'] },
  },
  {
    url: '/cards/rlhf-ppo/',
    text: 'RLHF trains a reward model then runs PPO',
    meta: {
      title: 'RLHF with PPO',
      level: 'advanced',
      level_label: 'Advanced',
      topic: 'Alignment',
      kind: 'Knowledge',
      published: '2026-10-03',
    },
    filters: { level: ['advanced'], topic: ['alignment'], kind: ['knowledge'], tag: ['rlhf'] },
  },
  {
    url: '/cards/dpo/',
    text: 'DPO skips the reward model',
    meta: {
      title: 'DPO',
      level: 'intermediate',
      level_label: 'Intermediate',
      topic: 'Alignment',
      kind: 'Comparison',
      published: '2026-10-05',
    },
    filters: { level: ['intermediate'], topic: ['alignment'], kind: ['comparison'], tag: ['dpo'] },
  },
];

/** A tiny stand-in for pagefind.js with the same call shapes: AND of words, `{ key: { any } }` filters. */
function fakePagefind(pages = PAGES) {
  let filtersLoaded = false;
  const calls: { term: string | null; options?: PagefindSearchOptions }[] = [];
  const matches = (p: Page, term: string | null, filters: Record<string, unknown> = {}) => {
    const words = (term ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const text = p.text.toLowerCase();
    if (!words.every((w) => text.includes(w))) return false;
    return Object.entries(filters).every(([k, f]) =>
      (f as { any: string[] }).any.some((v) => p.filters[k]?.includes(v)),
    );
  };
  const counts = (list: Page[]): FilterCounts => {
    // Every value of the index is listed, with 0 when no page of `list` has it.
    const out: FilterCounts = {};
    const add = (p: Page, n: number) => {
      for (const [k, vs] of Object.entries(p.filters)) {
        const row = out[k] ?? {};
        for (const v of vs) row[v] = (row[v] ?? 0) + n;
        out[k] = row;
      }
    };
    for (const p of pages) add(p, 0);
    for (const p of list) add(p, 1);
    return out;
  };
  const api: PagefindApi & { calls: typeof calls; optionsSeen: PagefindOptions[] } = {
    calls,
    optionsSeen: [],
    options: vi.fn(async (o: PagefindOptions) => {
      api.optionsSeen.push(o);
    }),
    init: vi.fn(async () => {}),
    preload: vi.fn(async () => {}),
    filters: vi.fn(async () => {
      filtersLoaded = true;
      return counts(pages);
    }),
    search: vi.fn(async (term: string | null, options?: PagefindSearchOptions) => {
      calls.push({ term, options });
      const hits = pages.filter((p) => matches(p, term, options?.filters));
      if (options?.sort?.published)
        hits.sort(
          (a, b) =>
            (a.meta.published ?? '').localeCompare(b.meta.published ?? '') *
            (options.sort?.published === 'asc' ? 1 : -1),
        );
      const unfiltered = pages.filter((p) => matches(p, term)).length;
      return {
        results: hits.map((p, i) => ({
          id: `id${i}`,
          score: 1,
          data: async () => ({
            url: p.url,
            excerpt: p.text.replace(
              new RegExp(`(${(term ?? '').split(/\s+/).filter(Boolean).join('|') || '$^'})`, 'gi'),
              '<mark>$1</mark>',
            ),
            meta: p.meta,
          }),
        })),
        unfilteredResultCount: unfiltered,
        // Pagefind: counts if each value were AND-ed onto the current filters; only once filters are loaded.
        filters: filtersLoaded ? counts(hits) : {},
        totalFilters: filtersLoaded ? counts(pages.filter((p) => matches(p, term))) : {},
      };
    }),
  };
  return api;
}

describe('bundleUrl', () => {
  it('puts pagefind.js under the base path', () => {
    expect(bundleUrl('/')).toBe('/pagefind/pagefind.js');
    expect(bundleUrl('/sub/')).toBe('/sub/pagefind/pagefind.js');
    expect(bundleUrl('/sub')).toBe('/sub/pagefind/pagefind.js');
  });
});

describe('shapeHit', () => {
  it('takes title, summary and labels from meta and parses the excerpt', () => {
    const hit = shapeHit('a', {
      url: '/cards/x/',
      excerpt: 'in <mark>NF4</mark>',
      meta: {
        title: ' QLoRA ',
        summary: 'S',
        level: 'advanced',
        level_label: 'Advanced',
        topic: 'PEFT',
        kind: 'How-to',
        published: '2026-10-07',
      },
    });
    expect(hit).toEqual({
      id: 'a',
      url: '/cards/x/',
      title: 'QLoRA',
      summary: 'S',
      level: 'advanced',
      levelLabel: 'Advanced',
      topic: 'PEFT',
      kind: 'How-to',
      published: '2026-10-07',
      excerpt: [
        { text: 'in ', mark: false },
        { text: 'NF4', mark: true },
      ],
    });
  });

  it('falls back to the URL for a page without a title, and tolerates missing meta', () => {
    const hit = shapeHit('b', { url: '/cards/y/', excerpt: '', meta: {} });
    expect(hit.title).toBe('/cards/y/');
    expect(hit.level).toBeUndefined();
    expect(hit.excerpt).toEqual([]);
  });
});

describe('createSearchClient', () => {
  it('loads nothing until asked, then loads once and passes the options', async () => {
    const pf = fakePagefind();
    const load = vi.fn(async () => pf);
    const client = createSearchClient(load, { basePath: '/sub/pagefind/', baseUrl: '/sub/' });
    expect(load).not.toHaveBeenCalled();
    await Promise.all([client.ready(), client.ready()]);
    await client.search({ ...emptyState(), q: 'lora' });
    expect(load).toHaveBeenCalledTimes(1);
    expect(pf.init).toHaveBeenCalledTimes(1);
    expect(pf.optionsSeen[0]).toMatchObject({ basePath: '/sub/pagefind/', baseUrl: '/sub/' });
  });

  it('retries loading after a failure', async () => {
    const pf = fakePagefind();
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(pf);
    const client = createSearchClient(load);
    await expect(client.ready()).rejects.toThrow('offline');
    await client.ready();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('returns shaped hits, totals and nothing for an empty state', async () => {
    const client = createSearchClient(async () => fakePagefind());
    expect(await client.search(emptyState())).toBeNull();
    const out = await client.search({ ...emptyState(), q: '  NF4 ' });
    expect(out?.total).toBe(1);
    expect(out?.hits[0]?.url).toBe('/cards/qlora/');
    expect(out?.hits[0]?.excerpt.find((s) => s.mark)?.text).toBe('NF4');
    expect(out && describeOutcome(out)).toBe('1 result for “NF4”.');
  });

  it('puts the core card of the term first on the first page of a relevance search, whatever Pagefind scored', async () => {
    const client = createSearchClient(async () => fakePagefind());
    // The fake ranks in page order: QLoRA (which mentions LoRA) comes before the LoRA card.
    const plain = await client.search({ ...emptyState(), q: 'adapters lora' });
    expect(plain?.hits.map((h) => h.url)).toEqual(['/cards/qlora/']);
    for (const q of ['lora', 'LoRA', ' lora ']) {
      const out = await client.search({ ...emptyState(), q });
      expect(
        out?.hits.map((h) => h.url),
        q,
      ).toEqual(['/cards/lora/', '/cards/qlora/']);
    }
    const newest = await client.search({ ...emptyState(), q: 'lora', sort: 'oldest' });
    expect(newest?.hits.map((h) => h.url)).toEqual(['/cards/lora/', '/cards/qlora/']);
    const second = await client.search({ ...emptyState(), q: 'lora' }, { offset: 1 });
    expect(second?.hits.map((h) => h.url)).toEqual(['/cards/lora/']);
  });

  it('passes filters and sort to Pagefind, and searches filters alone with a null term', async () => {
    const pf = fakePagefind();
    const client = createSearchClient(async () => pf);
    const { state } = parseSearchState('?level=intermediate&sort=newest');
    const out = await client.search(state);
    expect(pf.calls.at(-1)).toEqual({
      term: null,
      options: { filters: { level: { any: ['intermediate'] } }, sort: { published: 'desc' } },
    });
    expect(out?.hits.map((h) => h.url)).toEqual(['/cards/qlora/', '/cards/dpo/']);
  });

  it('pages through results with limit and offset', async () => {
    const client = createSearchClient(async () => fakePagefind());
    const first = await client.search({ ...emptyState(), q: 'trains' }, { limit: 2 });
    const rest = await client.search({ ...emptyState(), q: 'trains' }, { limit: 2, offset: 2 });
    expect(first?.total).toBe(3);
    expect(first?.hits).toHaveLength(2);
    expect(rest?.hits).toHaveLength(1);
    expect(new Set([...(first?.hits ?? []), ...(rest?.hits ?? [])].map((h) => h.url)).size).toBe(3);
  });

  it('drops a search that a newer one overtook', async () => {
    const pf = fakePagefind();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const slow = pf.search;
    pf.search = vi.fn(async (term, options) => {
      if (term === 'lora') await gate;
      return slow(term, options);
    });
    const client = createSearchClient(async () => pf);
    await client.ready();
    const older = client.search({ ...emptyState(), q: 'lora' });
    const newer = client.search({ ...emptyState(), q: 'dpo' });
    release();
    expect(await older).toBeNull();
    expect((await newer)?.hits[0]?.url).toBe('/cards/dpo/');
  });
});

describe('facet counts', () => {
  it('counts an unselected dimension against all current filters', async () => {
    const client = createSearchClient(async () => fakePagefind());
    const out = await client.search({ ...emptyState(), q: 'model' }, { facets: true });
    expect(out?.facets.level).toEqual({ beginner: 0, intermediate: 1, advanced: 1 });
    expect(out?.facets.topic).toEqual({ peft: 0, alignment: 2 });
  });

  it('counts a selected dimension as if its own selection were not there (OR within a dimension)', async () => {
    const client = createSearchClient(async () => fakePagefind());
    const out = await client.search(
      { ...emptyState(), q: 'trains', filters: { level: ['beginner'] } },
      { facets: true },
    );
    expect(out?.total).toBe(1);
    // Other levels still show what they would add, not 0.
    expect(out?.facets.level).toEqual({ beginner: 1, intermediate: 1, advanced: 1 });
    // Other dimensions count within the selection.
    expect(out?.facets.topic).toEqual({ peft: 1, alignment: 0 });
    expect(out && describeOutcome(out)).toBe('1 result for “trains” with 1 filter.');
  });

  it('uses the whole index for a lone dimension with no query', async () => {
    const pf = fakePagefind();
    const counts = await facetCounts(pf, null, { level: ['advanced'] }, {});
    expect(counts.level).toEqual({ beginner: 1, intermediate: 2, advanced: 1 });
    expect(pf.filters).toHaveBeenCalled();
  });
});

describe('describeOutcome', () => {
  const state = parseSearchState('?q=reward+model&level=beginner').state;
  it('says how many cards matched, with and without filters', () => {
    expect(describeOutcome({ state: { ...state, filters: {} }, total: 13, unfiltered: 13 })).toBe(
      '13 results for “reward model”.',
    );
    expect(describeOutcome({ state, total: 0, unfiltered: 13 })).toBe(
      'No results for “reward model” with 1 filter. 13 results without the filters.',
    );
    expect(describeOutcome({ state: { ...state, filters: {} }, total: 0, unfiltered: 0 })).toBe(
      'No results for “reward model”. Try fewer or different words.',
    );
    expect(describeOutcome({ state: { ...state, q: '' }, total: 2, unfiltered: 0 })).toBe('2 results with 1 filter.');
  });
});
