/**
 * The reading streak.
 *
 * - A day is a calendar day in the reader's time zone (src/lib/learner/days.ts).
 * - A day **counts** when the reader read or reviewed at least `minimum` cards on it (read = a card's quiz answered or
 *   the card marked as understood, first time only; reviewed = one answer on /review/). The reader sets the minimum.
 * - The streak is the number of counting days in the unbroken run that ends today. Today not counting yet does not
 *   break it: until midnight the streak runs up to yesterday.
 * - **One freeze a week**: within each week (Monday to Sunday) one day that does not count is bridged, so the run goes
 *   on past it. A second such day in the same week ends the run. A frozen day keeps the streak but adds nothing to it.
 *   Freezes are not stored: they follow from the activity, so changing the minimum re-reads the whole history.
 */
import type { DayActivity } from '../../schemas/learner.ts';
import { dayIndex, dayOfIndex, weekStart } from './days.ts';

export interface Streak {
  /** Counting days in the current run (frozen days excluded). */
  days: number;
  /** Cards read or reviewed today. */
  today: number;
  /** Whether today already counts. */
  todayCounts: boolean;
  /** Days of the run bridged by a freeze, newest first. */
  frozen: string[];
}

export const activityCount = (a: DayActivity | undefined): number => (a ? a.read + a.reviewed : 0);

export function streak(activity: Readonly<Record<string, DayActivity>>, minimum: number, today: string): Streak {
  const counts = (n: number) => activityCount(activity[dayOfIndex(n)]) >= minimum;
  const todayIndex = dayIndex(today);
  const active = Object.keys(activity)
    .filter((d) => activityCount(activity[d]) > 0)
    .map(dayIndex);
  const earliest = Math.min(todayIndex, ...active);
  const todayCounts = counts(todayIndex);
  let days = todayCounts ? 1 : 0;
  const frozen: string[] = [];
  let pending: string[] = [];
  const usedWeeks = new Set<number>();
  for (let n = todayIndex - 1; n >= earliest; n--) {
    if (counts(n)) {
      days++;
      // A freeze only counts once an earlier counting day shows it bridged something.
      frozen.push(...pending);
      pending = [];
      continue;
    }
    const week = weekStart(dayOfIndex(n));
    if (usedWeeks.has(week)) break;
    usedWeeks.add(week);
    pending.push(dayOfIndex(n));
  }
  return { days, today: activityCount(activity[today]), todayCounts, frozen };
}
