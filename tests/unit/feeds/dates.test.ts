import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailyPubDate, toRfc822, toRfc3339 } from '../../../src/lib/feeds/index.ts';
import { RFC822 } from '../../support/feeds.ts';

describe('toRfc822', () => {
  it('writes RFC 822 dates in GMT with a 4-digit year', () => {
    expect(toRfc822(new Date('2026-10-06T06:00:00Z'))).toBe('Tue, 06 Oct 2026 06:00:00 GMT');
    expect(toRfc822(new Date('2024-02-29T23:59:59.999Z'))).toBe('Thu, 29 Feb 2024 23:59:59 GMT');
    expect(toRfc822(new Date('2027-01-03T00:00:00+02:00'))).toBe('Sat, 02 Jan 2027 22:00:00 GMT');
  });

  it('matches the RFC 822 shape and parses back to the same second', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
        (d) => {
          const s = toRfc822(d);
          expect(s).toMatch(RFC822);
          expect(Date.parse(s)).toBe(Math.floor(d.getTime() / 1000) * 1000);
          expect(s).toBe(d.toUTCString());
        },
      ),
    );
  });

  it('rejects invalid dates and years that do not fit', () => {
    expect(() => toRfc822(new Date('nope'))).toThrow(/valid Date/);
    expect(() => toRfc822(new Date('+010000-01-01T00:00:00Z'))).toThrow(/year/);
  });
});

describe('dailyPubDate', () => {
  it('is 06:00 UTC of the day, from a Date at any time or a YYYY-MM-DD string', () => {
    expect(dailyPubDate('2026-10-06').toISOString()).toBe('2026-10-06T06:00:00.000Z');
    expect(dailyPubDate(new Date('2026-10-06T23:59:59Z')).toISOString()).toBe('2026-10-06T06:00:00.000Z');
    expect(dailyPubDate(new Date('2026-10-06T00:00:00Z')).toISOString()).toBe('2026-10-06T06:00:00.000Z');
  });

  it('keeps the UTC day and never depends on the time of day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 86_399_999 }), (day, ms) => {
        const d = dailyPubDate(new Date(day * 86_400_000 + ms));
        expect(d.getTime()).toBe(day * 86_400_000 + 6 * 3_600_000);
      }),
    );
  });
});

describe('toRfc3339', () => {
  it('writes UTC ISO timestamps', () => {
    expect(toRfc3339(new Date('2026-10-06T06:00:00Z'))).toBe('2026-10-06T06:00:00.000Z');
  });
});
