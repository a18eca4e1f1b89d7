// A valid deck card for unit tests, with any field overridden.
import { type DeckCard, makeDeckCard } from '../../src/lib/cards/deck.ts';

export const card = (id: string, over: Partial<DeckCard> = {}): DeckCard =>
  makeDeckCard({
    id,
    title: `Title ${id}`,
    summary: 'x'.repeat(40),
    level: 'beginner',
    kind: 'knowledge',
    topic: 'peft',
    tags: ['lora'],
    related: [],
    publishedAt: new Date('2026-10-01T00:00:00Z'),
    sources: [{ title: 'Paper', url: 'https://arxiv.org/abs/1' }],
    words: 220,
    ...over,
  });
