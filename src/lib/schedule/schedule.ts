/**
 * The daily schedule: which card(s) are "the card of the day" on each UTC day.
 *
 * The schedule is a replay. Starting from the first day on which any card is eligible, it walks forward one day at a
 * time and picks `perDay` cards per day from two queues:
 *
 * 1. **fresh**: eligible cards never shown yet. Newest first: latest `publishedAt`, ties broken by `id` ascending
 *    (code-unit order, not locale order). Fresh cards always go before repeats.
 * 2. **rotation**: cards already shown, least recently shown first. A card goes to the back after every showing.
 *
 * What follows from that (each rule has a property test in tests/unit/schedule):
 *
 * - **Deterministic.** The result depends only on the set of cards (`id`, `publishedAt`, `retiredAt`), `perDay` and the
 *   day; never on the input order, the clock or the locale.
 * - **Never early.** A card is eligible on day D only if `publishedAt <= D 00:00 UTC`. Cards dated `YYYY-MM-DD` (midnight
 *   UTC) are eligible on that very day; a card stamped at 15:00 becomes eligible the next day. A feed item dated 06:00
 *   UTC of the day is therefore never earlier than the card's `publishedAt`.
 * - **Cycles through the deck.** Between two showings of the same card, every other card that was eligible at the first
 *   of those showings is shown exactly once. In particular no card repeats while some eligible card is still unseen.
 *   A day shows `min(perDay, eligible cards)` distinct cards.
 * - **New cards go out soon.** A card appears on the day it becomes eligible whenever at most `perDay` cards become
 *   eligible that day. In general a card X eligible from day E appears by the first day d >= E with
 *   `(d - E + 1) * perDay > #{cards newer than X eligible by day d}`. (Newest first rather than oldest first, so that a
 *   launch backlog of many same-day cards cannot delay a card published later by weeks; the backlog drains on days
 *   without new cards. If more than `perDay` cards are published every single day, older unseen cards wait.)
 * - **The past is never rewritten by additions.** Adding a card changes no day before the card's first appearance,
 *   which is never before its publish day. The same holds for removing a card that has not appeared yet (a draft,
 *   or a card dated in the future): nothing before its (would-be) first appearance changes, so nothing up to today.
 *
 * What does rewrite the past:
 *
 * - **Deleting a published card** (one that has already appeared): the days before its first appearance stay the same;
 *   from that day on the replay diverges, so earlier "cards of the day" (day pages, feed items under unchanged guids)
 *   may show different cards. To take a card out of the rotation without touching the past, keep it and set
 *   `retiredAt`: the card keeps its past days and is never picked on a day whose 00:00 UTC is at or after `retiredAt`
 *   (nothing before that day changes). Its page must keep existing, since past day pages link to it.
 *   On the site this means: after the next build, the day pages and daily feed items (RSS, JSON Feed) of the last 30
 *   days from the deleted card's first appearance on may show other cards under the same URLs and guids. Readers
 *   that already fetched those items usually keep the old copy (the guid is unchanged), whose "Read the card" link
 *   now 404s; some readers show the changed items again. The card frontmatter has no `retiredAt` field yet, so the
 *   safe options are to keep the card (edit it in place: only `id`, i.e. the file name, and `publishedAt` matter to
 *   the schedule) or to accept the reshuffle. Renaming a card's file is a delete plus an add.
 * - Changing `perDay`, or a card's `publishedAt` (that is a delete plus an add), replays differently from the first
 *   affected day.
 *
 * Cost: building is O(n log n) for the sort, then O(perDay) amortised per simulated day, lazily, up to the latest day
 * asked for; per-day results are cached. 5,000 cards over years of days builds in milliseconds.
 */

import { type DayInput, dayNumber, dayStart } from './day.ts';

/** The minimum a card needs to be scheduled. Extra fields are carried through untouched. */
export interface SchedulableCard {
  readonly id: string;
  readonly publishedAt: Date;
  /**
   * Optional: the card leaves the rotation from this instant (see the module comment, "Deleting a published card").
   * It is not picked on any day whose 00:00 UTC is at or after `retiredAt`.
   */
  readonly retiredAt?: Date | undefined;
}

export interface ScheduleOptions {
  /** Cards per day, a positive integer. Default 1. */
  readonly perDay?: number;
}

export interface Schedule<T extends SchedulableCard> {
  readonly perDay: number;
  /** 00:00 UTC of the first day on which any card is eligible; undefined when no card ever is. */
  readonly firstDay: Date | undefined;
  /** The card(s) of `day`, in display order. A new array each call. Empty before `firstDay`. */
  cardsForDay(day: DayInput): T[];
}

interface Entry<T> {
  readonly card: T;
  readonly publishedMs: number;
  readonly id: string;
  /** First day number on which the card is eligible. */
  readonly eligibleDay: number;
  /** First day number on which the card is retired (Infinity when never). Always > eligibleDay. */
  readonly retireDay: number;
}

/** Code-unit order, so the result never depends on the runtime's locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function validPerDay(options: ScheduleOptions | undefined): number {
  const perDay = options?.perDay ?? 1;
  if (!Number.isInteger(perDay) || perDay < 1) {
    throw new RangeError(`perDay must be a positive integer, got ${String(perDay)}`);
  }
  return perDay;
}

function isValidDate(d: unknown): d is Date {
  return d instanceof Date && !Number.isNaN(d.getTime());
}

/** First day number whose 00:00 UTC is at or after `ms`. */
function firstDayAtOrAfter(ms: number): number {
  return Math.ceil(ms / 86_400_000);
}

function toEntries<T extends SchedulableCard>(cards: readonly T[]): Entry<T>[] {
  const seen = new Set<string>();
  const entries: Entry<T>[] = [];
  for (const card of cards) {
    const { id, publishedAt, retiredAt } = card;
    if (typeof id !== 'string' || id === '')
      throw new TypeError(`every card needs a non-empty string id, got ${String(id)}`);
    if (seen.has(id)) throw new Error(`duplicate card id "${id}": the schedule needs unique ids`);
    seen.add(id);
    if (!isValidDate(publishedAt)) throw new TypeError(`card "${id}": publishedAt must be a valid Date`);
    if (retiredAt !== undefined && !isValidDate(retiredAt)) {
      throw new TypeError(`card "${id}": retiredAt must be a valid Date when set`);
    }
    const publishedMs = publishedAt.getTime();
    const eligibleDay = firstDayAtOrAfter(publishedMs);
    const retireDay = retiredAt === undefined ? Number.POSITIVE_INFINITY : firstDayAtOrAfter(retiredAt.getTime());
    // A card retired before it is ever eligible can never be shown: it takes no part at all.
    if (retireDay <= eligibleDay) continue;
    entries.push({ card, publishedMs, id, eligibleDay, retireDay });
  }
  // Oldest first, ties by id descending: pushed in this order onto the fresh stack, they pop newest first, id ascending.
  entries.sort((a, b) => a.publishedMs - b.publishedMs || compareIds(b.id, a.id));
  return entries;
}

/** Builds a schedule over `cards` once; ask it for any number of days. */
export function createSchedule<T extends SchedulableCard>(cards: readonly T[], options?: ScheduleOptions): Schedule<T> {
  const perDay = validPerDay(options);
  const entries = toEntries(cards);
  const first = entries[0];
  const epoch = first === undefined ? undefined : first.eligibleDay;

  const retireDays = entries
    .map((e) => e.retireDay)
    .filter((d) => d !== Number.POSITIVE_INFINITY)
    .sort((a, b) => a - b);

  // Simulation state.
  const days: T[][] = []; // days[i] = cards of day epoch + i
  let eligibleEnd = 0; // entries[0, eligibleEnd) are eligible by the last simulated day
  let retiredCount = 0; // retireDays[0, retiredCount) have passed
  const fresh: Entry<T>[] = []; // stack: top = newest unseen
  let rotation: Entry<T>[] = []; // queue from rotationHead: least recently shown first
  let rotationHead = 0;

  function simulateDay(d: number): T[] {
    while (eligibleEnd < entries.length) {
      const e = entries[eligibleEnd] as Entry<T>;
      if (e.eligibleDay > d) break;
      fresh.push(e);
      eligibleEnd++;
    }
    while (retiredCount < retireDays.length && (retireDays[retiredCount] as number) <= d) retiredCount++;
    // Every card with retireDay <= d has eligibleDay < d, so it is counted in eligibleEnd.
    const active = eligibleEnd - retiredCount;
    const picks = Math.min(perDay, active);
    const out: T[] = [];
    for (let j = 0; j < picks; j++) {
      let pick: Entry<T> | undefined;
      while (fresh.length > 0) {
        const top = fresh.pop() as Entry<T>;
        if (top.retireDay > d) {
          pick = top;
          break;
        }
      }
      // Fresh is empty: take the least recently shown active card. One exists ahead of today's picks, since
      // fewer than `active` cards have been picked today.
      while (pick === undefined) {
        const head = rotation[rotationHead++] as Entry<T>;
        if (head.retireDay > d) pick = head;
      }
      out.push(pick.card);
      rotation.push(pick);
    }
    if (rotationHead > 1024 && rotationHead * 2 > rotation.length) {
      rotation = rotation.slice(rotationHead);
      rotationHead = 0;
    }
    return out;
  }

  function cardsForDay(day: DayInput): T[] {
    const d = dayNumber(day);
    if (epoch === undefined || d < epoch) return [];
    const index = d - epoch;
    while (days.length <= index) days.push(simulateDay(epoch + days.length));
    return [...(days[index] as T[])];
  }

  return {
    perDay,
    firstDay: epoch === undefined ? undefined : dayStart(epoch),
    cardsForDay,
  };
}

/** What a cached schedule was built from: the card objects and the fields the schedule reads. */
interface DeckSnapshot {
  readonly cards: readonly SchedulableCard[];
  readonly ids: readonly string[];
  readonly published: Float64Array;
  readonly retired: Float64Array;
}

interface CachedSchedule {
  readonly snapshot: DeckSnapshot;
  readonly schedule: Schedule<SchedulableCard>;
}

const cache = new WeakMap<readonly SchedulableCard[], Map<number, CachedSchedule>>();

const NO_DATE = Number.NEGATIVE_INFINITY;

function timeOf(d: unknown): number {
  return d instanceof Date ? d.getTime() : NO_DATE;
}

function snapshotOf(cards: readonly SchedulableCard[]): DeckSnapshot {
  return {
    cards: [...cards],
    ids: cards.map((c) => c.id),
    published: Float64Array.from(cards, (c) => timeOf(c.publishedAt)),
    retired: Float64Array.from(cards, (c) => timeOf(c.retiredAt)),
  };
}

/**
 * Whether `cards` still holds the same card objects with the same ids and dates, so that a cached schedule is never
 * reused for a deck that was changed in place. (NaN dates never compare equal: such a deck is rebuilt, and rejected.)
 */
function unchanged(snapshot: DeckSnapshot, cards: readonly SchedulableCard[]): boolean {
  if (snapshot.cards.length !== cards.length) return false;
  for (let i = 0; i < cards.length; i++) {
    const c = cards[i] as SchedulableCard;
    if (
      c !== snapshot.cards[i] ||
      c.id !== snapshot.ids[i] ||
      timeOf(c.publishedAt) !== snapshot.published[i] ||
      timeOf(c.retiredAt) !== snapshot.retired[i]
    ) {
      return false;
    }
  }
  return true;
}

/**
 * The card(s) of `day` (UTC) for the deck `cards`: `perDay` (default 1) distinct cards, fewer while the deck is
 * smaller than that, none before the first card is eligible. See the module comment for the rules.
 *
 * The simulation is built once per deck array and `perDay`, then reused: call it for 30 days, or for every day page,
 * without rebuilding. (The deck's cards, ids and dates are re-checked on every call, so changing the array in place is safe.)
 */
export function cardsForDay<T extends SchedulableCard>(
  day: DayInput,
  cards: readonly T[],
  options?: ScheduleOptions,
): T[] {
  const perDay = validPerDay(options);
  let byPerDay = cache.get(cards);
  if (byPerDay === undefined) {
    byPerDay = new Map();
    cache.set(cards, byPerDay);
  }
  let cached = byPerDay.get(perDay);
  if (cached === undefined || !unchanged(cached.snapshot, cards)) {
    const schedule = createSchedule(cards, { perDay });
    cached = { snapshot: snapshotOf(cards), schedule };
    byPerDay.set(perDay, cached);
  }
  return cached.schedule.cardsForDay(day) as T[];
}
