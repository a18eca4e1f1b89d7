import { describe, expect, it } from 'vitest';
import site from '../../site.config.mjs';
import { astroBuild } from '../support/build.ts';
import { readDist } from '../support/dist.ts';
import { type ParsedItem, parseRss } from '../support/feeds.ts';

// Feed readers recognise items by guid: two builds on different days must agree exactly on every day they share.
// Builds the site twice, a week apart (SITE_DATE), with the content of this run (CONTENT_DIR, BASE_PATH, SITE_URL
// pass through), and compares the daily feeds and day pages.

const DATE_A = '2026-11-16';
const DATE_B = '2026-11-23'; // a week later: the two 30-day windows share 23 days, 2026-10-25 to DATE_A
const FIRST_SHARED = '2026-10-25';
const DIST_A = '.tmp/dist-date-a';
const DIST_B = '.tmp/dist-date-b';

function build(siteDate: string, outDir: string): void {
  const r = astroBuild(outDir, { SITE_DATE: siteDate });
  if (r.status !== 0) throw new Error(`build with SITE_DATE=${siteDate} failed:\n${r.stdout}\n${r.stderr}`);
}

const dayOf = (item: ParsedItem) => new Date(item.pubDate).toISOString().slice(0, 10);
const cardIds = (html: string) =>
  [...html.slice(html.indexOf('<main')).matchAll(/data-card="([^"]+)"/g)].map((m) => m[1]);

describe('daily feeds built on two dates a week apart', () => {
  it('agree exactly on the days they share: same guid, pubDate and card', { timeout: 600_000 }, () => {
    // One test, builds in sequence: they share node_modules/.astro and .astro.
    build(DATE_A, DIST_A);
    build(DATE_B, DIST_B);

    const a = parseRss(readDist('rss.xml', DIST_A)).rss.channel;
    const b = parseRss(readDist('rss.xml', DIST_B)).rss.channel;
    expect(a.lastBuildDate).toBe('Mon, 16 Nov 2026 06:00:00 GMT');
    expect(b.lastBuildDate).toBe('Mon, 23 Nov 2026 06:00:00 GMT');
    const itemsA = a.item ?? [];
    const itemsB = b.item ?? [];
    expect(itemsA.length, 'the deck has no card by SITE_DATE A').toBeGreaterThan(0);

    // Each build covers the 30 days up to its SITE_DATE.
    for (const [items, last] of [
      [itemsA, DATE_A],
      [itemsB, DATE_B],
    ] as const) {
      expect(dayOf(items[0] as ParsedItem)).toBe(last);
      const first = new Date(new Date(`${last}T00:00:00Z`).getTime() - 29 * 86_400_000).toISOString().slice(0, 10);
      for (const item of items) expect(dayOf(item) >= first && dayOf(item) <= last).toBe(true);
    }

    const sharedA = itemsA.filter((i) => dayOf(i) >= FIRST_SHARED);
    const sharedB = itemsB.filter((i) => dayOf(i) <= DATE_A);
    expect(sharedA.length).toBeGreaterThan(0);
    // Same items in the same order, field for field: guid, link, pubDate, title, description, categories, content.
    expect(sharedB).toEqual(sharedA);

    // The JSON twins agree too, and so do the day pages.
    const jsonA = JSON.parse(readDist('feed.json', DIST_A)).items as { id: string; date_published: string }[];
    const jsonB = JSON.parse(readDist('feed.json', DIST_B)).items as { id: string; date_published: string }[];
    const sharedIds = new Set(sharedA.map((i) => i.guid['#text']));
    expect(jsonB.filter((i) => sharedIds.has(i.id))).toEqual(jsonA.filter((i) => sharedIds.has(i.id)));
    for (const day of new Set(sharedA.map(dayOf))) {
      const pageA = cardIds(readDist(`daily/${day}/index.html`, DIST_A));
      expect(pageA.length, day).toBeGreaterThan(0);
      expect(cardIds(readDist(`daily/${day}/index.html`, DIST_B)), day).toEqual(pageA);
    }

    // The home page of each build shows its own day's card(s).
    for (const [dist, items] of [
      [DIST_A, itemsA],
      [DIST_B, itemsB],
    ] as const) {
      const home = readDist('index.html', dist);
      const section = home.slice(home.indexOf('aria-label="Card of the day"'));
      const shown = [...section.slice(0, section.indexOf('</section>')).matchAll(/data-card="([^"]+)"/g)].map(
        (m) => m[1],
      );
      const expected = items
        .filter((i) => i.pubDate === items[0]?.pubDate)
        .map(
          (i) =>
            new RegExp(`href="${site.url}${site.base}cards/([^/"]+)/"[^>]*>Read `).exec(
              i['content:encoded'] ?? '',
            )?.[1],
        );
      expect(shown, dist).toEqual(expected);
    }
  });
});
