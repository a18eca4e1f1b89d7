import fc from 'fast-check';
import { createSchedule, type SchedulableCard } from '../../../src/lib/schedule/index.ts';

export const DAY = 86_400_000;
/** Day number of 2026-01-01, the start of the random decks. */
export const BASE_DAY = Date.UTC(2026, 0, 1) / DAY;
/** Random decks publish over this many days from BASE_DAY. */
export const SPAN = 40;

export interface TestCard extends SchedulableCard {
  readonly id: string;
  readonly publishedAt: Date;
  readonly retiredAt?: Date | undefined;
}

/** A publish instant: mostly midnight (as YYYY-MM-DD frontmatter gives), sometimes a time of day. */
export const publishedAtArb = (span = SPAN): fc.Arbitrary<Date> =>
  fc
    .tuple(
      fc.integer({ min: 0, max: span }),
      fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: DAY - 1 })),
    )
    .map(([d, ms]) => new Date((BASE_DAY + d) * DAY + ms));

/** Ids from a tiny alphabet, so same-day ties and id ordering (incl. non-ASCII and case) get exercised. */
export const idArb = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'Z', 'é', '-'), minLength: 1, maxLength: 4 });

export const deckArb = (maxLength = 20, span = SPAN): fc.Arbitrary<TestCard[]> =>
  fc.uniqueArray(fc.record({ id: idArb, publishedAt: publishedAtArb(span) }), {
    selector: (c) => c.id,
    maxLength,
  });

export const perDayArb = fc.integer({ min: 1, max: 3 });

/** First day number on which a card is eligible (its publishedAt is at or before 00:00 UTC). */
export function eligibleDay(card: SchedulableCard): number {
  return Math.ceil(card.publishedAt.getTime() / DAY);
}

export interface Slot {
  readonly day: number;
  readonly id: string;
}

/** ids per day for days [from, to], via one schedule. */
export function idsByDay(cards: readonly TestCard[], perDay: number, from: number, to: number): string[][] {
  const s = createSchedule(cards, { perDay });
  const out: string[][] = [];
  for (let d = from; d <= to; d++) out.push(s.cardsForDay(new Date(d * DAY)).map((c) => c.id));
  return out;
}

/** Every pick in order, with its day. */
export function slots(cards: readonly TestCard[], perDay: number, from: number, to: number): Slot[] {
  const byDay = idsByDay(cards, perDay, from, to);
  return byDay.flatMap((ids, i) => ids.map((id) => ({ day: from + i, id })));
}

/** Whether card y is picked before card x when both are fresh (newest first, then id ascending). */
export function newer(y: SchedulableCard, x: SchedulableCard): boolean {
  const dy = y.publishedAt.getTime();
  const dx = x.publishedAt.getTime();
  return dy > dx || (dy === dx && y.id < x.id);
}

/** A last day that leaves room for every card to appear at least twice. */
export function horizon(cards: readonly TestCard[]): number {
  return BASE_DAY + SPAN + 2 * cards.length + 3;
}

/**
 * Straightforward (quadratic) statement of the rules, to compare the real implementation against:
 * each day, the unseen active cards newest first, then the seen active cards least recently shown first; take perDay.
 */
export function referenceSchedule(cards: readonly TestCard[], perDay: number, from: number, to: number): string[][] {
  const lastShown = new Map<string, number>(); // id -> global pick counter
  let counter = 0;
  const out: string[][] = [];
  const start = Math.min(from, ...cards.map(eligibleDay));
  for (let d = start; d <= to; d++) {
    const active = cards.filter(
      (c) => eligibleDay(c) <= d && (c.retiredAt === undefined || d * DAY < c.retiredAt.getTime()),
    );
    const unseen = active.filter((c) => !lastShown.has(c.id)).sort((a, b) => (newer(a, b) ? -1 : 1));
    const seen = active
      .filter((c) => lastShown.has(c.id))
      .sort((a, b) => (lastShown.get(a.id) as number) - (lastShown.get(b.id) as number));
    const picks = [...unseen, ...seen].slice(0, perDay);
    for (const p of picks) lastShown.set(p.id, counter++);
    if (d >= from) out.push(picks.map((c) => c.id));
  }
  return out;
}
