import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardsForDay, createSchedule } from '../../../src/lib/schedule/index.ts';
import {
  BASE_DAY,
  DAY,
  deckArb,
  eligibleDay,
  horizon,
  idsByDay,
  newer,
  perDayArb,
  publishedAtArb,
  referenceSchedule,
  SPAN,
  slots,
  type TestCard,
} from './helpers.ts';

const RUNS = { numRuns: 300 };

describe('schedule properties', () => {
  it('matches the plain statement of the rules (reference model)', () => {
    fc.assert(
      fc.property(deckArb(), perDayArb, (deck, perDay) => {
        const from = BASE_DAY - 2;
        const to = horizon(deck);
        expect(idsByDay(deck, perDay, from, to)).toEqual(referenceSchedule(deck, perDay, from, to));
      }),
      RUNS,
    );
  });

  it('is deterministic and ignores the order of the deck', () => {
    fc.assert(
      fc.property(
        deckArb().chain((deck) =>
          fc.tuple(fc.constant(deck), fc.shuffledSubarray(deck, { minLength: deck.length, maxLength: deck.length })),
        ),
        perDayArb,
        ([deck, shuffled], perDay) => {
          const to = horizon(deck);
          const a = idsByDay(deck, perDay, BASE_DAY, to);
          expect(idsByDay(shuffled, perDay, BASE_DAY, to)).toEqual(a);
          expect(idsByDay(deck, perDay, BASE_DAY, to)).toEqual(a);
        },
      ),
      RUNS,
    );
  });

  it('answers the same whatever order the days are asked in (lazy simulation)', () => {
    fc.assert(
      fc.property(
        deckArb(),
        perDayArb,
        fc.array(fc.integer({ min: -3, max: SPAN + 45 }), { maxLength: 30 }),
        (deck, perDay, offsets) => {
          const expected = idsByDay(deck, perDay, BASE_DAY - 3, BASE_DAY + SPAN + 45);
          const s = createSchedule(deck, { perDay });
          for (const o of offsets) {
            expect(s.cardsForDay(new Date((BASE_DAY + o) * DAY + 12345)).map((c) => c.id)).toEqual(expected[o + 3]);
          }
        },
      ),
      RUNS,
    );
  });

  it('never shows a card before its publishedAt (00:00 UTC of the day at or after it)', () => {
    fc.assert(
      fc.property(deckArb(), perDayArb, (deck, perDay) => {
        const s = createSchedule(deck, { perDay });
        const early: string[] = [];
        for (let d = BASE_DAY - 2; d <= horizon(deck); d++) {
          for (const card of s.cardsForDay(new Date(d * DAY))) {
            if (card.publishedAt.getTime() > d * DAY) early.push(`${card.id} on day ${d}`);
          }
        }
        expect(early).toEqual([]);
      }),
      RUNS,
    );
  });

  it('shows min(perDay, eligible) distinct cards each day', () => {
    fc.assert(
      fc.property(deckArb(), perDayArb, (deck, perDay) => {
        const s = createSchedule(deck, { perDay });
        const wrong: string[] = [];
        for (let d = BASE_DAY - 2; d <= horizon(deck); d++) {
          const ids = s.cardsForDay(new Date(d * DAY)).map((c) => c.id);
          const eligible = deck.filter((c) => eligibleDay(c) <= d).length;
          if (ids.length !== Math.min(perDay, eligible) || new Set(ids).size !== ids.length)
            wrong.push(`day ${d}: ${ids}`);
        }
        expect(wrong).toEqual([]);
      }),
      RUNS,
    );
  });

  it('cycles: no card repeats while an eligible card is unseen', () => {
    fc.assert(
      fc.property(deckArb(), perDayArb, (deck, perDay) => {
        const seq = slots(deck, perDay, BASE_DAY, horizon(deck));
        const shown = new Set<string>();
        const violations: string[] = [];
        for (const slot of seq) {
          if (shown.has(slot.id)) {
            for (const c of deck) {
              if (eligibleDay(c) <= slot.day && !shown.has(c.id))
                violations.push(`${slot.id} repeated on ${slot.day} before ${c.id}`);
            }
          }
          shown.add(slot.id);
        }
        expect(violations).toEqual([]);
      }),
      RUNS,
    );
  });

  it('cycles: between two showings of a card, every card eligible at the first is shown exactly once', () => {
    fc.assert(
      fc.property(deckArb(), perDayArb, (deck, perDay) => {
        const seq = slots(deck, perDay, BASE_DAY, horizon(deck));
        const last = new Map<string, number>();
        const violations: string[] = [];
        seq.forEach((slot, q) => {
          const p = last.get(slot.id);
          if (p !== undefined) {
            const between = seq.slice(p + 1, q).map((s) => s.id);
            const set = new Set(between);
            if (set.size !== between.length) violations.push(`a card repeats between two showings of ${slot.id}`);
            const day = (seq[p] as { day: number }).day;
            for (const c of deck) {
              if (c.id !== slot.id && eligibleDay(c) <= day && !set.has(c.id)) {
                violations.push(`${c.id} skipped between showings of ${slot.id}`);
              }
            }
          }
          last.set(slot.id, q);
        });
        expect(violations).toEqual([]);
      }),
      RUNS,
    );
  });

  it('every card appears, and again within one pass of the deck, over a long enough horizon', () => {
    fc.assert(
      fc.property(deckArb(), perDayArb, (deck, perDay) => {
        const seq = slots(deck, perDay, BASE_DAY, horizon(deck));
        const counts = new Map<string, number>();
        for (const s of seq) counts.set(s.id, (counts.get(s.id) ?? 0) + 1);
        for (const c of deck) expect(counts.get(c.id) ?? 0).toBeGreaterThanOrEqual(perDay === 1 ? 2 : 1);
      }),
      RUNS,
    );
  });

  it('new cards go out on their first eligible day when at most perDay become eligible that day', () => {
    fc.assert(
      fc.property(deckArb(), perDayArb, (deck, perDay) => {
        const s = createSchedule(deck, { perDay });
        const byDay = new Map<number, TestCard[]>();
        for (const c of deck) byDay.set(eligibleDay(c), [...(byDay.get(eligibleDay(c)) ?? []), c]);
        for (const [d, cards] of byDay) {
          if (cards.length > perDay) continue;
          const ids = s.cardsForDay(new Date(d * DAY)).map((c) => c.id);
          for (const c of cards) expect(ids).toContain(c.id);
        }
      }),
      RUNS,
    );
  });

  it('new cards go out soon: by the first day on which the picks outnumber the newer cards', () => {
    fc.assert(
      fc.property(deckArb(), perDayArb, (deck, perDay) => {
        const seq = slots(deck, perDay, BASE_DAY, horizon(deck));
        const first = new Map<string, number>();
        for (const s of seq) if (!first.has(s.id)) first.set(s.id, s.day);
        for (const x of deck) {
          const e = eligibleDay(x);
          let bound = e;
          while ((bound - e + 1) * perDay <= deck.filter((y) => newer(y, x) && eligibleDay(y) <= bound).length) bound++;
          const appeared = first.get(x.id);
          expect(appeared).toBeDefined();
          expect(appeared as number).toBeGreaterThanOrEqual(e);
          expect(appeared as number).toBeLessThanOrEqual(bound);
        }
      }),
      RUNS,
    );
  });

  it('adding a card published on day D changes no day before D (nor before its first appearance)', () => {
    fc.assert(
      fc.property(
        deckArb(),
        perDayArb,
        fc.record({ id: fc.constant('new-card'), publishedAt: publishedAtArb(SPAN + 10) }),
        (deck, perDay, added) => {
          const to = horizon(deck) + 12;
          const before = idsByDay(deck, perDay, BASE_DAY - 1, to);
          const after = idsByDay([...deck, added], perDay, BASE_DAY - 1, to);
          const publishDay = Math.floor(added.publishedAt.getTime() / DAY);
          const firstIndex = after.findIndex((ids) => ids.includes(added.id));
          expect(firstIndex).toBeGreaterThanOrEqual(publishDay - (BASE_DAY - 1));
          expect(after.slice(0, firstIndex)).toEqual(before.slice(0, firstIndex));
        },
      ),
      RUNS,
    );
  });

  it('removing drafts (cards not shown by today) changes no day up to today', () => {
    fc.assert(
      fc.property(
        deckArb(20, SPAN + 20),
        perDayArb,
        fc.integer({ min: 0, max: SPAN + 20 }),
        fc.infiniteStream(fc.boolean()),
        (deck, perDay, todayOffset, coin) => {
          const today = BASE_DAY + todayOffset;
          const before = idsByDay(deck, perDay, BASE_DAY - 1, today);
          const shown = new Set(before.flat());
          const drafts = deck.filter((c) => !shown.has(c.id));
          const iter = coin[Symbol.iterator]();
          const removed = new Set(drafts.filter(() => iter.next().value === true).map((c) => c.id));
          const kept = deck.filter((c) => !removed.has(c.id));
          expect(idsByDay(kept, perDay, BASE_DAY - 1, today)).toEqual(before);
        },
      ),
      RUNS,
    );
  });

  it('deleting a published card changes no day before its first appearance (later days may change)', () => {
    fc.assert(
      fc.property(
        deckArb().filter((d) => d.length > 0),
        perDayArb,
        fc.nat(),
        (deck, perDay, pick) => {
          const victim = deck[pick % deck.length] as TestCard;
          const to = horizon(deck);
          const before = idsByDay(deck, perDay, BASE_DAY - 1, to);
          const after = idsByDay(
            deck.filter((c) => c !== victim),
            perDay,
            BASE_DAY - 1,
            to,
          );
          const firstIndex = before.findIndex((ids) => ids.includes(victim.id));
          expect(after.slice(0, firstIndex)).toEqual(before.slice(0, firstIndex));
          expect(after.some((ids) => ids.includes(victim.id))).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('retiring a card (retiredAt) keeps every day before the retirement day and drops it from then on', () => {
    fc.assert(
      fc.property(
        deckArb().filter((d) => d.length > 0),
        perDayArb,
        fc.nat(),
        fc.integer({ min: 0, max: SPAN + 30 }),
        fc.integer({ min: 0, max: DAY - 1 }),
        (deck, perDay, pick, retireOffset, retireMs) => {
          const index = pick % deck.length;
          const victim = deck[index] as TestCard;
          const retiredAt = new Date((BASE_DAY + retireOffset) * DAY + retireMs);
          const retireDay = Math.ceil(retiredAt.getTime() / DAY);
          const retiredDeck = deck.map((c, i) => (i === index ? { ...c, retiredAt } : c));
          const from = BASE_DAY - 1;
          const to = horizon(deck);
          const before = idsByDay(deck, perDay, from, to);
          const after = idsByDay(retiredDeck, perDay, from, to);
          const cut = Math.max(0, retireDay - from);
          expect(after.slice(0, cut)).toEqual(before.slice(0, cut));
          expect(after.slice(cut).some((ids) => ids.includes(victim.id))).toBe(false);
          expect(after).toEqual(referenceSchedule(retiredDeck, perDay, from, to));
        },
      ),
      RUNS,
    );
  });

  it('cardsForDay (cached per deck) agrees with createSchedule', () => {
    fc.assert(
      fc.property(deckArb(), perDayArb, fc.integer({ min: -2, max: SPAN + 40 }), (deck, perDay, offset) => {
        const day = new Date((BASE_DAY + offset) * DAY);
        expect(cardsForDay(day, deck, { perDay })).toEqual(createSchedule(deck, { perDay }).cardsForDay(day));
      }),
      RUNS,
    );
  });
});
