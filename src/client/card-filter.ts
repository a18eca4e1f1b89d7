// Enhances the /cards/ filter chips: filter in place, keep the state in the URL (?topic=&level=&tag=).
import { type CardFilter, matchesFilter, parseCardFilter, serializeCardFilter } from '../lib/cards/filter.ts';

export function applyFilterToPage(): void {
  const bar = document.querySelector<HTMLElement>('[data-filter-bar]');
  if (!bar) return;
  const status = bar.querySelector<HTMLElement>('[data-filter-status]');
  const chips = [...bar.querySelectorAll<HTMLAnchorElement>('a[data-filter]')];
  const items = [...document.querySelectorAll<HTMLElement>('[data-card]')];
  const known = {
    topic: new Set(chips.filter((c) => c.dataset.filter === 'topic').map((c) => c.dataset.value ?? '')),
    level: new Set(chips.filter((c) => c.dataset.filter === 'level').map((c) => c.dataset.value ?? '')),
    tag: new Set(chips.filter((c) => c.dataset.filter === 'tag').map((c) => c.dataset.value ?? '')),
  };
  const parsed = parseCardFilter(new URLSearchParams(location.search), known);
  let filter: CardFilter = parsed.filter;

  const render = (notices: string[] = []) => {
    let shown = 0;
    for (const item of items) {
      const el = item.querySelector<HTMLElement>('[data-topic]');
      const card = {
        topic: el?.dataset.topic ?? '',
        level: el?.dataset.level ?? '',
        tags: (el?.dataset.tags ?? '').split(' '),
      };
      const ok = matchesFilter(card, filter);
      item.hidden = !ok;
      if (ok) shown++;
    }
    for (const chip of chips) {
      const dim = chip.dataset.filter as keyof CardFilter;
      chip.setAttribute('aria-current', String(filter[dim] === chip.dataset.value));
      if (filter[dim] !== chip.dataset.value) chip.removeAttribute('aria-current');
    }
    const active = Object.values(filter).filter(Boolean).length;
    if (status) {
      status.textContent = [...notices, active ? `Showing ${shown} of ${items.length} cards.` : '']
        .filter(Boolean)
        .join(' ');
    }
  };

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
