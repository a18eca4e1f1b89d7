// A small typed wrapper around Pagefind's browser API (the `pagefind.js` that the build writes to <base>pagefind/).
// The loader is injected, so everything here runs in unit tests against a fake index; the browser passes a dynamic
// import of the real bundle.
import { routes } from '../site/routes.ts';
import { withBase } from '../site/url.ts';
import { parseExcerpt, type Segment } from './excerpt.ts';
import {
  FILTER_KEYS,
  isSearchable,
  normalizeQuery,
  type SearchFilters,
  type SearchState,
  toPagefindFilters,
  toPagefindSort,
} from './state.ts';

/** Counts per filter value: `{ level: { beginner: 4, advanced: 1 } }`. */
export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindOptions {
  /** Where pagefind.js and the index live, e.g. `/base/pagefind/`. */
  basePath?: string;
  /** Prefixed to every result URL: the site's base path. */
  baseUrl?: string;
  excerptLength?: number;
  ranking?: { termFrequency?: number; termSimilarity?: number; pageLength?: number; termSaturation?: number };
}

export interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[]>;
  word_count?: number;
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindFragment>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

export interface PagefindSearchOptions {
  filters?: Record<string, unknown>;
  sort?: Record<string, 'asc' | 'desc'>;
}

/** The part of Pagefind's module API we use. */
export interface PagefindApi {
  options(options: PagefindOptions): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse | null>;
  preload(term: string, options?: PagefindSearchOptions): Promise<void>;
  filters(): Promise<FilterCounts>;
}

/** One result as the UI shows it. */
export interface SearchHit {
  id: string;
  url: string;
  title: string;
  summary: string;
  /** Level id (`beginner`), for styling. */
  level?: string;
  /** Level as shown (`Beginner`). */
  levelLabel?: string;
  /** Topic title. */
  topic?: string;
  /** Kind as shown (`How-to`). */
  kind?: string;
  /** ISO day of publication. */
  published?: string;
  excerpt: Segment[];
}

export interface SearchOutcome {
  state: SearchState;
  /** The requested page of hits, loaded. */
  hits: SearchHit[];
  /** All matches with the filters applied. */
  total: number;
  /** Matches of the query alone. */
  unfiltered: number;
  /**
   * Facet counts (only with `facets: true`, else empty): for each filter value, how many cards match the query and
   * the filters of the other dimensions with this value selected in its own dimension (values within a dimension are
   * OR-ed, so selecting one more value adds these cards).
   */
  facets: FilterCounts;
}

/** The path of pagefind.js under a base path (`/` or `/sub/`). */
export const bundleUrl = (base: string): string => withBase(base, routes.searchBundle());

/** Turns Pagefind's result data into what the UI needs; meta values are raw text, never HTML. */
export function shapeHit(id: string, fragment: PagefindFragment): SearchHit {
  const meta = fragment.meta ?? {};
  const title = (meta.title ?? '').trim() || fragment.url;
  return {
    id,
    url: fragment.url,
    title,
    summary: (meta.summary ?? '').trim(),
    level: meta.level || undefined,
    levelLabel: meta.level_label || meta.level || undefined,
    topic: meta.topic || undefined,
    kind: meta.kind || undefined,
    published: meta.published || undefined,
    excerpt: parseExcerpt(fragment.excerpt ?? ''),
  };
}

export interface SearchClient {
  /** Loads the bundle and the index metadata (call on focus, so the first query is quick). */
  ready(): Promise<void>;
  /** Downloads the index chunks a query will need, without searching. */
  preload(q: string): Promise<void>;
  /** All filter values in the index with their page counts. */
  filters(): Promise<FilterCounts>;
  /**
   * Runs a search. Resolves to null when a newer search started meanwhile (the caller drops stale results) or when the
   * state asks for nothing (no query, no filter).
   */
  search(
    state: SearchState,
    options?: { limit?: number; offset?: number; facets?: boolean },
  ): Promise<SearchOutcome | null>;
}

export function createSearchClient(load: () => Promise<PagefindApi>, options: PagefindOptions = {}): SearchClient {
  let api: Promise<PagefindApi> | undefined;
  let allFilters: Promise<FilterCounts> | undefined;
  let latest = 0;

  const get = (): Promise<PagefindApi> => {
    if (!api) {
      const loading = (async () => {
        const pf = await load();
        await pf.options({ excerptLength: 24, ...options });
        await pf.init();
        return pf;
      })();
      // A failed load (offline, missing index) is retried on the next call instead of failing forever.
      loading.catch(() => {
        if (api === loading) api = undefined;
      });
      api = loading;
    }
    return api;
  };
  const loadFilters = (pf: PagefindApi): Promise<FilterCounts> => {
    allFilters ??= pf.filters();
    return allFilters;
  };

  return {
    async ready() {
      await get();
    },
    async preload(q) {
      const term = normalizeQuery(q);
      if (term) await (await get()).preload(term);
    },
    async filters() {
      return loadFilters(await get());
    },
    async search(state, { limit = 10, offset = 0, facets = false } = {}) {
      const ticket = ++latest;
      if (!isSearchable(state)) return null;
      const pf = await get();
      const term = normalizeQuery(state.q) || null;
      const sort = toPagefindSort(state.sort);
      // Pagefind only returns filter counts once its filter index is loaded.
      if (facets) await loadFilters(pf);
      const response = await pf.search(term, { filters: toPagefindFilters(state.filters), ...(sort ? { sort } : {}) });
      if (!response || ticket !== latest) return null;
      const counts = facets ? await facetCounts(pf, term, state.filters, response.filters ?? {}) : {};
      if (ticket !== latest) return null;
      const page = response.results.slice(offset, offset + Math.max(0, limit));
      const fragments = await Promise.all(page.map((r) => r.data()));
      if (ticket !== latest) return null;
      const hits = fragments.map((f, i) => shapeHit(page[i]?.id ?? String(i), f));
      // The core card of the term (meta `core`, set on the card whose id is the term) leads the first page of a
      // relevance search: Pagefind weights it up, but a card that mentions the term more often can still outscore it.
      const core = term && offset === 0 && state.sort === 'relevance' ? term.toLowerCase() : null;
      const at = core ? fragments.findIndex((f) => f.meta?.core === core) : -1;
      if (at > 0) hits.unshift(...hits.splice(at, 1));
      return {
        state,
        hits,
        total: response.results.length,
        unfiltered: response.unfilteredResultCount,
        facets: counts,
      };
    },
  };
}

/**
 * Disjunctive facet counts. Pagefind's own counts say how many results would remain if a value were AND-ed onto the
 * current filters; that is right for a dimension with nothing selected. For a dimension with a selection we search
 * once more without it, so its values count against the other dimensions only. One extra search per active dimension;
 * the filter chunks are already loaded by then, so these cost no network.
 */
export async function facetCounts(
  pf: Pick<PagefindApi, 'search' | 'filters'>,
  term: string | null,
  filters: SearchFilters,
  remaining: FilterCounts,
): Promise<FilterCounts> {
  const out: FilterCounts = { ...remaining };
  for (const key of FILTER_KEYS) {
    if (!filters[key]?.length) continue;
    const others: SearchFilters = { ...filters };
    delete others[key];
    const anything = term !== null || Object.keys(others).length > 0;
    const counts = anything
      ? (await pf.search(term, { filters: toPagefindFilters(others) }))?.filters
      : await pf.filters();
    out[key] = { ...(counts?.[key] ?? {}) };
  }
  return out;
}
