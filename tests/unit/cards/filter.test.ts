import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CardFilter, facetCounts, matchesFilter } from '../../../src/lib/cards/filter.ts';

const cards = [
  { topic: 'peft', level: 'beginner', tags: ['lora', 'qlora'] },
  { topic: 'peft', level: 'advanced', tags: ['lora'] },
  { topic: 'memory', level: 'beginner', tags: ['qlora', 'fsdp'] },
];

describe('facetCounts', () => {
  it('counts, for every chip, the cards its click would show given the other choices', () => {
    const c = facetCounts(cards, { level: 'beginner' });
    expect(Object.fromEntries(c.topic)).toEqual({ peft: 1, memory: 1 });
    // The level's own counts ignore the level choice: switching to advanced would show 1 card.
    expect(Object.fromEntries(c.level)).toEqual({ beginner: 2, advanced: 1 });
    expect(Object.fromEntries(c.tag)).toEqual({ lora: 1, qlora: 2, fsdp: 1 });
    const none = facetCounts(cards, {});
    expect(Object.fromEntries(none.tag)).toEqual({ lora: 2, qlora: 2, fsdp: 1 });
  });

  it('agrees with the filter for every chip of random decks and choices', () => {
    const card = fc.record({
      topic: fc.constantFrom('a', 'b', 'c'),
      level: fc.constantFrom('x', 'y'),
      tags: fc.array(fc.constantFrom('t1', 't2', 't3'), { maxLength: 3 }),
    });
    const choice = fc.record(
      {
        topic: fc.constantFrom('a', 'b', 'c'),
        level: fc.constantFrom('x', 'y'),
        tag: fc.constantFrom('t1', 't2', 't3'),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(card, { maxLength: 20 }), choice, (deck, filter: CardFilter) => {
        const counts = facetCounts(deck, filter);
        for (const dim of ['topic', 'level', 'tag'] as const)
          for (const v of dim === 'topic' ? ['a', 'b', 'c'] : dim === 'level' ? ['x', 'y'] : ['t1', 't2', 't3'])
            expect(counts[dim].get(v) ?? 0).toBe(deck.filter((c) => matchesFilter(c, { ...filter, [dim]: v })).length);
      }),
    );
  });
});
