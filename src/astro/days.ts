// The daily schedule of this build: the build's "today", the last 30 days and their card(s). Built once per build
// from getDeck(), like the deck itself; pages and feeds read from here so they always agree.
import site from '../../site.config.mjs';
import { getDeck } from './collections.ts';
import type { DeckCard } from '../lib/cards/deck.ts';
import { type DailyEntry, dailyEntries } from '../lib/feeds/index.ts';
import { formatDay, parseSiteDate, toUtcDay } from '../lib/schedule/index.ts';
import { absolute, routes } from './links.ts';

/** How many days the daily pages and the daily feeds cover, today included. */
export const DAILY_DAYS = 30;

export interface DailyDay {
  /** `YYYY-MM-DD`. */
  day: string;
  /** 00:00 UTC of the day. */
  date: Date;
  /** The card(s) of the day in schedule order; never empty (days before the first card are left out). */
  cards: DeckCard[];
}

export interface Daily {
  /** 00:00 UTC of the build's "today": SITE_DATE when set, else the current UTC date. */
  today: Date;
  /** `YYYY-MM-DD` of today. */
  todayId: string;
  /** The card(s) of today; empty only when no card is published yet. */
  todayCards: DeckCard[];
  /** The last DAILY_DAYS days that have cards, newest first. */
  days: DailyDay[];
  /** The day-cards of those days, newest first: one feed item each (guid, link, pubDate stable forever). */
  entries: DailyEntry<DeckCard>[];
}

/** SITE_DATE, read through globalThis so that bundlers never inline it at build time. */
function siteDateEnv(): string | undefined {
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.SITE_DATE;
}

let daily: Promise<Daily> | undefined;

export function getDaily(): Promise<Daily> {
  daily ??= (async () => {
    const deck = await getDeck();
    const today = parseSiteDate(siteDateEnv());
    // dailyEntries runs the schedule (cardsForDay, src/lib/schedule), which is built once per deck array and cached.
    const entries = dailyEntries({
      today,
      days: DAILY_DAYS,
      cards: deck.cards,
      perDay: site.perDay,
      dayUrl: (day) => absolute(routes.day(day)),
    });
    const byDay = new Map<string, DailyDay>();
    for (const e of entries) {
      let d = byDay.get(e.day);
      if (d === undefined) {
        d = { day: e.day, date: toUtcDay(e.day), cards: [] };
        byDay.set(e.day, d);
      }
      d.cards.push(e.card);
    }
    const todayId = formatDay(today);
    return { today, todayId, todayCards: byDay.get(todayId)?.cards ?? [], days: [...byDay.values()], entries };
  })();
  return daily;
}
