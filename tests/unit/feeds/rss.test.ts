import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRss, escapeHtml, type FeedItem, normalizeXmlText } from '../../../src/lib/feeds/index.ts';
import { channel, item, parseRss, RFC822 } from '../../support/feeds.ts';

describe('buildRss', () => {
  const xml = buildRss(channel, [item, { ...item, guid: `${item.guid}#2`, categories: [], contentHtml: undefined }]);
  const { rss } = parseRss(xml);

  it('is RSS 2.0 with the content and atom namespaces', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"')).toBe(true);
    expect(rss['@_version']).toBe('2.0');
    expect(rss['@_xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
    expect(rss['@_xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/');
  });

  it('has the channel elements: title, link, description, language, lastBuildDate, ttl, image, atom:link self', () => {
    const c = rss.channel;
    expect(c.title).toBe(channel.title);
    expect(c.link).toBe(channel.link);
    expect(c.description).toBe(channel.description);
    expect(c.language).toBe('en');
    expect(c.lastBuildDate).toBe('Tue, 06 Oct 2026 06:00:00 GMT');
    expect(c.ttl).toBe('720');
    expect(c.image).toMatchObject({
      url: 'https://example.org/icon-144.png',
      title: channel.title,
      link: channel.link,
      width: '144',
      height: '144',
    });
    expect(c['atom:link']).toEqual({ '@_href': channel.feedUrl, '@_rel': 'self', '@_type': 'application/rss+xml' });
  });

  it('has the item elements: title, link, guid isPermaLink, RFC 822 pubDate, description, categories, content:encoded', () => {
    const [first, second] = rss.channel.item ?? [];
    expect(first?.title).toBe(item.title);
    expect(first?.link).toBe(item.link);
    expect(first?.guid).toEqual({ '#text': item.guid, '@_isPermaLink': 'true' });
    expect(first?.pubDate).toBe('Tue, 06 Oct 2026 06:00:00 GMT');
    expect(first?.pubDate).toMatch(RFC822);
    // Plain text made HTML-safe: a reader rendering it as HTML shows the original text.
    expect(first?.description).toBe('LoRA freezes every weight &amp; learns a small &lt;correction&gt;.');
    expect(first?.category).toEqual(['lora', 'peft']);
    expect(first?.['content:encoded']).toBe(item.contentHtml);
    expect(second?.category).toBeUndefined();
    expect(second?.['content:encoded']).toBeUndefined();
  });

  it('writes isPermaLink="false" for non-URL guids', () => {
    const out = parseRss(buildRss(channel, [{ ...item, guid: 'card:lora:1', guidIsPermaLink: false }]));
    expect(out.rss.channel.item?.[0]?.guid).toEqual({ '#text': 'card:lora:1', '@_isPermaLink': 'false' });
  });

  it('omits optional channel elements that are not given', () => {
    const out = parseRss(buildRss({ ...channel, ttl: undefined, image: undefined }, []));
    expect(out.rss.channel.ttl).toBeUndefined();
    expect(out.rss.channel.image).toBeUndefined();
    expect(out.rss.channel.item).toBeUndefined();
  });

  it('keeps content:encoded intact even when it contains ]]> (split CDATA)', () => {
    const html = '<p>a]]>b ]]]]> <![CDATA[x]]></p>';
    const out = parseRss(buildRss(channel, [{ ...item, contentHtml: html }]));
    expect(out.rss.channel.item?.[0]?.['content:encoded']).toBe(html);
  });

  it('escapes every text field so that any string round-trips (minus characters XML forbids)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(
        fc.record({ title: text, description: text, html: text, category: text, channelTitle: text, path: text }),
        (r) => {
          const link = `https://example.org/${encodeURIComponent(r.path)}?a=1&b=<2>`;
          const xml = buildRss({ ...channel, title: r.channelTitle, feedUrl: `${link}&feed` }, [
            {
              ...item,
              title: r.title,
              description: r.description,
              contentHtml: r.html,
              categories: [r.category],
              link,
              guid: link,
            },
          ]);
          const out = parseRss(xml);
          const parsed = out.rss.channel.item?.[0];
          expect(out.rss.channel.title).toBe(normalizeXmlText(r.channelTitle));
          expect(out.rss.channel['atom:link']['@_href']).toBe(`${link}&feed`);
          expect(parsed?.title).toBe(normalizeXmlText(r.title));
          expect(parsed?.description).toBe(escapeHtml(normalizeXmlText(r.description)));
          expect(parsed?.['content:encoded'] ?? '').toBe(normalizeXmlText(r.html));
          expect(parsed?.category).toEqual([normalizeXmlText(r.category)]);
          expect(parsed?.link).toBe(link);
          expect(parsed?.guid['#text']).toBe(link);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes unique guids, in the order given, with RFC 822 dates', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 15 }),
        fc.array(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), {
          minLength: 15,
          maxLength: 15,
        }),
        (slugs, dates) => {
          const items: FeedItem[] = slugs.map((s, i) => ({
            ...item,
            guid: `https://example.org/daily/${encodeURIComponent(s)}/`,
            pubDate: dates[i] as Date,
          }));
          const parsed = parseRss(buildRss(channel, items)).rss.channel.item ?? [];
          const guids = parsed.map((p) => p.guid['#text']);
          expect(guids).toEqual(items.map((i) => i.guid));
          expect(new Set(guids).size).toBe(guids.length);
          parsed.forEach((p, i) => {
            expect(p.pubDate).toMatch(RFC822);
            expect(Date.parse(p.pubDate)).toBe(Math.floor((dates[i] as Date).getTime() / 1000) * 1000);
          });
        },
      ),
    );
  });

  it('refuses duplicate guids, relative URLs, invalid dates and a bad ttl', () => {
    expect(() => buildRss(channel, [item, item])).toThrow(/duplicate guid/);
    expect(() => buildRss(channel, [{ ...item, link: '/daily/2026-10-06/' }])).toThrow(
      /link must be an absolute http\(s\) URL/,
    );
    expect(() => buildRss(channel, [{ ...item, guid: 'daily-1' }])).toThrow(/guid \(isPermaLink\)/);
    expect(() => buildRss({ ...channel, feedUrl: 'rss.xml' }, [])).toThrow(/feedUrl/);
    expect(() => buildRss({ ...channel, image: { url: '/icon.png' } }, [])).toThrow(/image url/);
    expect(() => buildRss(channel, [{ ...item, pubDate: new Date('nope') }])).toThrow(/pubDate must be a valid Date/);
    expect(() => buildRss({ ...channel, ttl: 0 }, [])).toThrow(/ttl/);
    expect(() => buildRss(channel, [{ ...item, guid: ' ', guidIsPermaLink: false }])).toThrow(
      /guid must be a non-empty/,
    );
  });
});
