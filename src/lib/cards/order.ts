// Learning order: the order a newcomer should meet cards in, used by topic and level pages, learning paths and the
// "next card" of a card page (instead of newest first, which suits feeds and the /cards/ list).
import { LEVELS } from '../../schemas/enums.ts';

interface Orderable {
  id: string;
  level: (typeof LEVELS)[number];
  topic: string;
  series?: { id: string; part: number } | undefined;
  publishedAt: Date;
}

const levelRank = (c: Orderable) => LEVELS.indexOf(c.level);
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Paths in the order a learner should take them: by the level of their first part (so the beginner path comes
 * first), then the one whose first part came out first, then by id.
 */
export function orderSeries<S extends { id: string; cards: readonly Orderable[] }>(series: readonly S[]): S[] {
  const first = (s: S) => s.cards[0];
  return [...series].sort((a, b) => {
    const fa = first(a);
    const fb = first(b);
    if (!fa || !fb) return fa ? -1 : fb ? 1 : byId(a, b);
    return levelRank(fa) - levelRank(fb) || fa.publishedAt.getTime() - fb.publishedAt.getTime() || byId(a, b);
  });
}

/**
 * Compares cards in learning order: level (beginner → advanced); within a level, cards of a path before the others,
 * paths in `seriesOrder` and then by part; the rest by topic order, oldest first, then id.
 */
export function learningOrder(
  seriesOrder: readonly string[],
  topicOrder: readonly string[],
): (a: Orderable, b: Orderable) => number {
  const rank = (list: readonly string[], id: string | undefined) => {
    const i = id === undefined ? -1 : list.indexOf(id);
    return i === -1 ? list.length : i;
  };
  return (a, b) =>
    levelRank(a) - levelRank(b) ||
    rank(seriesOrder, a.series?.id) - rank(seriesOrder, b.series?.id) ||
    (a.series?.part ?? 0) - (b.series?.part ?? 0) ||
    rank(topicOrder, a.topic) - rank(topicOrder, b.topic) ||
    a.publishedAt.getTime() - b.publishedAt.getTime() ||
    byId(a, b);
}
