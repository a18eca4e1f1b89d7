// Search state in the URL: `?q=reward+model&level=beginner&level=advanced&topic=alignment&sort=newest`.
// Pure: no DOM, no Pagefind. The same shape is read by /search/ on load and written back as the reader types,
// so every result list can be linked, bookmarked and reloaded.

/** Filter dimensions, in URL order. Values within a dimension are OR-ed; dimensions are AND-ed. */
export const FILTER_KEYS = ['topic', 'level', 'kind', 'tag'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type SearchFilters = Partial<Record<FilterKey, string[]>>;

export const SORTS = ['relevance', 'newest', 'oldest'] as const;
export type SortOrder = (typeof SORTS)[number];

export interface SearchState {
  /** The query as typed (trimmed of outer whitespace, inner spaces kept). */
  q: string;
  filters: SearchFilters;
  sort: SortOrder;
}

/** Longest query and filter value we keep from a URL; anything longer is cut, not rejected. */
export const MAX_QUERY = 200;
export const MAX_VALUE = 60;
/** At most this many values per filter dimension (a crafted URL cannot make a huge filter). */
export const MAX_VALUES = 20;

export const emptyState = (): SearchState => ({ q: '', filters: {}, sort: 'relevance' });

export const isFilterKey = (k: string): k is FilterKey => (FILTER_KEYS as readonly string[]).includes(k);
const isSort = (s: string): s is SortOrder => (SORTS as readonly string[]).includes(s);

/** Collapses runs of whitespace and trims; keeps case (Pagefind folds case itself). */
export const normalizeQuery = (q: string): string => q.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY);

/**
 * Reads a state from a query string or URLSearchParams. Never throws: unknown keys are ignored, empty and duplicate
 * values are dropped, a bad `sort` falls back to relevance. `known`, when given, restricts each dimension to the values
 * that exist in the index; the rest are reported in `ignored` so the page can say so instead of showing nothing.
 */
export function parseSearchState(
  input: string | URLSearchParams,
  known?: Partial<Record<FilterKey, ReadonlySet<string>>>,
): { state: SearchState; ignored: { key: FilterKey; value: string }[] } {
  const params = typeof input === 'string' ? new URLSearchParams(input) : input;
  const state = emptyState();
  const ignored: { key: FilterKey; value: string }[] = [];
  state.q = normalizeQuery(params.get('q') ?? '');
  const sort = params.get('sort');
  if (sort && isSort(sort)) state.sort = sort;
  for (const key of FILTER_KEYS) {
    const values: string[] = [];
    for (const raw of params.getAll(key)) {
      const value = raw.trim().slice(0, MAX_VALUE);
      if (!value || values.includes(value)) continue;
      const allowed = known?.[key];
      if (allowed && !allowed.has(value)) {
        ignored.push({ key, value });
        continue;
      }
      if (values.length < MAX_VALUES) values.push(value);
    }
    if (values.length > 0) state.filters[key] = values;
  }
  return { state, ignored };
}

/**
 * `?q=…&topic=…&level=…&kind=…&tag=…&sort=…` in a fixed order with sorted values, so equal states give equal URLs;
 * '' for the empty state. The default sort is left out.
 */
export function serializeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  const q = normalizeQuery(state.q);
  if (q) params.set('q', q);
  for (const key of FILTER_KEYS) {
    for (const value of [...new Set(state.filters[key] ?? [])].filter(Boolean).sort()) params.append(key, value);
  }
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const s = params.toString();
  return s ? `?${s}` : '';
}

export const activeFilterCount = (filters: SearchFilters): number =>
  FILTER_KEYS.reduce((n, k) => n + (filters[k]?.length ?? 0), 0);

export const hasFilter = (filters: SearchFilters, key: FilterKey, value: string): boolean =>
  filters[key]?.includes(value) ?? false;

/** Adds the value to its dimension, or removes it if present. Returns a new object; empty dimensions disappear. */
export function toggleFilter(filters: SearchFilters, key: FilterKey, value: string): SearchFilters {
  const current = filters[key] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const out: SearchFilters = { ...filters };
  if (next.length > 0) out[key] = next;
  else delete out[key];
  return out;
}

/** Pagefind's filter object: `{ level: { any: ['beginner', 'advanced'] }, topic: { any: ['peft'] } }`. */
export function toPagefindFilters(filters: SearchFilters): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const key of FILTER_KEYS) {
    const values = filters[key];
    if (values && values.length > 0) out[key] = { any: [...values] };
  }
  return out;
}

/** Pagefind's sort object for the `published` sort key (ISO dates sort correctly as strings), or none for relevance. */
export function toPagefindSort(sort: SortOrder): Record<string, 'asc' | 'desc'> | undefined {
  if (sort === 'newest') return { published: 'desc' };
  if (sort === 'oldest') return { published: 'asc' };
  return undefined;
}

/** Whether a state asks for anything: a query or at least one filter. */
export const isSearchable = (state: SearchState): boolean =>
  normalizeQuery(state.q) !== '' || activeFilterCount(state.filters) > 0;
