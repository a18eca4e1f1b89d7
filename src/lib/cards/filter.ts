import { type CardFilter, matchesFilter } from './deck.ts';

export { type CardFilter, matchesFilter };

const DIMENSIONS = ['topic', 'level', 'tag'] as const;

/** Reads `?topic=&level=&tag=`; unknown values are dropped with a notice instead of emptying the list. */
export function parseCardFilter(
  params: URLSearchParams,
  known: Record<(typeof DIMENSIONS)[number], ReadonlySet<string>>,
): { filter: CardFilter; notices: string[] } {
  const filter: CardFilter = {};
  const notices: string[] = [];
  for (const dim of DIMENSIONS) {
    const value = params.get(dim);
    if (value === null || value === '') continue;
    if (known[dim].has(value)) filter[dim] = value;
    else notices.push(`Ignored unknown ${dim} "${value.slice(0, 40)}".`);
  }
  return { filter, notices };
}

/** `?topic=peft&level=beginner`, or '' with no filter; always in the same order so URLs are stable. */
export function serializeCardFilter(filter: CardFilter): string {
  const params = new URLSearchParams();
  for (const dim of DIMENSIONS) if (filter[dim]) params.set(dim, filter[dim] as string);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** What the filter reads of a card. */
export interface FilterableCard {
  topic: string;
  level: string;
  tags: readonly string[];
}

export type FacetCounts = Record<(typeof DIMENSIONS)[number], Map<string, number>>;

/**
 * For every chip, how many cards its click would show: the cards matching the other dimensions' choices that have
 * this value (a faceted count). The chosen chip's own count is the number shown now.
 */
export function facetCounts(cards: readonly FilterableCard[], filter: CardFilter): FacetCounts {
  const counts: FacetCounts = { topic: new Map(), level: new Map(), tag: new Map() };
  const bump = (m: Map<string, number>, v: string) => m.set(v, (m.get(v) ?? 0) + 1);
  for (const card of cards) {
    if (matchesFilter(card, { ...filter, topic: undefined })) bump(counts.topic, card.topic);
    if (matchesFilter(card, { ...filter, level: undefined })) bump(counts.level, card.level);
    if (matchesFilter(card, { ...filter, tag: undefined })) for (const t of new Set(card.tags)) bump(counts.tag, t);
  }
  return counts;
}
