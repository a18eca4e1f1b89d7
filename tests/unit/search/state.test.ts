import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  emptyState,
  FILTER_KEYS,
  isSearchable,
  MAX_QUERY,
  MAX_VALUES,
  normalizeQuery,
  parseSearchState,
  type SearchState,
  SORTS,
  serializeSearchState,
  toggleFilter,
  toPagefindFilters,
  toPagefindSort,
} from '../../../src/lib/search/index.ts';

describe('parseSearchState', () => {
  it('reads the query, repeated filter values and the sort', () => {
    const { state, ignored } = parseSearchState(
      '?q=reward+model&level=beginner&level=advanced&topic=alignment&tag=rlhf&kind=how-to&sort=newest',
    );
    expect(state).toEqual({
      q: 'reward model',
      filters: { topic: ['alignment'], level: ['beginner', 'advanced'], kind: ['how-to'], tag: ['rlhf'] },
      sort: 'newest',
    });
    expect(ignored).toEqual([]);
  });

  it('accepts URLSearchParams and an empty string', () => {
    expect(parseSearchState(new URLSearchParams('q=dpo')).state.q).toBe('dpo');
    expect(parseSearchState('').state).toEqual(emptyState());
  });

  it('collapses whitespace, drops empty and duplicate values, ignores unknown keys and bad sorts', () => {
    const { state } = parseSearchState(
      '?q=%20%20nf4%0A%20%20double%20&level=&level=beginner&level=beginner&foo=bar&sort=random',
    );
    expect(state).toEqual({ q: 'nf4 double', filters: { level: ['beginner'] }, sort: 'relevance' });
  });

  it('reports values that are not in the index instead of keeping them', () => {
    const known = { level: new Set(['beginner', 'intermediate', 'advanced']), topic: new Set(['peft']) };
    const { state, ignored } = parseSearchState('?level=expert&level=beginner&topic=peft&tag=anything', known);
    expect(state.filters).toEqual({ level: ['beginner'], topic: ['peft'], tag: ['anything'] });
    expect(ignored).toEqual([{ key: 'level', value: 'expert' }]);
  });

  it('bounds what a crafted URL can ask for', () => {
    const many = Array.from({ length: 50 }, (_, i) => `tag=t${i}`).join('&');
    const { state } = parseSearchState(`?q=${'x'.repeat(5000)}&${many}`);
    expect(state.q.length).toBe(MAX_QUERY);
    expect(state.filters.tag).toHaveLength(MAX_VALUES);
  });
});

describe('serializeSearchState', () => {
  it('writes a stable URL: fixed key order, sorted values, default sort left out', () => {
    const a = serializeSearchState({
      q: ' dpo ',
      filters: { level: ['intermediate', 'beginner'], topic: ['alignment'] },
      sort: 'relevance',
    });
    const b = serializeSearchState({
      q: 'dpo',
      filters: { topic: ['alignment'], level: ['beginner', 'intermediate'] },
      sort: 'relevance',
    });
    expect(a).toBe('?q=dpo&topic=alignment&level=beginner&level=intermediate');
    expect(b).toBe(a);
    expect(serializeSearchState({ ...emptyState(), sort: 'newest' })).toBe('?sort=newest');
    expect(serializeSearchState(emptyState())).toBe('');
  });

  it('round-trips any state through the URL', () => {
    const value = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);
    const arbState: fc.Arbitrary<SearchState> = fc.record({
      q: fc.string({ maxLength: 80 }),
      filters: fc.record(
        Object.fromEntries(
          FILTER_KEYS.map((k) => [k, fc.uniqueArray(value, { minLength: 1, maxLength: 5 })]),
        ) as Record<(typeof FILTER_KEYS)[number], fc.Arbitrary<string[]>>,
        { requiredKeys: [] },
      ),
      sort: fc.constantFrom(...SORTS),
    });
    fc.assert(
      fc.property(arbState, (state) => {
        const { state: back } = parseSearchState(serializeSearchState(state));
        expect(back.q).toBe(normalizeQuery(state.q));
        expect(back.sort).toBe(state.sort);
        for (const k of FILTER_KEYS) expect(back.filters[k] ?? []).toEqual([...(state.filters[k] ?? [])].sort());
        // And serializing again changes nothing.
        expect(serializeSearchState(back)).toBe(serializeSearchState(state));
      }),
    );
  });
});

describe('filters', () => {
  it('toggles a value on and off without mutating, dropping empty dimensions', () => {
    const start = { level: ['beginner'] };
    const on = toggleFilter(start, 'level', 'advanced');
    expect(on).toEqual({ level: ['beginner', 'advanced'] });
    expect(start).toEqual({ level: ['beginner'] });
    expect(toggleFilter(toggleFilter(on, 'level', 'advanced'), 'level', 'beginner')).toEqual({});
    expect(activeFilterCount(on)).toBe(2);
  });

  it('maps to Pagefind: OR within a dimension, AND across dimensions', () => {
    expect(toPagefindFilters({ level: ['beginner', 'advanced'], tag: ['lora'] })).toEqual({
      level: { any: ['beginner', 'advanced'] },
      tag: { any: ['lora'] },
    });
    expect(toPagefindFilters({ level: [] })).toEqual({});
  });

  it('maps the sort to the published date', () => {
    expect(toPagefindSort('relevance')).toBeUndefined();
    expect(toPagefindSort('newest')).toEqual({ published: 'desc' });
    expect(toPagefindSort('oldest')).toEqual({ published: 'asc' });
  });

  it('is searchable with a query or a filter', () => {
    expect(isSearchable(emptyState())).toBe(false);
    expect(isSearchable({ ...emptyState(), q: '   ' })).toBe(false);
    expect(isSearchable({ ...emptyState(), q: 'lora' })).toBe(true);
    expect(isSearchable({ ...emptyState(), filters: { kind: ['pitfall'] } })).toBe(true);
  });
});
