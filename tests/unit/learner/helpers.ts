import { buildDeck, type DeckCard } from '../../../src/lib/cards/deck.ts';
import { card } from '../../support/deck-card.ts';

export { card };

const day = (d: number) => new Date(Date.UTC(2026, 9, d));

/**
 * A small deck: two paths (an intermediate one whose first part came out first, and a beginner one), cards out of
 * any path, and a topic of one card.
 */
export const deck = buildDeck({
  cards: [
    card('adv-alone', { level: 'advanced', publishedAt: day(1) }),
    card('int-2', { level: 'intermediate', series: { id: 'deep', part: 2 }, publishedAt: day(2) }),
    card('int-1', { level: 'intermediate', series: { id: 'deep', part: 1 }, publishedAt: day(1) }),
    card('beg-2', { series: { id: 'basics', part: 2 }, topic: 'strategy', publishedAt: day(6) }),
    card('beg-1', { series: { id: 'basics', part: 1 }, topic: 'strategy', publishedAt: day(5) }),
    card('beg-alone', { publishedAt: day(9) }),
    card('int-alone-old', { level: 'intermediate', publishedAt: day(3) }),
    card('int-alone-new', { level: 'intermediate', publishedAt: day(8) }),
    card('lonely', { topic: 'data', level: 'intermediate', publishedAt: day(4) }),
  ],
  topics: [
    { id: 'peft', title: 'PEFT', description: 'd'.repeat(20), category: 'AI', order: 2 },
    { id: 'strategy', title: 'Strategy', description: 'd'.repeat(20), category: 'AI', order: 1 },
    { id: 'data', title: 'Data', description: 'd'.repeat(20), category: 'AI', order: 3 },
  ],
  series: [
    { id: 'deep', title: 'Deep dive', description: 'd'.repeat(20) },
    { id: 'basics', title: 'Basics', description: 'd'.repeat(20) },
  ],
});
