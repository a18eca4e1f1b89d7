import { describe, expect, it } from 'vitest';
import { cardsForDay, createSchedule } from '../../../src/lib/schedule/index.ts';

const card = <E extends object = object>(id: string, publishedAt: string, extra: E = {} as E) => ({
  id,
  publishedAt: new Date(publishedAt),
  ...extra,
});

const ids = (cards: readonly { id: string }[]) => cards.map((c) => c.id);

describe('cardsForDay examples', () => {
  const deck = [
    card('b', '2026-10-01'),
    card('a', '2026-10-01'),
    card('c', '2026-10-01'),
    card('d', '2026-10-03'),
    card('e', '2026-10-20'),
  ];

  it('shows nothing before the first card is published', () => {
    expect(cardsForDay('2026-09-30', deck)).toEqual([]);
    expect(createSchedule(deck).firstDay?.toISOString()).toBe('2026-10-01T00:00:00.000Z');
  });

  it('goes through a same-day batch by id, shows a newer card on its day, then cycles least recently shown first', () => {
    const s = createSchedule(deck);
    const days = ['01', '02', '03', '04', '05', '06', '07', '08', '09'].map(
      (d) => ids(s.cardsForDay(`2026-10-${d}`))[0],
    );
    // 10-01 a (batch of a,b,c by id), 10-02 b, 10-03 d (published that day, goes first), 10-04 c (rest of the batch),
    // then the deck repeats in the order it was first shown: a, b, d, c, a ...
    expect(days).toEqual(['a', 'b', 'd', 'c', 'a', 'b', 'd', 'c', 'a']);
    expect(ids(s.cardsForDay('2026-10-20'))).toEqual(['e']);
  });

  it('returns the caller’s card objects with their extra fields', () => {
    const rich = [card('x', '2026-10-01', { title: 'X', tags: ['t'] })];
    const [first] = cardsForDay(new Date('2026-10-05T23:59:59Z'), rich);
    expect(first).toBe(rich[0]);
    expect(first?.title).toBe('X');
  });

  it('accepts a Date at any time of day or a YYYY-MM-DD string for the day', () => {
    expect(cardsForDay(new Date('2026-10-02T23:59:59.999Z'), deck)).toEqual(cardsForDay('2026-10-02', deck));
    expect(cardsForDay(new Date('2026-10-02T00:00:00Z'), deck)).toEqual(cardsForDay('2026-10-02', deck));
  });

  it('a card stamped with a time of day waits for the next day (never shown before publishedAt)', () => {
    const timed = [card('early', '2026-10-01'), card('late', '2026-10-05T15:00:00Z')];
    expect(ids(cardsForDay('2026-10-05', timed))).toEqual(['early']);
    expect(ids(cardsForDay('2026-10-06', timed))).toEqual(['late']);
  });

  it('shows perDay distinct cards, fewer while the deck is small', () => {
    expect(ids(cardsForDay('2026-10-01', deck, { perDay: 2 }))).toEqual(['a', 'b']);
    expect(ids(cardsForDay('2026-10-02', deck, { perDay: 2 }))).toEqual(['c', 'a']);
    expect(ids(cardsForDay('2026-10-01', deck, { perDay: 5 }))).toEqual(['a', 'b', 'c']);
  });

  it('documents deletion: removing a card that already appeared rewrites the days from its first appearance', () => {
    const without = deck.filter((c) => c.id !== 'b');
    expect(ids(cardsForDay('2026-10-01', without))).toEqual(['a']); // before b's first appearance: same
    expect(ids(cardsForDay('2026-10-02', without))).toEqual(['c']); // was b
    expect(ids(cardsForDay('2026-10-03', without))).toEqual(['d']);
    expect(ids(cardsForDay('2026-10-04', without))).toEqual(['a']); // was c: the past changed
  });

  it('retiredAt takes a card out of the rotation without rewriting the past', () => {
    const retired = deck.map((c) => (c.id === 'b' ? { ...c, retiredAt: new Date('2026-10-05') } : c));
    const s = createSchedule(deck);
    const r = createSchedule(retired);
    for (const d of ['01', '02', '03', '04'])
      expect(ids(r.cardsForDay(`2026-10-${d}`))).toEqual(ids(s.cardsForDay(`2026-10-${d}`)));
    const later = ['05', '06', '07', '08', '09', '10'].map((d) => ids(r.cardsForDay(`2026-10-${d}`))[0]);
    expect(later).toEqual(['a', 'd', 'c', 'a', 'd', 'c']);
  });

  it('an empty deck has no cards on any day', () => {
    expect(cardsForDay('2026-10-01', [])).toEqual([]);
    expect(createSchedule([]).firstDay).toBeUndefined();
  });

  it('rejects duplicate ids, invalid dates and a bad perDay with clear errors', () => {
    expect(() => cardsForDay('2026-10-01', [card('a', '2026-10-01'), card('a', '2026-10-02')])).toThrow(
      /duplicate card id "a"/,
    );
    expect(() => cardsForDay('2026-10-01', [card('a', 'not a date')])).toThrow(
      /card "a": publishedAt must be a valid Date/,
    );
    expect(() => cardsForDay('2026-10-01', deck, { perDay: 0 })).toThrow(/perDay must be a positive integer/);
    expect(() => cardsForDay('2026-10-01', deck, { perDay: 1.5 })).toThrow(/perDay/);
    expect(() => cardsForDay('2026-13-01', deck)).toThrow(/YYYY-MM-DD/);
  });

  it('cardsForDay notices a deck changed in place (no stale cache)', () => {
    const mutable = [card('a', '2026-10-01'), card('b', '2026-10-01')];
    expect(ids(cardsForDay('2026-10-02', mutable))).toEqual(['b']);
    mutable.push(card('c', '2026-10-02'));
    expect(ids(cardsForDay('2026-10-02', mutable))).toEqual(['c']);
    mutable[2] = card('c', '2026-10-03');
    expect(ids(cardsForDay('2026-10-02', mutable))).toEqual(['b']);
  });

  it('returns a fresh array each call (callers cannot corrupt the cache)', () => {
    const s = createSchedule(deck);
    const first = s.cardsForDay('2026-10-01');
    first.length = 0;
    expect(ids(s.cardsForDay('2026-10-01'))).toEqual(['a']);
  });
});

// Speed is measured by `npm run bench`, never asserted here; this only checks a large deck works at all.
describe('a large deck', () => {
  it('answers 30 days for 5,000 cards published over 3 years', () => {
    const today = Date.UTC(2026, 9, 6);
    const cards = Array.from({ length: 5000 }, (_, i) => ({
      id: `card-${String(i).padStart(4, '0')}`,
      publishedAt: new Date(today - ((i * 7919) % 1095) * 86_400_000),
    }));
    for (let back = 0; back < 30; back++) {
      for (const perDay of [1, 3])
        expect(cardsForDay(new Date(today - back * 86_400_000), cards, { perDay })).toHaveLength(perDay);
    }
  });
});
