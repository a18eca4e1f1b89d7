// The parts of the header search popup that only matter once the search UI is loaded: the level filters above the
// results and the foot (the search page link, the keys). Built on mount, so pages do not carry them in their HTML;
// the live region and the list are in SearchBox.astro from the start.
import { LEVEL_LABELS } from '../../lib/cards/labels.ts';

export function buildPanel(panel: HTMLElement, searchPage: string): void {
  if (panel.querySelector('[data-site-search-more]')) return;
  const filters = document.createElement('div');
  filters.className = 'site-search-filters';
  filters.setAttribute('role', 'group');
  filters.setAttribute('aria-labelledby', 'site-search-level');
  filters.innerHTML = '<span class="site-search-label" id="site-search-level">Level</span>';
  for (const [level, label] of Object.entries(LEVEL_LABELS)) {
    const chip = document.createElement('button');
    chip.type = 'button';
    chip.className = 'chip';
    chip.dataset.filter = 'level';
    chip.dataset.value = level;
    chip.setAttribute('aria-pressed', 'false');
    chip.textContent = label;
    filters.append(chip);
  }
  const foot = document.createElement('p');
  foot.className = 'site-search-foot';
  foot.innerHTML =
    '<a data-site-search-more>Open the search page</a><span class="site-search-keys" aria-hidden="true"><kbd>↑</kbd><kbd>↓</kbd> choose <kbd>Enter</kbd> open <kbd>Esc</kbd> close</span>';
  (foot.firstElementChild as HTMLAnchorElement).href = searchPage;
  panel.prepend(filters);
  panel.append(foot);
}
