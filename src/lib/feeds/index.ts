export { type DailyEntriesOptions, type DailyEntry, dailyEntries } from './daily.ts';
export { DAILY_PUB_HOUR_UTC, dailyPubDate, toRfc822, toRfc3339 } from './dates.ts';
export { absolutizeHtml, replaceIslands } from './html.ts';
export { buildJsonFeed, JSON_FEED_VERSION, type JsonFeed, type JsonFeedItem, jsonFeedObject } from './json-feed.ts';
export { buildRss, RSS_NAMESPACES } from './rss.ts';
export type { FeedChannel, FeedImage, FeedItem } from './types.ts';
export { assertAbsoluteUrl } from './validate.ts';
// escapeHtml lives in src/lib/html; re-exported because the feed fragments in src/astro/feed-render.ts are built with it.
export { escapeHtml } from '../html/entities.ts';
export { cdata, escapeXml, normalizeXmlText, stripInvalidXmlChars } from './xml.ts';
