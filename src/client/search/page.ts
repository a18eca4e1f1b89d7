// /search/: reads the state from the URL, runs it, and writes every change back with history.replaceState.
// Results are a list of real links; ↓ from the box moves into them, ↑/↓ move between them, ↑ from the first returns.
import { describeOutcome, LOAD_ERROR, searchingMessage } from '../../lib/search/format.ts';
import type { FilterCounts } from '../../lib/search/pagefind.ts';
import {
  activeFilterCount,
  type FilterKey,
  hasFilter,
  isFilterKey,
  isSearchable,
  parseSearchState,
  SORTS,
  type SearchState,
  type SortOrder,
  serializeSearchState,
  toggleFilter,
} from '../../lib/search/state.ts';
import { client } from './client.ts';
import { resultItem } from './render.ts';

const PAGE = 10;
const DEBOUNCE_MS = 120;
const IDLE = 'Type a word, or pick a filter to list its cards.';

export function mountSearchPage(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('[data-search-form]');
  const input = root.querySelector<HTMLInputElement>('[data-search-primary]');
  const ui = root.querySelector<HTMLElement>('[data-search-ui]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const list = root.querySelector<HTMLOListElement>('[data-search-results]');
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]');
  const sortSelect = root.querySelector<HTMLSelectElement>('[data-search-sort]');
  const clear = root.querySelector<HTMLButtonElement>('[data-search-clear]');
  if (!form || !input || !ui || !status || !list || !more || !sortSelect || !clear) return;
  const chips = [...root.querySelectorAll<HTMLButtonElement>('button[data-filter]')];
  const filterBox = root.querySelector<HTMLDetailsElement>('[data-search-filter-box]');
  const filterCount = root.querySelector<HTMLElement>('[data-search-filter-count]');

  const known: Partial<Record<FilterKey, Set<string>>> = {};
  for (const chip of chips) {
    const key = chip.dataset.filter ?? '';
    if (!isFilterKey(key)) continue;
    const values = known[key] ?? new Set<string>();
    values.add(chip.dataset.value ?? '');
    known[key] = values;
  }
  const parsed = parseSearchState(location.search, known);
  let state: SearchState = parsed.state;
  let notice = parsed.ignored.map((i) => `Ignored unknown ${i.key} “${i.value}”.`).join(' ');
  let shown = 0;
  let total = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  // Filters sit beside the results on wide screens (open); on narrow ones they fold away unless in use.
  if (filterBox) filterBox.open = matchMedia('(min-width: 60rem)').matches || activeFilterCount(state.filters) > 0;
  ui.hidden = false;
  root.querySelector<HTMLElement>('[data-search-help]')?.removeAttribute('hidden');
  input.value = state.q;
  sortSelect.value = state.sort;

  const syncUrl = () => {
    const url = `${location.pathname}${serializeSearchState(state)}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, '', url);
  };

  const syncChips = (counts?: FilterCounts) => {
    for (const chip of chips) {
      const key = chip.dataset.filter ?? '';
      const value = chip.dataset.value ?? '';
      if (!isFilterKey(key)) continue;
      const pressed = hasFilter(state.filters, key, value);
      chip.setAttribute('aria-pressed', String(pressed));
      if (!counts) continue;
      const n = counts[key]?.[value] ?? 0;
      const count = chip.querySelector<HTMLElement>('[data-count]');
      if (count) count.textContent = String(n);
      chip.classList.toggle('is-empty', n === 0);
      // A chip that leads nowhere goes (unless selected, so it can be undone); so does a group left with none.
      (chip.parentElement ?? chip).hidden = n === 0 && !pressed;
    }
    if (counts)
      for (const group of root.querySelectorAll<HTMLElement>('ul.chips')) {
        const empty = [...group.children].every((li) => (li as HTMLElement).hidden);
        group.hidden = empty;
        const heading = root.querySelector<HTMLElement>(`#${group.getAttribute('aria-labelledby')}`);
        const holder = heading?.closest('summary')?.parentElement ?? heading;
        if (holder) holder.hidden = empty;
      }
    const active = activeFilterCount(state.filters);
    clear.hidden = active === 0;
    if (filterCount) filterCount.textContent = active > 0 ? `(${active} on)` : '';
  };

  const results = () => [...list.querySelectorAll<HTMLAnchorElement>('a[data-search-result]')];

  const run = async (append = false) => {
    syncUrl();
    syncChips();
    if (!append) root.querySelector('.search-suggest')?.remove();
    if (!isSearchable(state)) {
      list.replaceChildren();
      more.hidden = true;
      shown = 0;
      status.textContent = [notice, IDLE].filter(Boolean).join(' ');
      notice = '';
      try {
        syncChips(await client.filters());
      } catch {
        status.textContent = LOAD_ERROR;
      }
      return;
    }
    if (!append) status.textContent = searchingMessage(state.q);
    try {
      const outcome = await client.search(state, { limit: PAGE, offset: append ? shown : 0, facets: !append });
      if (!outcome) return;
      const items = outcome.hits.map(resultItem);
      if (append) list.append(...items);
      else list.replaceChildren(...items);
      shown = (append ? shown : 0) + items.length;
      total = outcome.total;
      more.hidden = shown >= total;
      more.textContent = `Show more results (${total - shown} more)`;
      if (!append) {
        status.textContent = [notice, describeOutcome(outcome)].filter(Boolean).join(' ');
        notice = '';
        syncChips(outcome.facets);
        if (outcome.total === 0 && outcome.state.q) {
          // Loaded only when a query finds nothing (not with the search box, not on the first query).
          const line = await (await import('./suggest.ts')).suggestionLine(outcome.state);
          if (line && state === outcome.state) status.after(line);
        }
      } else items[0]?.querySelector('a')?.focus();
    } catch {
      status.textContent = LOAD_ERROR;
    }
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  };

  input.addEventListener('input', () => {
    state = { ...state, q: input.value };
    client.preload(input.value).catch(() => {});
    schedule();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    state = { ...state, q: input.value };
    void run();
  });
  sortSelect.addEventListener('change', () => {
    const value = sortSelect.value;
    state = { ...state, sort: (SORTS as readonly string[]).includes(value) ? (value as SortOrder) : 'relevance' };
    void run();
  });
  for (const chip of chips) {
    chip.addEventListener('click', () => {
      const key = chip.dataset.filter ?? '';
      const value = chip.dataset.value ?? '';
      if (!isFilterKey(key) || !value) return;
      state = { ...state, filters: toggleFilter(state.filters, key, value) };
      void run();
    });
  }
  clear.addEventListener('click', () => {
    state = { ...state, filters: {} };
    void run();
    input.focus();
  });
  more.addEventListener('click', () => void run(true));

  // Arrow keys: from the box into the results, and between results.
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' || event.isComposing) return;
    const first = results()[0];
    if (first) {
      event.preventDefault();
      first.focus();
    }
  });
  list.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = results();
    const i = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (i < 0) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? links[Math.min(i + 1, links.length - 1)] : links[i - 1];
    (next ?? input).focus();
  });

  void run();
  if (!state.q && !isSearchable(state)) input.focus();
}
