import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DayActivity } from '../../../src/schemas/learner.ts';
import { addDays, dayIndex, localDay, weekStart } from '../../../src/lib/learner/days.ts';
import { streak } from '../../../src/lib/learner/streak.ts';

// 2026-12-02 is a Wednesday; its week runs Monday 2026-11-30 to Sunday 2026-12-06.
const TODAY = '2026-12-02';
const act = (days: Record<string, number>): Record<string, DayActivity> =>
  Object.fromEntries(Object.entries(days).map(([d, n]) => [d, { read: n, reviewed: 0 }]));

describe('local days', () => {
  it('weeks start on Monday', () => {
    expect(weekStart('2026-11-30')).toBe(dayIndex('2026-11-30'));
    expect(weekStart('2026-12-06')).toBe(dayIndex('2026-11-30'));
    expect(weekStart('2026-12-07')).toBe(dayIndex('2026-12-07'));
  });
  it('adds days across months and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
  it('reads the local calendar date of an instant', () => {
    const d = new Date(2026, 11, 2, 23, 59);
    expect(localDay(d)).toBe('2026-12-02');
  });
});

describe('streak', () => {
  it('is 0 with no activity, and today alone counts once it reaches the minimum', () => {
    expect(streak({}, 1, TODAY)).toEqual({ days: 0, today: 0, todayCounts: false, frozen: [] });
    expect(streak(act({ [TODAY]: 1 }), 1, TODAY).days).toBe(1);
    expect(streak(act({ [TODAY]: 1 }), 2, TODAY)).toMatchObject({ days: 0, today: 1, todayCounts: false });
  });

  it('runs up to yesterday while today has not reached the minimum', () => {
    const s = streak(act({ '2026-11-30': 1, '2026-12-01': 1 }), 1, TODAY);
    expect(s).toEqual({ days: 2, today: 0, todayCounts: false, frozen: [] });
  });

  it('counts reads and reviews together against the minimum', () => {
    const a = { [TODAY]: { read: 1, reviewed: 2 } };
    expect(streak(a, 3, TODAY).todayCounts).toBe(true);
    expect(streak(a, 4, TODAY).todayCounts).toBe(false);
  });

  it('bridges one missed day a week with a freeze, which adds nothing to the count', () => {
    // Mon 30 Nov counted, Tue 1 Dec missed, Wed 2 Dec (today) counted.
    expect(streak(act({ '2026-11-30': 1, [TODAY]: 1 }), 1, TODAY)).toEqual({
      days: 2,
      today: 1,
      todayCounts: true,
      frozen: ['2026-12-01'],
    });
  });

  it('ends the run at the second missed day of the same week', () => {
    // Week of 23–29 Nov: 24 and 26 missed. The run from today goes back to 27 Nov (freeze on 26 used), then 25
    // counts, then 24 is the second miss of that week.
    const a = act({ '2026-11-23': 1, '2026-11-25': 1, '2026-11-27': 1, '2026-11-28': 1, '2026-11-29': 1 });
    const more = { ...a, ...act({ '2026-11-30': 1, '2026-12-01': 1, [TODAY]: 1 }) };
    expect(streak(more, 1, TODAY)).toEqual({ days: 7, today: 1, todayCounts: true, frozen: ['2026-11-26'] });
  });

  it('does not freeze days before the first counting day', () => {
    expect(streak(act({ [TODAY]: 1 }), 1, TODAY).frozen).toEqual([]);
    expect(streak(act({ '2026-11-20': 0 }), 1, TODAY).days).toBe(0);
  });

  it('re-reads the history when the minimum changes', () => {
    const a = act({ '2026-11-30': 3, '2026-12-01': 1, [TODAY]: 3 });
    expect(streak(a, 1, TODAY).days).toBe(3);
    // With a minimum of 3, 1 December no longer counts: bridged by the week's freeze.
    expect(streak(a, 3, TODAY)).toMatchObject({ days: 2, frozen: ['2026-12-01'] });
  });

  const historyArb = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 4 })), { maxLength: 60 })
    .map((entries) =>
      Object.fromEntries(entries.map(([back, n]) => [addDays(TODAY, -back), { read: n, reviewed: 0 }])),
    );

  it('never has two frozen days in one week, and a run with every day counted has no freeze', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 1, max: 4 }), (a, min) => {
        const s = streak(a, min, TODAY);
        const weeks = s.frozen.map(weekStart);
        expect(new Set(weeks).size).toBe(weeks.length);
        // Every frozen day lies inside the run: between a counting day before it and today.
        for (const d of s.frozen) expect(d < TODAY).toBe(true);
        expect(s.days).toBeGreaterThanOrEqual(s.todayCounts ? 1 : 0);
      }),
    );
  });

  it('raising the minimum never lengthens the streak', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 1, max: 3 }), (a, min) => {
        expect(streak(a, min + 1, TODAY).days).toBeLessThanOrEqual(streak(a, min, TODAY).days);
      }),
    );
  });
});
