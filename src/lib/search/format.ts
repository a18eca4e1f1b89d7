// Words the search UI shows: status lines. Pure so the wording is tested once.
import type { SearchOutcome } from './pagefind.ts';
import { activeFilterCount, normalizeQuery } from './state.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const quoted = (q: string) => `“${q.length > 60 ? `${q.slice(0, 59)}…` : q}”`;

/** One sentence for the live region: what was searched and how many cards matched. */
export function describeOutcome(outcome: Pick<SearchOutcome, 'state' | 'total' | 'unfiltered'>): string {
  const { state, total, unfiltered } = outcome;
  const filters = activeFilterCount(state.filters);
  const q = normalizeQuery(state.q);
  const what = q ? ` for ${quoted(q)}` : '';
  const withFilters = filters > 0 ? ` with ${plural(filters, 'filter')}` : '';
  if (total === 0) {
    if (filters > 0 && unfiltered > 0) {
      return `No cards${what}${withFilters}. ${plural(unfiltered, 'card')} match without the filters.`;
    }
    return `No cards${what}${withFilters}. Try fewer or different words.`;
  }
  return `${plural(total, 'card')}${what}${withFilters}.`;
}

/** Shown while the index loads or a query runs. */
export const searchingMessage = (query: string): string => {
  const q = normalizeQuery(query);
  return q ? `Searching for ${quoted(q)}…` : 'Searching…';
};

/** Shown when pagefind.js or the index cannot be loaded. */
export const LOAD_ERROR = 'Search could not load. Check your connection and try again, or browse the cards by topic.';
