import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildJsonFeed, buildRss, type DailyEntry, dailyEntries, type FeedItem } from '../../../src/lib/feeds/index.ts';
import { formatDay } from '../../../src/lib/schedule/index.ts';
import { BASE_DAY, DAY, deckArb, perDayArb, type TestCard } from '../schedule/helpers.ts';
import { channel, parseRss, RFC822 } from '../../support/feeds.ts';

const dayUrl = (day: string) => `https://example.org/daily/${day}/`;

function toItem(entry: DailyEntry<TestCard>): FeedItem {
  return {
    title: `Card of the day: ${entry.card.id}`,
    link: entry.link,
    guid: entry.guid,
    pubDate: entry.pubDate,
    description: `Summary of ${entry.card.id}`,
    contentHtml: `<p>${entry.card.id}</p>`,
    categories: ['tag'],
  };
}

function dailyRss(cards: TestCard[], today: Date, perDay: number): string {
  const entries = dailyEntries({ today, days: 30, cards, perDay, dayUrl });
  return buildRss({ ...channel, lastBuildDate: new Date(today.getTime() + 6 * 3_600_000) }, entries.map(toItem));
}

describe('dailyEntries', () => {
  const deck: TestCard[] = [
    { id: 'a', publishedAt: new Date('2026-10-01') },
    { id: 'b', publishedAt: new Date('2026-10-01') },
    { id: 'c', publishedAt: new Date('2026-10-03') },
  ];

  it('lists the last days newest first, one entry per day-card, dated 06:00 UTC, guid = day page', () => {
    const entries = dailyEntries({ today: '2026-10-04', days: 5, cards: deck, dayUrl });
    expect(entries.map((e) => [e.day, e.card.id, e.guid, e.pubDate.toISOString()])).toEqual([
      ['2026-10-04', 'a', 'https://example.org/daily/2026-10-04/', '2026-10-04T06:00:00.000Z'],
      ['2026-10-03', 'c', 'https://example.org/daily/2026-10-03/', '2026-10-03T06:00:00.000Z'],
      ['2026-10-02', 'b', 'https://example.org/daily/2026-10-02/', '2026-10-02T06:00:00.000Z'],
      ['2026-10-01', 'a', 'https://example.org/daily/2026-10-01/', '2026-10-01T06:00:00.000Z'],
    ]);
  });

  it('with several cards per day, gives each day-card its own guid (day page + #card id)', () => {
    const entries = dailyEntries({ today: '2026-10-03', days: 2, cards: deck, perDay: 2, dayUrl });
    expect(entries.map((e) => [e.day, e.position, e.guid])).toEqual([
      ['2026-10-03', 0, 'https://example.org/daily/2026-10-03/#c'],
      ['2026-10-03', 1, 'https://example.org/daily/2026-10-03/#a'],
      ['2026-10-02', 0, 'https://example.org/daily/2026-10-02/#a'],
      ['2026-10-02', 1, 'https://example.org/daily/2026-10-02/#b'],
    ]);
  });

  it('builds a valid daily RSS feed and JSON twin with unique guids and RFC 822 dates', () => {
    const cards = Array.from({ length: 50 }, (_, i) => ({
      id: `card-${i}`,
      publishedAt: new Date(Date.UTC(2026, 8, 1 + (i % 20))),
    }));
    const today = new Date('2026-10-06');
    const items = dailyEntries({ today, days: 30, cards, perDay: 2, dayUrl }).map(toItem);
    const parsed = parseRss(buildRss(channel, items)).rss.channel.item ?? [];
    expect(parsed).toHaveLength(60);
    expect(new Set(parsed.map((p) => p.guid['#text'])).size).toBe(60);
    for (const p of parsed) expect(p.pubDate).toMatch(RFC822);
    const json = JSON.parse(buildJsonFeed({ ...channel, feedUrl: 'https://example.org/feed.json' }, items));
    expect(json.items.map((i: { id: string }) => i.id)).toEqual(parsed.map((p) => p.guid['#text']));
  });
});

describe('daily feed stability', () => {
  it('two builds a week apart agree exactly on their shared days (guid, pubDate, card, content)', () => {
    fc.assert(
      fc.property(
        deckArb(25, 60),
        perDayArb,
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 1, max: 7 }),
        (deck, perDay, offset, gap) => {
          const earlier = new Date((BASE_DAY + offset) * DAY);
          const later = new Date((BASE_DAY + offset + gap) * DAY);
          const a = dailyEntries({ today: earlier, days: 30, cards: deck, perDay, dayUrl });
          const b = dailyEntries({ today: later, days: 30, cards: deck, perDay, dayUrl });
          const sharedDays = new Set(a.map((e) => e.day).filter((d) => b.some((e) => e.day === d)));
          const key = (e: DailyEntry<TestCard>) => [
            e.day,
            e.position,
            e.guid,
            e.pubDate.toISOString(),
            e.card.id,
            e.link,
          ];
          const shared = (entries: DailyEntry<TestCard>[]) => entries.filter((e) => sharedDays.has(e.day)).map(key);
          expect(shared(b)).toEqual(shared(a));
          // The earlier build's days from (later - 29) on are all in the later build.
          const cutoff = formatDay(new Date(later.getTime() - 29 * DAY));
          expect(a.filter((e) => e.day >= cutoff).map(key)).toEqual(shared(a));

          // The same through the real XML: items on shared days are identical.
          const itemsA = parseRss(dailyRss(deck, earlier, perDay)).rss.channel.item ?? [];
          const itemsB = parseRss(dailyRss(deck, later, perDay)).rss.channel.item ?? [];
          const onShared = (items: typeof itemsA) => items.filter((i) => sharedDays.has(i.link.slice(-11, -1)));
          expect(onShared(itemsB)).toEqual(onShared(itemsA));
          expect(onShared(itemsA)).toHaveLength(shared(a).length);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a week-apart example on a real-sized deck', () => {
    const cards = Array.from({ length: 120 }, (_, i) => ({
      id: `c${i}`,
      publishedAt: new Date(Date.UTC(2026, 5, 1 + (i % 90))),
    }));
    const first = parseRss(dailyRss(cards, new Date('2026-10-06'), 1)).rss.channel.item ?? [];
    const second = parseRss(dailyRss(cards, new Date('2026-10-13'), 1)).rss.channel.item ?? [];
    expect(first).toHaveLength(30);
    expect(second).toHaveLength(30);
    // Shared days: 2026-09-14 .. 2026-10-06 (23 days): the last 23 items of `second` are the first 23 of `first`.
    expect(second.slice(7)).toEqual(first.slice(0, 23));
  });
});
