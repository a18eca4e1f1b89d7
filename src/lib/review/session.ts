// A review session: which understood cards are due today, when the next one is, and the last 12 weeks of activity.
import type { DayActivity, LearnerState } from '../../schemas/learner.ts';
import { addDays, dayIndex, dayOfIndex, weekStart } from '../learner/days.ts';
import { dueDayOf } from '../learner/due.ts';
import { activityCount } from '../learner/streak.ts';

export interface DueCard {
  id: string;
  /** Local day from which the card is due. */
  day: string;
}

/** Every understood card with its due day, soonest first (then by id). */
export function dueDays(state: LearnerState, known: (id: string) => boolean = () => true): DueCard[] {
  const out: DueCard[] = [];
  for (const [id, p] of Object.entries(state.cards)) {
    if (!p.understood || !known(id)) continue;
    const day = dueDayOf(p.understood, state.review[id]);
    if (day) out.push({ id, day });
  }
  return out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Cards due today or earlier, and the first day after today on which another one is due. */
export function sessionOf(
  state: LearnerState,
  today: string,
  known?: (id: string) => boolean,
): { due: string[]; nextDue?: string } {
  const all = dueDays(state, known);
  const due = all.filter((c) => c.day <= today).map((c) => c.id);
  const later = all.find((c) => c.day > today);
  return later ? { due, nextDue: later.day } : { due };
}

export const HEATMAP_WEEKS = 12;

export interface HeatDay {
  day: string;
  count: number;
  /** 0 (nothing) to 4 (busiest), relative to the busiest day shown. */
  level: 0 | 1 | 2 | 3 | 4;
  /** Column (week, oldest first) and row (Monday = 0). */
  week: number;
  weekday: number;
}

/** The days of the last `weeks` weeks (Monday-started; the last one holds today), up to today. */
export function heatmap(
  activity: Readonly<Record<string, DayActivity>>,
  today: string,
  weeks = HEATMAP_WEEKS,
): HeatDay[] {
  const first = weekStart(today) - 7 * (weeks - 1);
  const last = dayIndex(today);
  const counts: number[] = [];
  for (let n = first; n <= last; n++) counts.push(activityCount(activity[dayOfIndex(n)]));
  const max = Math.max(1, ...counts);
  return counts.map((count, i) => ({
    day: addDays(dayOfIndex(first), i),
    count,
    level: (count === 0 ? 0 : Math.min(4, Math.ceil((count / max) * 4))) as HeatDay['level'],
    week: Math.floor(i / 7),
    weekday: i % 7,
  }));
}
