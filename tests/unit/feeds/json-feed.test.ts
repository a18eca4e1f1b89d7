import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildJsonFeed, JSON_FEED_VERSION } from '../../../src/lib/feeds/index.ts';
import { channel, item } from '../../support/feeds.ts';

describe('buildJsonFeed', () => {
  const jsonChannel = {
    ...channel,
    feedUrl: 'https://example.org/feed.json',
    icon: 'https://example.org/icon-512.png',
  };

  it('writes a JSON Feed 1.1 document from the same inputs as the RSS feed', () => {
    const text = buildJsonFeed(jsonChannel, [
      item,
      { ...item, guid: `${item.guid}#2`, contentHtml: undefined, categories: [] },
    ]);
    expect(text.endsWith('\n')).toBe(true);
    const feed = JSON.parse(text);
    expect(feed).toEqual({
      version: JSON_FEED_VERSION,
      title: channel.title,
      home_page_url: 'https://example.org/',
      feed_url: 'https://example.org/feed.json',
      description: channel.description,
      language: 'en',
      icon: 'https://example.org/icon-512.png',
      items: [
        {
          id: item.guid,
          url: item.link,
          title: item.title,
          summary: item.description,
          content_html: item.contentHtml,
          date_published: '2026-10-06T06:00:00.000Z',
          tags: ['lora', 'peft'],
        },
        {
          id: `${item.guid}#2`,
          url: item.link,
          title: item.title,
          summary: item.description,
          content_text: item.description,
          date_published: '2026-10-06T06:00:00.000Z',
        },
      ],
    });
    expect(JSON_FEED_VERSION).toBe('https://jsonfeed.org/version/1.1');
  });

  it('round-trips any text through JSON', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.string({ unit: 'binary', maxLength: 40 }),
        (title, html) => {
          const feed = JSON.parse(buildJsonFeed(jsonChannel, [{ ...item, title, contentHtml: html }]));
          expect(feed.items[0].title).toBe(title);
          expect(feed.items[0].content_html).toBe(html);
        },
      ),
    );
  });

  it('applies the same validation as the RSS builder', () => {
    expect(() => buildJsonFeed(jsonChannel, [item, item])).toThrow(/duplicate guid/);
    expect(() => buildJsonFeed({ ...jsonChannel, feedUrl: '/feed.json' }, [])).toThrow(/feedUrl/);
    expect(() => buildJsonFeed({ ...jsonChannel, icon: 'icon.png' }, [])).toThrow(/icon/);
  });
});
