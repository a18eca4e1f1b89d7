import { describe, expect, it } from 'vitest';
import { buildDeck, type DeckCard } from '../../../src/lib/cards/deck.ts';
import { parseCardFilter, serializeCardFilter } from '../../../src/lib/cards/filter.ts';
import { countWords, readingMinutes, splitFrontmatter } from '../../../src/lib/cards/frontmatter.ts';
import { card } from '../../support/deck-card.ts';

const topics = [
  { id: 'peft', title: 'PEFT', description: 'd'.repeat(20), category: 'AI', order: 2 },
  { id: 'strategy', title: 'Strategy', description: 'd'.repeat(20), category: 'AI', order: 1 },
];
const series = [{ id: 'basics', title: 'Basics', description: 'd'.repeat(20) }];

describe('buildDeck', () => {
  const deck = buildDeck({
    cards: [
      card('a', {
        publishedAt: new Date('2026-10-03T00:00:00Z'),
        series: { id: 'basics', part: 2 },
        tags: ['lora', 'qlora'],
        related: ['b', 'missing'],
      }),
      card('b', {
        publishedAt: new Date('2026-10-01T00:00:00Z'),
        series: { id: 'basics', part: 1 },
        level: 'advanced',
        topic: 'strategy',
      }),
      card('c', { publishedAt: new Date('2026-10-03T00:00:00Z'), title: 'Another', series: { id: 'basics', part: 3 } }),
    ],
    topics,
    series,
  });

  it('sorts newest first, then by title', () => {
    expect(deck.cards.map((c) => c.id)).toEqual(['c', 'a', 'b']);
  });
  it('orders topics by their order field', () => {
    expect(deck.topics.map((t) => t.id)).toEqual(['strategy', 'peft']);
  });
  it('groups by topic, level and tag', () => {
    expect(deck.cardsOfTopic('strategy').map((c) => c.id)).toEqual(['b']);
    expect(deck.levels.map((l) => [l.id, l.cards.length])).toEqual([
      ['beginner', 2],
      ['intermediate', 0],
      ['advanced', 1],
    ]);
    expect(deck.tags.map((t) => [t.id, t.cards.map((c) => c.id)])).toEqual([
      ['lora', ['c', 'a', 'b']],
      ['qlora', ['a']],
    ]);
  });
  it('orders a series by part and finds neighbours', () => {
    const a = deck.byId.get('a') as DeckCard;
    const n = deck.neighbors(a);
    expect(n.series?.cards.map((c) => c.id)).toEqual(['b', 'a', 'c']);
    expect([n.prev?.id, n.next?.id]).toEqual(['b', 'c']);
    expect(deck.neighbors(deck.byId.get('b') as DeckCard).prev).toBeUndefined();
  });
  it('resolves related cards and skips unknown ids', () => {
    expect(deck.related(deck.byId.get('a') as DeckCard).map((c) => c.id)).toEqual(['b']);
  });
});

describe('card filter URL state', () => {
  const known = { topic: new Set(['peft']), level: new Set(['beginner']), tag: new Set(['lora']) };
  it.each([
    ['?topic=peft&level=beginner', { topic: 'peft', level: 'beginner' }, []],
    ['?level=expert', {}, ['Ignored unknown level "expert".']],
    ['?tag=lora&topic=', { tag: 'lora' }, []],
    ['?foo=bar', {}, []],
  ])('%s', (query, filter, notices) => {
    expect(parseCardFilter(new URLSearchParams(query), known)).toEqual({ filter, notices });
  });
  it('serializes in a stable order', () => {
    expect(serializeCardFilter({ tag: 'lora', topic: 'peft' })).toBe('?topic=peft&tag=lora');
    expect(serializeCardFilter({})).toBe('');
  });
});

describe('frontmatter and word counts', () => {
  it.each([
    ['Plain words only here.', 4],
    ['A figure <Vram model="llama-2-7b" method="full" /> inside.', 3],
    ['import X from "y";\n\nText {/* comment */} and {1 + 1} more.', 3],
    ['## Heading\n\n- item one\n- item two', 5],
    ['A [link](https://example.org/very/long) stays one word.', 5],
    ['```\ncode is not prose\n```\nAfter.', 1],
  ])('%j has %i words', (body, n) => {
    expect(countWords(body)).toBe(n);
  });
  it('reads at 220 words per minute, at least 1', () => {
    expect([readingMinutes(10), readingMinutes(330), readingMinutes(660)]).toEqual([1, 2, 3]);
  });
  it('finds where the body starts', () => {
    const s = splitFrontmatter('---\ntitle: "x"\nlevel: beginner\n---\nBody\n');
    expect(s).toMatchObject({ data: { title: 'x', level: 'beginner' }, body: 'Body\n', bodyLine: 5, errors: [] });
  });
  it('reports a missing frontmatter block', () => {
    expect(splitFrontmatter('No fence').errors).toEqual([
      'frontmatter: missing: start the file with a YAML block between two "---" lines',
    ]);
  });
});
