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
