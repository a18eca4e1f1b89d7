import { type DayInput, formatDay, lastNDays } from '../schedule/day.ts';
import { cardsForDay, type SchedulableCard } from '../schedule/schedule.ts';
import { dailyPubDate } from './dates.ts';

/** One day-card of the daily feed: everything about it that must stay stable forever. */
export interface DailyEntry<T> {
  /** `YYYY-MM-DD`. */
  readonly day: string;
  readonly card: T;
  /** Position of the card within its day (0 when perDay is 1). */
  readonly position: number;
  /** The day page URL. */
  readonly link: string;
  /** The day page URL when perDay is 1; with more cards per day, the day page URL + `#` + the card id. */
  readonly guid: string;
  /** 06:00 UTC of the day. */
  readonly pubDate: Date;
}

export interface DailyEntriesOptions<T extends SchedulableCard> {
  /** The build's "today" (parseSiteDate). */
  readonly today: DayInput;
  /** How many days, today included (the feed shows 30). */
  readonly days: number;
  readonly cards: readonly T[];
  readonly perDay?: number | undefined;
  /** Absolute URL of the page of a day, from its `YYYY-MM-DD`. */
  readonly dayUrl: (day: string) => string;
}

/**
 * The day-cards of the last `days` days, newest day first, each day's cards in schedule order. Every field depends only
 * on the deck and the day, never on `today`: two builds on different dates agree exactly on the days they share.
 */
export function dailyEntries<T extends SchedulableCard>(options: DailyEntriesOptions<T>): DailyEntry<T>[] {
  const perDay = options.perDay ?? 1;
  const entries: DailyEntry<T>[] = [];
  for (const date of lastNDays(options.today, options.days)) {
    const day = formatDay(date);
    const link = options.dayUrl(day);
    const pubDate = dailyPubDate(date);
    for (const [position, card] of cardsForDay(date, options.cards, { perDay }).entries()) {
      const guid = perDay === 1 ? link : `${link}#${encodeURIComponent(card.id)}`;
      entries.push({ day, card, position, link, guid, pubDate });
    }
  }
  return entries;
}
