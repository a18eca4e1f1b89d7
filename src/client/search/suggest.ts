// "Did you mean …?" under a search that found nothing: close terms from the vocabulary the search index step wrote,
// fetched once, on the first query without results.
import { SUGGEST_LABEL } from '../../lib/search/format.ts';
import { bundleUrl } from '../../lib/search/pagefind.ts';
import { serializeSearchState, type SearchState } from '../../lib/search/state.ts';
import { type SearchVocabulary, suggestQueries, VOCABULARY_FILE } from '../../lib/search/suggest.ts';
import { routes } from '../../lib/site/routes.ts';
import { withBase } from '../../lib/site/url.ts';
import { el } from './render.ts';

const base = import.meta.env.BASE_URL;
let words: Promise<string[]> | undefined;

function vocabulary(): Promise<string[]> {
  words ??= fetch(bundleUrl(base).replace(/[^/]+$/, VOCABULARY_FILE))
    .then((r) => (r.ok ? (r.json() as Promise<SearchVocabulary>) : { words: [] }))
    .then((v) => (Array.isArray(v.words) ? v.words.filter((w) => typeof w === 'string') : []))
    .catch(() => {
      words = undefined; // try again on the next empty result
      return [];
    });
  return words;
}

/**
 * The "Did you mean" line for a query that found nothing, with links to the search page for each suggestion, or
 * null when every word is known or no term of the index is close.
 */
export async function suggestionLine(state: SearchState): Promise<HTMLElement | null> {
  const queries = suggestQueries(state.q, await vocabulary());
  if (queries.length === 0) return null;
  const page = withBase(base, routes.search());
  const line = el('p', { class: 'search-suggest' }, `${SUGGEST_LABEL} `);
  queries.forEach((q, i) => {
    if (i > 0) line.append(i === queries.length - 1 ? ' or ' : ', ');
    line.append(el('a', { href: `${page}${serializeSearchState({ ...state, q })}`, 'data-search-suggestion': '' }, q));
  });
  line.append('?');
  return line;
}
