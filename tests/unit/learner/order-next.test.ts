import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeckCard } from '../../../src/lib/cards/deck.ts';
import { KIND_LABELS, LEVEL_LABELS } from '../../../src/lib/cards/labels.ts';
import { NEXT_CANDIDATES, nextCandidates, pickNext } from '../../../src/lib/learner/next.ts';
import { KINDS, LEVELS } from '../../../src/schemas/enums.ts';
import { deck } from './helpers.ts';

const ids = (cards: readonly { id: string }[]) => cards.map((c) => c.id);
const byId = (id: string) => deck.byId.get(id) as DeckCard;

describe('learning order', () => {
  it('puts the beginner path first, then paths by their first part', () => {
    expect(ids(deck.series)).toEqual(['basics', 'deep']);
    expect(deck.beginnerPath?.id).toBe('basics');
  });

  it('orders a level by path and part, then the other cards by topic and age', () => {
    expect(ids(deck.levels[0]?.cards ?? [])).toEqual(['beg-1', 'beg-2', 'beg-alone']);
    expect(ids(deck.levels[1]?.cards ?? [])).toEqual(['int-1', 'int-2', 'int-alone-old', 'int-alone-new', 'lonely']);
  });

  it('orders a topic beginner to advanced, then by path part', () => {
    expect(ids(deck.cardsOfTopic('peft'))).toEqual([
      'beg-alone',
      'int-1',
      'int-2',
      'int-alone-old',
      'int-alone-new',
      'adv-alone',
    ]);
  });

  it('keeps the deck itself newest first', () => {
    expect(deck.cards[0]?.id).toBe('beg-alone');
  });

  it('has a display name for every level and kind, levels in their order', () => {
    expect(Object.keys(LEVEL_LABELS)).toEqual([...LEVELS]);
    expect(Object.keys(KIND_LABELS).sort()).toEqual([...KINDS].sort());
  });
});

describe('next card', () => {
  it('is the next part of the path when there is one', () => {
    expect(ids(nextCandidates(deck, byId('beg-1')))).toEqual(['beg-2']);
  });

  it('is else the following cards of the topic in learning order, wrapping round, never the card itself', () => {
    expect(ids(nextCandidates(deck, byId('int-alone-old')))).toEqual([
      'int-alone-new',
      'adv-alone',
      'beg-alone',
      'int-1',
      'int-2',
    ]);
    // The last part of a path goes on in its topic.
    expect(ids(nextCandidates(deck, byId('int-2')))[0]).toBe('int-alone-old');
  });

  it('falls back to the whole deck for a card alone in its topic, and caps the candidates', () => {
    const next = nextCandidates(deck, byId('lonely'));
    expect(next[0]?.id).toBe('adv-alone');
    expect(next.length).toBe(Math.min(NEXT_CANDIDATES, deck.cards.length - 1));
    expect(ids(next)).not.toContain('lonely');
  });

  it('picks the first candidate not read, else the first', () => {
    const c = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(pickNext(c, (id) => id === 'a')?.id).toBe('b');
    expect(pickNext(c, () => true)?.id).toBe('a');
    expect(pickNext([], () => false)).toBeUndefined();
  });

  it('never offers the card itself, and offers a card of its topic whenever the topic has another', () => {
    fc.assert(
      fc.property(fc.constantFrom(...deck.cards), (c) => {
        const next = nextCandidates(deck, c);
        expect(ids(next)).not.toContain(c.id);
        expect(new Set(ids(next)).size).toBe(next.length);
        const { next: part } = deck.neighbors(c);
        if (!part && deck.cardsOfTopic(c.topic).length > 1) for (const n of next) expect(n.topic).toBe(c.topic);
      }),
    );
  });
});
