import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReviewCardState } from '../../../src/schemas/learner.ts';
import { reviewCardSchema } from '../../../src/schemas/learner.ts';
import { exportText, importText } from '../../../src/lib/learner/exchange.ts';
import { recordReview, setUnderstood } from '../../../src/lib/learner/state.ts';
import { emptyState } from '../../../src/lib/learner/state.ts';
import {
  intervals,
  MAX_INTERVAL_DAYS,
  RATINGS,
  type RatingName,
  ratingFromAnswer,
  review,
} from '../../../src/lib/review/scheduler.ts';

const DAY = 86_400_000;
const START = new Date('2026-12-01T08:00:00.000Z');
const ratingArb = fc.constantFrom(...RATINGS);
/** A history of answers, each given some hours after the card fell due (or, sometimes, early). */
const historyArb = fc.array(fc.tuple(ratingArb, fc.integer({ min: -12, max: 72 })), { minLength: 1, maxLength: 12 });

function replay(history: [RatingName, number][]): { card: ReviewCardState; at: Date }[] {
  const out: { card: ReviewCardState; at: Date }[] = [];
  let card: ReviewCardState | undefined;
  let at = START;
  for (const [rating, hours] of history) {
    at = card ? new Date(Math.max(at.getTime() + 3600_000, new Date(card.due).getTime() + hours * 3600_000)) : at;
    card = review(card, rating, at);
    out.push({ card, at });
  }
  return out;
}

const days = (c: ReviewCardState, at: Date) => Math.round((new Date(c.due).getTime() - at.getTime()) / DAY);

describe('FSRS review scheduling (ts-fsrs)', () => {
  it('suggests Again for a wrong answer and Good for a right one', () => {
    expect(ratingFromAnswer(false)).toBe('again');
    expect(ratingFromAnswer(true)).toBe('good');
  });

  it('schedules a new card in whole days, more for better ratings', () => {
    const i = intervals(undefined, START);
    expect(i.again).toBe(1);
    expect(i.again).toBeLessThanOrEqual(i.hard);
    expect(i.hard).toBeLessThan(i.good);
    expect(i.good).toBeLessThan(i.easy);
  });

  it('never puts the due date at or before the moment of the review', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        for (const { card, at } of replay(history)) expect(new Date(card.due).getTime()).toBeGreaterThan(at.getTime());
      }),
    );
  });

  it('grows on Good answered on time: stability always, the interval never shrinks and grows over a run', () => {
    fc.assert(
      fc.property(
        fc.oneof(historyArb, fc.constant(Array.from({ length: 12 }, () => ['again', 0] as [RatingName, number]))),
        fc.integer({ min: 6, max: 9 }),
        (prefix, goods) => {
          const steps = replay([
            ...prefix,
            ...Array.from({ length: goods }, () => ['good', 0] as [RatingName, number]),
          ]);
          // From the first Good on: the step before it may be an Easy, whose interval a Good may not match.
          const tail = steps.slice(prefix.length);
          const ivs = tail.map(({ card, at }) => days(card, at));
          const what = `intervals ${ivs.join(', ')}`;
          for (let i = 1; i < tail.length; i++) {
            const [prev, cur] = [tail[i - 1], tail[i]] as { card: ReviewCardState }[];
            const pi = ivs[i - 1] as number;
            const ci = ivs[i] as number;
            // Whole days round small gains away (1, 2, 2, 3 after many lapses), so the interval may repeat once small.
            expect(ci, what).toBeGreaterThanOrEqual(Math.min(pi, MAX_INTERVAL_DAYS));
            if (pi < MAX_INTERVAL_DAYS) expect(cur?.card.stability, what).toBeGreaterThan(prev?.card.stability ?? 0);
            // At the cap it stays there (ts-fsrs keeps Good a day longer than Hard, so Good can end one day over).
            else expect(ci, what).toBeOneOf([MAX_INTERVAL_DAYS, MAX_INTERVAL_DAYS + 1]);
          }
          const [first, last] = [ivs[1] as number, ivs.at(-1) as number];
          if (first < MAX_INTERVAL_DAYS) expect(last, what).toBeGreaterThan(first);
        },
      ),
    );
  });

  it('resets on Again: the card comes back the next day and, once learnt, counts a lapse', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const before = replay(history).at(-1) as { card: ReviewCardState; at: Date };
        const at = new Date(new Date(before.card.due).getTime() + 3600_000);
        const after = review(before.card, 'again', at);
        expect(days(after, at)).toBe(1);
        expect(after.lapses).toBe(before.card.lapses + (before.card.state === 2 ? 1 : 0));
        expect(after.stability).toBeLessThanOrEqual(
          Math.max(before.card.stability, review(undefined, 'again', at).stability),
        );
      }),
    );
  });

  it('keeps every state valid for storage, and it round-trips through export and import', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        let state = setUnderstood(emptyState(), 'lora', true, START);
        for (const { card, at } of replay(history)) {
          expect(reviewCardSchema.safeParse(card).success).toBe(true);
          state = recordReview(state, 'lora', card, at);
        }
        const back = importText(exportText(state, undefined, START));
        expect(back).toEqual({ ok: true, state });
        // And scheduling from the imported state gives the same next date as from the original.
        if (back.ok) {
          const at = new Date(new Date(state.review.lora?.due ?? START).getTime());
          expect(review(back.state.review.lora, 'good', at)).toEqual(review(state.review.lora, 'good', at));
        }
      }),
    );
  });

  it('is deterministic: the same answers at the same times give the same dates', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        expect(replay(history)).toEqual(replay(history));
      }),
    );
  });
});
