import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayNumber,
  formatDay,
  lastNDays,
  parseIsoDay,
  parseSiteDate,
  toUtcDay,
} from '../../../src/lib/schedule/index.ts';

describe('parseSiteDate', () => {
  it('parses YYYY-MM-DD to 00:00 UTC', () => {
    expect(parseSiteDate('2026-10-06').toISOString()).toBe('2026-10-06T00:00:00.000Z');
    expect(parseSiteDate('2024-02-29').toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parseSiteDate(' 2026-10-06\n').toISOString()).toBe('2026-10-06T00:00:00.000Z');
  });

  it('falls back to the current UTC date when unset or blank', () => {
    const now = new Date('2026-10-06T23:30:00-05:00'); // already 10-07 in UTC
    expect(parseSiteDate(undefined, now).toISOString()).toBe('2026-10-07T00:00:00.000Z');
    expect(parseSiteDate('', now).toISOString()).toBe('2026-10-07T00:00:00.000Z');
    expect(parseSiteDate('   ', now).toISOString()).toBe('2026-10-07T00:00:00.000Z');
  });

  it.each([
    '2026-10-6',
    '2026/10/06',
    '06-10-2026',
    '2026-10-06T00:00:00Z',
    '2026-13-01',
    '2026-00-10',
    '2026-02-29',
    '2026-04-31',
    '2026-10-00',
    'today',
    '+02026-10-06',
  ])('rejects %j with an error naming SITE_DATE and the value', (value) => {
    expect(() => parseSiteDate(value)).toThrow(/SITE_DATE must be a UTC calendar date written YYYY-MM-DD/);
    expect(() => parseSiteDate(value)).toThrow(JSON.stringify(value));
  });

  it('round-trips every date through formatDay', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
        (d) => {
          const s = formatDay(d);
          expect(s).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(parseSiteDate(s).getTime()).toBe(toUtcDay(d).getTime());
          expect(dayNumber(s)).toBe(dayNumber(d));
        },
      ),
    );
  });
});

describe('lastNDays', () => {
  it('lists n days ending with today, newest first, at 00:00 UTC', () => {
    expect(lastNDays('2026-03-01', 3).map(formatDay)).toEqual(['2026-03-01', '2026-02-28', '2026-02-27']);
    expect(lastNDays(new Date('2026-03-01T18:00:00Z'), 1).map((d) => d.toISOString())).toEqual([
      '2026-03-01T00:00:00.000Z',
    ]);
    expect(lastNDays('2026-03-01', 0)).toEqual([]);
  });

  it('always gives n consecutive distinct days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 60 }), (day, n) => {
        const days = lastNDays(new Date(day * 86_400_000), n).map(dayNumber);
        expect(days).toEqual(Array.from({ length: n }, (_, i) => day - i));
      }),
    );
  });

  it('rejects a negative or fractional n', () => {
    expect(() => lastNDays('2026-03-01', -1)).toThrow(/non-negative integer/);
    expect(() => lastNDays('2026-03-01', 1.5)).toThrow(/non-negative integer/);
  });
});

describe('parseIsoDay', () => {
  it('is the one strict YYYY-MM-DD parser: a real calendar date or undefined', () => {
    expect(parseIsoDay('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parseIsoDay('0099-12-31')?.toISOString()).toBe('0099-12-31T00:00:00.000Z');
    for (const bad of ['2026-02-29', '2026-04-31', '2026-10-6', ' 2026-10-06', '2026-10-06T00:00:00Z', '+02026-10-06'])
      expect(parseIsoDay(bad), bad).toBeUndefined();
  });

  it('agrees with the date Date itself writes for every day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
        (d) => {
          const s = d.toISOString().slice(0, 10);
          expect(parseIsoDay(s)?.getTime()).toBe(toUtcDay(d).getTime());
        },
      ),
    );
  });
});
