// DOM for search results, shared by the header box and /search/. Text goes in through textContent only.
import type { Segment } from '../../lib/search/excerpt.ts';
import type { SearchHit } from '../../lib/search/pagefind.ts';

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

export function excerptNodes(segments: Segment[]): Node[] {
  return segments.map((s) => (s.mark ? el('mark', {}, s.text) : document.createTextNode(s.text)));
}

/** Level, kind and topic as the badges the rest of the site uses. */
export function hitMeta(hit: SearchHit): HTMLElement {
  const meta = el('span', { class: 'search-hit-meta' });
  if (hit.level)
    meta.append(
      el(
        'span',
        { class: `badge level-${hit.level}` },
        el('span', { class: 'visually-hidden' }, 'Level: '),
        hit.levelLabel ?? hit.level,
      ),
    );
  if (hit.kind)
    meta.append(el('span', { class: 'badge' }, el('span', { class: 'visually-hidden' }, 'Kind: '), hit.kind));
  if (hit.topic)
    meta.append(
      el('span', { class: 'search-hit-topic' }, el('span', { class: 'visually-hidden' }, 'Topic: '), hit.topic),
    );
  return meta;
}

/** An entry of the /search/ results list: a real link in a heading, then the excerpt. */
export function resultItem(hit: SearchHit): HTMLLIElement {
  const excerpt = hit.excerpt.length > 0 ? hit.excerpt : [{ text: hit.summary, mark: false }];
  return el(
    'li',
    { class: 'search-hit' },
    el('h2', { class: 'search-hit-title' }, el('a', { href: hit.url, 'data-search-result': '' }, hit.title)),
    hitMeta(hit),
    el('p', { class: 'search-excerpt' }, ...excerptNodes(excerpt)),
  );
}

/**
 * An option of the header's listbox: the title and one line of excerpt, so 6–8 fit the popup. It is a link with
 * role=option, so a click, a middle-click and Enter all go where a link goes; focus stays in the input
 * (aria-activedescendant), hence tabindex -1. Its name is its content.
 */
export function resultOption(hit: SearchHit, id: string): HTMLAnchorElement {
  const excerpt = hit.excerpt.length > 0 ? hit.excerpt : [{ text: hit.summary, mark: false }];
  return el(
    'a',
    { class: 'search-option', role: 'option', id, href: hit.url, tabindex: '-1', 'aria-selected': 'false' },
    el('span', { class: 'search-option-title' }, hit.title),
    el('span', { class: 'search-excerpt search-option-line' }, ...excerptNodes(excerpt)),
  );
}
