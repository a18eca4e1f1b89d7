/**
 * UTC calendar days for the daily schedule.
 *
 * A "day" is a UTC calendar date. Internally it is a day number (whole days since 1970-01-01 UTC);
 * at the edges it is either a `Date` (any instant: its UTC date is used) or a `YYYY-MM-DD` string.
 */

export const DAY_MS = 86_400_000;

/** A day given as a Date (its UTC calendar date counts, the time is ignored) or as `YYYY-MM-DD`. */
export type DayInput = Date | string;

/** The shape of a day: four-digit year, two-digit month and day. Whether it is a real date is parseIsoDay's job. */
export const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a strict `YYYY-MM-DD` string into a day number, or returns undefined when it is not a real date. */
function parseIsoDayNumber(value: string): number | undefined {
  const m = ISO_DAY.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const check = new Date(0);
  check.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, takes years 0000-0099 as written
  // Rejects 2023-02-29, 2024-04-31 and the like (Date silently rolls them over).
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return check.getTime() / DAY_MS;
}

/**
 * 00:00 UTC of a strict `YYYY-MM-DD` string (no surrounding space, no time), or undefined when it is not written that
 * way or is not a real calendar date (2026-02-29, 2026-04-31). The one parser of written days: SITE_DATE, frontmatter
 * dates and day slugs all go through it.
 */
export function parseIsoDay(value: string): Date | undefined {
  const n = parseIsoDayNumber(value);
  return n === undefined ? undefined : dayStart(n);
}

/** Throws a TypeError naming `what` unless `date` is a Date with a time value. */
export function assertValidDate(date: Date, what: string): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new TypeError(`${what} must be a valid Date, got ${String(date)}`);
  }
}

/** Day number (whole days since 1970-01-01 UTC) of the UTC calendar date of `day`. */
export function dayNumber(day: DayInput): number {
  if (typeof day === 'string') {
    const n = parseIsoDayNumber(day);
    if (n === undefined) throw new RangeError(`expected a day as YYYY-MM-DD (a real calendar date), got "${day}"`);
    return n;
  }
  assertValidDate(day, 'day');
  return Math.floor(day.getTime() / DAY_MS);
}

/** The Date at 00:00:00.000 UTC of a day number. */
export function dayStart(n: number): Date {
  return new Date(n * DAY_MS);
}

/** The Date at 00:00:00.000 UTC of the UTC calendar date of `day`. */
export function toUtcDay(day: DayInput): Date {
  return dayStart(dayNumber(day));
}

/** `YYYY-MM-DD` of the UTC calendar date of `day` (the slug of a day page). */
export function formatDay(day: DayInput): string {
  const d = toUtcDay(day);
  const y = d.getUTCFullYear();
  if (y < 0 || y > 9999) throw new RangeError(`year ${y} cannot be written as YYYY-MM-DD`);
  return d.toISOString().slice(0, 10);
}

/**
 * The build's "today" (00:00 UTC).
 *
 * - `value` set (the `SITE_DATE` environment variable): it must be `YYYY-MM-DD` and a real calendar date; surrounding
 *   whitespace is ignored. Anything else throws an Error that names SITE_DATE and shows the bad value.
 * - `value` undefined or blank: the current UTC date, taken from `now` (default: the clock).
 */
export function parseSiteDate(value: string | undefined, now: Date = new Date()): Date {
  if (value === undefined || value.trim() === '') {
    assertValidDate(now, 'now');
    return toUtcDay(now);
  }
  const trimmed = value.trim();
  const n = parseIsoDayNumber(trimmed);
  if (n === undefined) {
    throw new Error(
      `SITE_DATE must be a UTC calendar date written YYYY-MM-DD (for example 2026-10-06), got ${JSON.stringify(value)}. ` +
        'Unset it to use the current UTC date.',
    );
  }
  return dayStart(n);
}

/**
 * The last `n` days ending with `today` (included), newest first, each at 00:00 UTC.
 * `lastNDays(2026-10-06, 3)` is 2026-10-06, 2026-10-05, 2026-10-04.
 */
export function lastNDays(today: DayInput, n: number): Date[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  const t = dayNumber(today);
  const days: Date[] = [];
  for (let i = 0; i < n; i++) days.push(dayStart(t - i));
  return days;
}
