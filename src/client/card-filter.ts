// Enhances the /cards/ filter chips: filter in place, keep the state in the URL (?topic=&level=&tag=), show on each
// chip how many cards it would show given the other choices, and offer "Clear all filters".
import {
  type CardFilter,
  facetCounts,
  matchesFilter,
  parseCardFilter,
  serializeCardFilter,
} from '../lib/cards/filter.ts';

export function applyFilterToPage(): void {
  const bar = document.querySelector<HTMLElement>('[data-filter-bar]');
  if (!bar) return;
  const status = bar.querySelector<HTMLElement>('[data-filter-status]');
  const chips = [...bar.querySelectorAll<HTMLAnchorElement>('a[data-filter]')];
  const items = [...document.querySelectorAll<HTMLElement>('[data-card]')];
  const clear = bar.querySelector<HTMLButtonElement>('[data-filter-clear]');
  const active = bar.querySelector<HTMLElement>('[data-filter-active]');
  const cards = items.map((item) => {
    const el = item.querySelector<HTMLElement>('[data-topic]');
    return {
      item,
      topic: el?.dataset.topic ?? '',
      level: el?.dataset.level ?? '',
      tags: (el?.dataset.tags ?? '').split(' ').filter(Boolean),
    };
  });
  const known = {
    topic: new Set(chips.filter((c) => c.dataset.filter === 'topic').map((c) => c.dataset.value ?? '')),
    level: new Set(chips.filter((c) => c.dataset.filter === 'level').map((c) => c.dataset.value ?? '')),
    tag: new Set(chips.filter((c) => c.dataset.filter === 'tag').map((c) => c.dataset.value ?? '')),
  };
  const parsed = parseCardFilter(new URLSearchParams(location.search), known);
  let filter: CardFilter = parsed.filter;

  const render = (notices: string[] = []) => {
    let shown = 0;
    for (const card of cards) {
      const ok = matchesFilter(card, filter);
      card.item.hidden = !ok;
      if (ok) shown++;
    }
    const counts = facetCounts(cards, filter);
    for (const chip of chips) {
      const dim = chip.dataset.filter as keyof CardFilter;
      chip.setAttribute('aria-current', String(filter[dim] === chip.dataset.value));
      if (filter[dim] !== chip.dataset.value) chip.removeAttribute('aria-current');
      const n = counts[dim].get(chip.dataset.value ?? '') ?? 0;
      const count = chip.querySelector<HTMLElement>('[data-count]');
      if (count) count.textContent = String(n);
      chip.classList.toggle('is-empty', n === 0);
    }
    const chosen = Object.values(filter).filter(Boolean).length;
    if (clear) clear.hidden = chosen === 0;
    if (active) active.textContent = chosen ? `(${chosen} on)` : '';
    if (status) {
      status.textContent = [...notices, chosen ? `Showing ${shown} of ${items.length} cards.` : '']
        .filter(Boolean)
        .join(' ');
    }
  };

  const toggle = bar.querySelector<HTMLButtonElement>('[data-filter-toggle]');
  const panel = bar.querySelector<HTMLElement>('[data-filter-panel]');
  toggle?.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    panel?.classList.toggle('is-open', open);
  });

  clear?.addEventListener('click', () => {
    filter = {};
    history.replaceState(null, '', location.pathname);
    render();
    // The button hides itself: keep the keyboard in the filters, on the first chip.
    chips[0]?.focus();
  });

  for (const chip of chips) {
    chip.addEventListener('click', (event) => {
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      const dim = chip.dataset.filter as keyof CardFilter;
      filter = { ...filter, [dim]: filter[dim] === chip.dataset.value ? undefined : chip.dataset.value };
      history.replaceState(null, '', `${location.pathname}${serializeCardFilter(filter)}`);
      render();
    });
  }
  render(parsed.notices);
}
