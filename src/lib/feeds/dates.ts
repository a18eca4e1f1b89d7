import { assertValidDate, DAY_MS, type DayInput, dayNumber } from '../schedule/day.ts';

/**
 * RFC 822 date-time as RSS 2.0 uses it (with the 4-digit year of RFC 1123/2822), always in GMT:
 * `Tue, 06 Oct 2026 06:00:00 GMT`. That is exactly what Date#toUTCString writes (ECMA-262 fixes the format) for
 * years 1000 to 9999; other years would not have four digits, so they throw.
 */
export function toRfc822(date: Date): string {
  assertValidDate(date, 'date');
  const year = date.getUTCFullYear();
  if (year < 1000 || year > 9999) throw new RangeError(`year ${year} cannot be written as an RFC 822 date`);
  return date.toUTCString();
}

/** RFC 3339 date-time in UTC, as JSON Feed and Atom use it: `2026-10-06T06:00:00.000Z`. */
export function toRfc3339(date: Date): string {
  assertValidDate(date, 'date');
  return date.toISOString();
}

/** The hour (UTC) at which a day's card is dated in the feeds. */
export const DAILY_PUB_HOUR_UTC = 6;

/** 06:00 UTC of the UTC calendar date of `day`: the pubDate of that day's feed items. */
export function dailyPubDate(day: DayInput): Date {
  return new Date(dayNumber(day) * DAY_MS + DAILY_PUB_HOUR_UTC * 3_600_000);
}
