import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import site from '../../site.config.mjs';
import { decodeHtml } from '../../src/lib/html/entities.ts';
import { DIST, distHas, htmlPages, links, readDist } from '../support/dist.ts';
import { type ParsedItem, type ParsedRss, parseRss, RFC822 } from '../support/feeds.ts';

// Assertions on the feeds of the production build in dist/ (scripts/test-all.ts builds it first): every feed parsed
// with a real XML parser, every URL in it resolving to a file of the build.

const origin = `${site.url}${site.base}`;
const abs = (path: string) => origin + path;

const files = (readdirSync(DIST, { recursive: true, encoding: 'utf8' }) as string[]).map((f) =>
  f.replaceAll('\\', '/'),
);
const rssFeeds = files.filter((f) => f === 'rss.xml' || f.endsWith('/rss.xml')).sort();
const SITE_FEEDS = [
  { path: 'rss.xml', type: 'application/rss+xml', title: `${site.name}: card of the day` },
  { path: 'feed.json', type: 'application/feed+json', title: `${site.name}: card of the day (JSON Feed)` },
  { path: 'cards/rss.xml', type: 'application/rss+xml', title: `${site.name}: new cards` },
];

const parsed = new Map<string, ParsedRss>(rssFeeds.map((f) => [f, parseRss(readDist(f))]));
const rss = (path: string): ParsedRss['rss'] => {
  const doc = parsed.get(path);
  if (!doc) throw new Error(`no feed ${path} in ${DIST}`);
  return doc.rss;
};
const itemsOf = (path: string): ParsedItem[] => rss(path).channel.item ?? [];

/** The file of the build that an absolute URL of the site points at, or undefined when it is not a site URL. */
function distPath(url: string): string | undefined {
  if (!url.startsWith(origin)) return undefined;
  const path = decodeURIComponent(url.slice(origin.length).replace(/[?#].*$/, ''));
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

function expectResolves(url: string, what: string): void {
  const file = distPath(url);
  expect(file, `${what}: ${url} is not under ${origin}`).toBeDefined();
  expect(distHas(file as string), `${what}: ${url} has no file ${file} in ${DIST}`).toBe(true);
}

function expectRfc822(value: string, what: string): Date {
  expect(value, what).toMatch(RFC822);
  const date = new Date(value);
  expect(Number.isNaN(date.getTime()), what).toBe(false);
  // The weekday must be the weekday of the date (a reader may reject a feed where it is not).
  expect(date.toUTCString(), what).toBe(value);
  return date;
}

/** href and src values in an HTML fragment. */
const urlAttributes = (html: string) =>
  [...html.matchAll(/\s(?:href|src|srcset|poster|action)="([^"]*)"/gi)].map((m) => m[1] as string);

const metaDescription = (html: string) =>
  decodeHtml(/<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? '');
const cardIdsOnPage = (html: string) =>
  [...html.slice(html.indexOf('<main')).matchAll(/data-card="([^"]+)"/g)].map((m) => m[1]);
const tagsOnCardPage = (html: string) =>
  [...html.matchAll(new RegExp(`href="${site.base}tags/([^/"]+)/"`, 'g'))].map((m) => m[1] as string);
const cardIdInContent = (html: string) => new RegExp(`href="${origin}cards/([^/"]+)/"[^>]*>Read `).exec(html)?.[1];

describe('feeds in the build', () => {
  it('has the daily feed, its JSON twin, the new-cards feed and one feed per topic and per tag page', () => {
    expect(rssFeeds).toContain('rss.xml');
    expect(rssFeeds).toContain('cards/rss.xml');
    expect(distHas('feed.json')).toBe(true);
    const listings = htmlPages().filter((p) => /^(topics|tags)\/[^/]+\/$/.test(p));
    expect(listings.length).toBeGreaterThan(0);
    for (const page of listings) expect(rssFeeds, page).toContain(`${page}rss.xml`);
    expect(rssFeeds.length).toBe(2 + listings.length);
  });

  for (const path of rssFeeds) {
    describe(path, () => {
      it('is RSS 2.0 with every required channel element, a self link and an image', () => {
        const { channel, ...doc } = rss(path);
        expect(doc['@_version']).toBe('2.0');
        expect(doc['@_xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
        expect(doc['@_xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/');
        for (const field of ['title', 'link', 'description', 'language', 'lastBuildDate'] as const) {
          expect(channel[field]?.trim(), field).toBeTruthy();
        }
        expect(channel.title.startsWith(site.name)).toBe(true);
        expect(channel.language).toBe(site.language);
        expectRfc822(channel.lastBuildDate, 'lastBuildDate');
        expect(Number(channel.ttl)).toBeGreaterThan(0);
        expect(Number.isInteger(Number(channel.ttl))).toBe(true);
        expect(channel['atom:link']['@_rel']).toBe('self');
        expect(channel['atom:link']['@_type']).toBe('application/rss+xml');
        expect(channel['atom:link']['@_href']).toBe(abs(path));
        expectResolves(channel.link, 'channel link');
        const image = channel.image;
        expect(image, 'image').toBeDefined();
        expect(image?.title).toBe(channel.title);
        expect(image?.link).toBe(channel.link);
        expect(image?.url).toMatch(/\.(png|gif|jpe?g)$/);
        expectResolves(image?.url ?? '', 'image url');
        expect(Number(image?.width)).toBeLessThanOrEqual(144);
        expect(Number(image?.height)).toBeLessThanOrEqual(400);
      });

      it('has items with title, link, guid, RFC 822 pubDate, description and categories; unique guids', () => {
        const items = itemsOf(path);
        if (path === 'rss.xml' || path === 'cards/rss.xml') expect(items.length).toBeGreaterThan(0);
        const guids = items.map((i) => i.guid['#text']);
        expect(new Set(guids).size).toBe(guids.length);
        let previous = Number.POSITIVE_INFINITY;
        const lastBuild = new Date(rss(path).channel.lastBuildDate).getTime();
        for (const item of items) {
          const what = `${path} ${item.guid['#text']}`;
          expect(item.title.trim(), what).toBeTruthy();
          expect(item.description.trim(), what).toBeTruthy();
          expect(item.guid['@_isPermaLink'], what).toBe('true');
          expectResolves(item.link, `${what} link`);
          expectResolves(item.guid['#text'], `${what} guid`);
          const date = expectRfc822(item.pubDate, `${what} pubDate`).getTime();
          expect(date, `${what} newest first`).toBeLessThanOrEqual(previous);
          expect(date, `${what} not after lastBuildDate`).toBeLessThanOrEqual(lastBuild);
          previous = date;
          expect(item.category?.length ?? 0, `${what} categories`).toBeGreaterThan(0);
        }
      });

      it('carries the card (whole in site-wide feeds, summary and link in topic and tag feeds) with absolute URLs and no scripts', () => {
        const full = !/^(topics|tags)\//.test(path);
        for (const item of itemsOf(path)) {
          const what = `${path} ${item.guid['#text']}`;
          const html = item['content:encoded'] ?? '';
          if (full) expect(html.length, what).toBeGreaterThan(600);
          else expect(html, what).toContain(`<p>${item.description}</p>`);
          expect(html, what).not.toMatch(/<script\b/i);
          expect(html, what).not.toMatch(/\son[a-z]+\s*=/i);
          expect(html, what).not.toMatch(/(?:href|src)\s*=\s*"\s*javascript:/i);
          for (const url of urlAttributes(html)) {
            expect(url, `${what}: relative URL`).toMatch(/^(https?:|mailto:)/);
            if (url.startsWith(origin)) expectResolves(url, `${what} content`);
          }
          // The card it is about: a link to the card page, whose summary and tags the item repeats.
          const id = cardIdInContent(html);
          expect(id, `${what}: no link to the card page`).toBeTruthy();
          const page = readDist(`cards/${id}/index.html`);
          // RSS readers render <description> as HTML: it holds the summary as HTML text.
          expect(decodeHtml(item.description), what).toBe(metaDescription(page));
          expect([...(item.category ?? [])].sort(), what).toEqual([...new Set(tagsOnCardPage(page))].sort());
        }
      });

      // The daily and new-cards feeds carry every card between them; topic and tag feeds repeat the same items.
      if (!/^(topics|tags)\//.test(path))
        it("shows the card's quiz as its question and answer, without the page's interactive markup", () => {
          for (const item of itemsOf(path)) {
            const what = `${path} ${item.guid['#text']}`;
            const html = item['content:encoded'] ?? '';
            const page = readDist(`cards/${cardIdInContent(html)}/index.html`);
            const question = /<p id="quiz-q">([^<]*)<\/p>/.exec(page)?.[1];
            const answer = Number(/data-answer="(\d)"/.exec(page)?.[1]);
            expect(question, `${what}: the card page has no quiz`).toBeTruthy();
            expect(html, what).toContain(`<h2>Check yourself</h2>\n<p>${question}</p>`);
            expect(html, what).toContain(`<p><strong>Answer: ${String.fromCharCode(65 + answer)}.</strong> `);
            expect(html, what).not.toMatch(/<button\b|role="radio"|data-quiz|<details\b|<[a-z][^>]*\shidden[\s>=]/);
          }
        });
    });
  }

  describe('the daily feed (rss.xml)', () => {
    const items = itemsOf('rss.xml');
    const days = (readdirSync(`${DIST}/daily`, { withFileTypes: true }) as { name: string; isDirectory(): boolean }[])
      .filter((d) => d.isDirectory() && /^\d{4}-\d{2}-\d{2}$/.test(d.name))
      .map((d) => d.name)
      .sort()
      .reverse();

    it('covers at most the last 30 days, one day page per day, each dated 06:00 UTC of its day', () => {
      expect(days.length).toBeGreaterThan(0);
      expect(days.length).toBeLessThanOrEqual(30);
      const newest = new Date(`${days[0]}T00:00:00Z`).getTime();
      const oldest = new Date(`${days.at(-1)}T00:00:00Z`).getTime();
      expect((newest - oldest) / 86_400_000).toBe(days.length - 1);
      const itemDays = new Set<string>();
      for (const item of items) {
        const guid = item.guid['#text'];
        const m = new RegExp(`^${origin}daily/(\\d{4}-\\d{2}-\\d{2})/(#.+)?$`).exec(guid);
        expect(m, guid).not.toBeNull();
        const day = m?.[1] as string;
        itemDays.add(day);
        expect(item.link).toBe(abs(`daily/${day}/`));
        // With several cards a day the guid is the day page + #card-id: the day page has that id.
        if (m?.[2])
          expect(readDist(`daily/${day}/index.html`), guid).toContain(`id="${decodeURIComponent(m[2].slice(1))}"`);
        expect(new Date(item.pubDate).toISOString()).toBe(`${day}T06:00:00.000Z`);
      }
      expect([...itemDays].sort().reverse()).toEqual(days);
    });

    it("puts each day's card(s) in the day's item(s), as its day page shows them", () => {
      const byDay = new Map<string, string[]>();
      for (const item of items) {
        const day = new Date(item.pubDate).toISOString().slice(0, 10);
        byDay.set(day, [...(byDay.get(day) ?? []), cardIdInContent(item['content:encoded'] ?? '') as string]);
      }
      for (const day of days) expect(cardIdsOnPage(readDist(`daily/${day}/index.html`)), day).toEqual(byDay.get(day));
    });

    it('lists every day page on /daily/ and shows the card of the day on the home page', () => {
      const index = readDist('daily/index.html');
      const listed = links(index.slice(index.indexOf('<main'))).filter((h) => /\/daily\/\d{4}-\d{2}-\d{2}\/$/.test(h));
      expect(listed).toEqual(days.map((d) => `${site.base}daily/${d}/`));
      const home = readDist('index.html');
      const section = home.slice(home.indexOf('aria-label="Card of the day"'));
      const today = section.slice(0, section.indexOf('</section>'));
      const todays = items
        .filter((i) => i.pubDate === items[0]?.pubDate)
        .map((i) => cardIdInContent(i['content:encoded'] ?? ''));
      expect(todays.length).toBeGreaterThan(0);
      expect([...today.matchAll(/data-card="([^"]+)"/g)].map((m) => m[1])).toEqual(todays);
      for (const id of todays) expect(today).toContain(`href="${site.base}cards/${id}/"`);
    });

    it('has a JSON Feed 1.1 twin at /feed.json with the same items', () => {
      const feed = JSON.parse(readDist('feed.json'));
      expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
      expect(feed.title).toBeTruthy();
      expect(feed.feed_url).toBe(abs('feed.json'));
      expectResolves(feed.home_page_url, 'home_page_url');
      for (const key of ['icon', 'favicon']) if (feed[key]) expectResolves(feed[key], key);
      expect(feed.items).toHaveLength(items.length);
      const ids = new Set<string>();
      feed.items.forEach((j: Record<string, unknown>, i: number) => {
        const r = items[i] as ParsedItem;
        expect(typeof j.id === 'string' && j.id !== '', `item ${i} id`).toBe(true);
        expect(ids.has(j.id as string), `duplicate id ${j.id}`).toBe(false);
        ids.add(j.id as string);
        expect(typeof j.content_html === 'string' || typeof j.content_text === 'string', `item ${i} content`).toBe(
          true,
        );
        expect(j.id).toBe(r.guid['#text']);
        expect(j.url).toBe(r.link);
        expect(j.title).toBe(r.title);
        expect(j.summary).toBe(decodeHtml(r.description));
        expect(j.date_published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
        expect(new Date(j.date_published as string).getTime()).toBe(new Date(r.pubDate).getTime());
        expect(j.tags).toEqual(r.category);
        expect(j.content_html).toBe(r['content:encoded']);
      });
    });
  });

  describe('the new-cards feed (cards/rss.xml)', () => {
    it('lists cards newest first by publishedAt, guid = the card page', () => {
      for (const item of itemsOf('cards/rss.xml')) {
        expect(item.guid['#text']).toMatch(new RegExp(`^${origin}cards/[^/]+/$`));
        expect(item.link).toBe(item.guid['#text']);
        const id = item.link.slice(`${origin}cards/`.length, -1);
        const page = readDist(`cards/${id}/index.html`);
        const published = /<meta property="article:published_time" content="([^"]+)"/.exec(page)?.[1];
        expect(new Date(item.pubDate).toISOString().slice(0, 10)).toBe(published);
      }
    });

    it('gives each topic and tag feed exactly the newest cards of its listing page', () => {
      for (const path of rssFeeds.filter((f) => /^(topics|tags)\//.test(f))) {
        const page = readDist(path.replace(/rss\.xml$/, 'index.html'));
        const onPage = new Set(cardIdsOnPage(page));
        for (const item of itemsOf(path)) {
          expect(onPage.has(item.link.slice(`${origin}cards/`.length, -1)), `${path}: ${item.link}`).toBe(true);
        }
      }
    });
  });
});

describe('feed autodiscovery', () => {
  const alternates = (html: string) =>
    [...html.slice(0, html.indexOf('</head>')).matchAll(/<link rel="alternate"([^>]*)>/g)].map((m) => {
      const attr = (name: string) => decodeHtml(new RegExp(`\\s${name}="([^"]*)"`).exec(m[1] as string)?.[1] ?? '');
      return { type: attr('type'), title: attr('title'), href: attr('href') };
    });

  it('advertises the site-wide feeds in the head of every page, with absolute URLs that resolve', () => {
    const expected = SITE_FEEDS.map((f) => ({ type: f.type, title: f.title, href: abs(f.path) }));
    for (const f of expected) expectResolves(f.href, f.title);
    for (const page of htmlPages()) {
      const html = readDist(page.endsWith('.html') ? page : `${page}index.html`);
      expect(alternates(html).slice(-SITE_FEEDS.length), page).toEqual(expected);
    }
  });

  it('advertises its own feed first on every topic and tag page', () => {
    for (const page of htmlPages().filter((p) => /^(topics|tags)\/[^/]+\/$/.test(p))) {
      const found = alternates(readDist(`${page}index.html`));
      expect(found, page).toHaveLength(SITE_FEEDS.length + 1);
      expect(found[0]?.type, page).toBe('application/rss+xml');
      expect(found[0]?.href, page).toBe(abs(`${page}rss.xml`));
      expect(found[0]?.title.startsWith(`${site.name}: `), page).toBe(true);
    }
  });

  it('links every feed from the Follow section of the home page', () => {
    const home = readDist('index.html');
    const follow = home.slice(home.indexOf('id="follow-title"'));
    expect(follow.length).toBeLessThan(home.length);
    const hrefs = new Set(links(follow.slice(0, follow.indexOf('</section>'))));
    for (const f of [...rssFeeds, 'feed.json']) expect(hrefs.has(`${site.base}${f}`), f).toBe(true);
  });
});
