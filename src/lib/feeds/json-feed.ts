import { toRfc3339 } from './dates.ts';
import type { FeedChannel, FeedItem } from './types.ts';
import { validateFeed } from './validate.ts';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** The subset of JSON Feed 1.1 this site writes. */
export interface JsonFeed {
  version: typeof JSON_FEED_VERSION;
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  icon?: string;
  favicon?: string;
  items: JsonFeedItem[];
}

export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  summary: string;
  content_html?: string;
  content_text?: string;
  date_published: string;
  tags?: string[];
}

/** The JSON Feed 1.1 object for a channel and its items (same inputs as buildRss). */
export function jsonFeedObject(channel: FeedChannel, items: readonly FeedItem[]): JsonFeed {
  validateFeed(channel, items);
  const feed: JsonFeed = {
    version: JSON_FEED_VERSION,
    title: channel.title,
    home_page_url: channel.link,
    feed_url: channel.feedUrl,
    description: channel.description,
    language: channel.language,
    items: [],
  };
  if (channel.icon !== undefined) feed.icon = channel.icon;
  if (channel.favicon !== undefined) feed.favicon = channel.favicon;
  for (const item of items) {
    const out: JsonFeedItem = {
      id: item.guid,
      url: item.link,
      title: item.title,
      summary: item.description,
      date_published: toRfc3339(item.pubDate),
    };
    // JSON Feed needs content_html or content_text on every item.
    if (item.contentHtml !== undefined) out.content_html = item.contentHtml;
    else out.content_text = item.description;
    if (item.categories && item.categories.length > 0) out.tags = [...item.categories];
    feed.items.push(out);
  }
  return feed;
}

/** A JSON Feed 1.1 document (pretty-printed, trailing newline). Same validation as buildRss. */
export function buildJsonFeed(channel: FeedChannel, items: readonly FeedItem[]): string {
  return `${JSON.stringify(jsonFeedObject(channel, items), null, 2)}\n`;
}
