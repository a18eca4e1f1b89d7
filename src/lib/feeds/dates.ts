import { DAY_MS, type DayInput, dayNumber } from '../schedule/day.ts';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function assertValidDate(date: Date, what: string): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new TypeError(`${what} must be a valid Date, got ${String(date)}`);
  }
}

/**
 * RFC 822 date-time as RSS 2.0 uses it (with the 4-digit year of RFC 1123/2822), always in GMT:
 * `Tue, 06 Oct 2026 06:00:00 GMT`.
 */
export function toRfc822(date: Date): string {
  assertValidDate(date, 'date');
  const year = date.getUTCFullYear();
  if (year < 1000 || year > 9999) throw new RangeError(`year ${year} cannot be written as an RFC 822 date`);
  return (
    `${WEEKDAYS[date.getUTCDay()]}, ${pad2(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${year} ` +
    `${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())} GMT`
  );
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
