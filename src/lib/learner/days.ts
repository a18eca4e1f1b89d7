// Calendar days in the reader's own time zone, written `YYYY-MM-DD`. The streak, the heat map and "due today" count
// these, not UTC days (the daily card of the site is a UTC day: src/lib/schedule). Arithmetic on them treats the
// string as a plain calendar date (a day number, as src/lib/schedule/day.ts does for UTC days), so daylight-saving
// changes never make a day vanish or repeat. Callers pass well-formed days only (the schema checks stored ones).
export { localDay, nextLocalDay } from './due.ts';

const DAY_MS = 86_400_000;

/** Whole days since 1970-01-01 of a `YYYY-MM-DD` day. */
export const dayIndex = (day: string): number =>
  Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) / DAY_MS;

/** The `YYYY-MM-DD` day of a day index. */
export const dayOfIndex = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** `day` plus `n` days (n may be negative). */
export const addDays = (day: string, n: number): string => dayOfIndex(dayIndex(day) + n);

/** The Monday that starts the ISO week of `day`, as a day index (weeks run Monday to Sunday). */
export function weekStart(day: string): number {
  const n = dayIndex(day);
  // 1970-01-01 was a Thursday: day index 0 is weekday 3 counting Monday as 0.
  return n - ((n + 3) % 7);
}
