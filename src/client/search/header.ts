// The header search box, loaded on first focus (or `/`, Ctrl/Cmd+K) by the tiny script in SearchBox.astro.
// ARIA combobox with a listbox popup: focus stays in the input, arrows move the active option, Enter opens it,
// Escape closes. Without JavaScript the box is a plain GET form to /search/.
import { describeOutcome, HEADER_RESULTS, LOAD_ERROR, searchingMessage } from '../../lib/search/format.ts';
import {
  emptyState,
  isFilterKey,
  isSearchable,
  type SearchState,
  serializeSearchState,
  toggleFilter,
} from '../../lib/search/state.ts';
import { client } from './client.ts';
import { buildPanel } from './panel.ts';
import { resultOption } from './render.ts';
// The popup's styles: linked when this module mounts, so pages do not carry them (a plain CSS import would put them
// in every page's stylesheet).
import resultsCss from '../../styles/search-results.css?url';

const LIMIT = HEADER_RESULTS;
const DEBOUNCE_MS = 90;
const HINT = 'Type to search every card. Arrow keys choose a result, Enter opens it.';

/** Links the popup's stylesheet, once (/search/ has it already, in its own stylesheet: the rules are the same). */
function linkStyles(): void {
  if (document.querySelector(`link[href="${resultsCss}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = resultsCss;
  document.head.append(link);
}

export function mount(root: HTMLElement): void {
  if (root.dataset.mounted !== undefined) return;
  linkStyles();
  const form = root.querySelector<HTMLFormElement>('form');
  const input = root.querySelector<HTMLInputElement>('input[type="search"]');
  const panel = root.querySelector<HTMLElement>('[data-site-search-panel]');
  if (form && panel) buildPanel(panel, form.getAttribute('action') ?? '/search/');
  const list = root.querySelector<HTMLElement>('[data-site-search-list]');
  const status = root.querySelector<HTMLElement>('[data-site-search-status]');
  const more = root.querySelector<HTMLAnchorElement>('[data-site-search-more]');
  if (!form || !input || !panel || !list || !status || !more) return;
  root.dataset.mounted = '';
  const chips = [...root.querySelectorAll<HTMLButtonElement>('button[data-filter]')];
  const searchPage = form.getAttribute('action') ?? '/search/';

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');

  let state: SearchState = emptyState();
  let options: HTMLAnchorElement[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const isOpen = () => !panel.hidden;
  const setOpen = (open: boolean) => {
    panel.hidden = !open;
    root.classList.toggle('is-open', open);
    input.setAttribute('aria-expanded', String(open));
    if (!open) setActive(-1);
  };
  const setActive = (i: number) => {
    active = i;
    options.forEach((o, j) => {
      o.setAttribute('aria-selected', String(j === i));
    });
    const option = options[i];
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const pageUrl = () => `${searchPage}${serializeSearchState(state)}`;

  const update = async () => {
    state = { ...state, q: input.value };
    more.href = pageUrl();
    root.querySelector('.search-suggest')?.remove();
    if (!isSearchable(state)) {
      options = [];
      list.replaceChildren();
      list.hidden = true;
      setActive(-1);
      status.textContent = HINT;
      return;
    }
    status.textContent = searchingMessage(state.q.trim());
    try {
      const outcome = await client.search(state, { limit: LIMIT });
      if (!outcome) return;
      options = outcome.hits.map((hit, i) => resultOption(hit, `site-search-option-${i}`));
      list.replaceChildren(...options);
      list.hidden = options.length === 0;
      setActive(options.length > 0 ? 0 : -1);
      status.textContent = describeOutcome(outcome);
      more.textContent = outcome.total > LIMIT ? `All ${outcome.total} results and filters` : 'Open on the search page';
      if (outcome.total === 0 && outcome.state.q) {
        // Loaded only when a query finds nothing (not with the search box, not on the first query).
        const line = await (await import('./suggest.ts')).suggestionLine(outcome.state);
        if (line && state === outcome.state) status.after(line);
      }
    } catch {
      status.textContent = LOAD_ERROR;
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(update, DEBOUNCE_MS);
  };

  input.addEventListener('input', () => {
    if (!isOpen()) setOpen(true);
    client.preload(input.value).catch(() => {});
    schedule();
  });

  input.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!isOpen()) setOpen(true);
        if (options.length === 0) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((active + step + options.length) % options.length);
        return;
      }
      case 'Enter': {
        const option = options[active];
        if (isOpen() && option && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey) {
          event.preventDefault();
          location.assign(option.href);
        }
        // Otherwise the form submits to /search/ (with the filters, see below).
        return;
      }
      case 'Escape':
        if (isOpen()) {
          event.preventDefault();
          setOpen(false);
        } else if (input.value) {
          event.preventDefault();
          input.value = '';
          void update();
        }
        return;
    }
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state = { ...state, q: input.value };
    location.assign(pageUrl());
  });

  for (const chip of chips) {
    chip.addEventListener('click', () => {
      const key = chip.dataset.filter ?? '';
      const value = chip.dataset.value ?? '';
      if (!isFilterKey(key) || !value) return;
      state = { ...state, filters: toggleFilter(state.filters, key, value) };
      chip.setAttribute('aria-pressed', String(state.filters[key]?.includes(value) ?? false));
      void update();
    });
  }

  // Escape from anywhere in the popup (a chip, the link) closes it and returns to the box.
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    setOpen(false);
    input.focus();
  });

  // Keep the popup open while focus moves inside the widget (chips, the "all results" link); close when it leaves.
  root.addEventListener('focusin', () => {
    if (!isOpen()) setOpen(true);
  });
  root.addEventListener('focusout', (event) => {
    const next = event.relatedTarget as Node | null;
    if (!next || !root.contains(next)) setOpen(false);
  });
  // A press on the popup's plain text must not blur the input (which would close the popup under the pointer).
  panel.addEventListener('mousedown', (event) => {
    if (!(event.target as Element).closest('a, button')) event.preventDefault();
  });
  document.addEventListener('pointerdown', (event) => {
    if (isOpen() && !root.contains(event.target as Node)) setOpen(false);
  });

  status.textContent = HINT;
  more.href = pageUrl();
  if (root.contains(document.activeElement)) setOpen(true);
  if (input.value) void update();
  client.ready().catch(() => {
    status.textContent = LOAD_ERROR;
  });
}
