import { assertValidDate } from '../schedule/day.ts';
import type { FeedChannel, FeedItem } from './types.ts';

export function assertAbsoluteUrl(value: string, what: string): void {
  let ok = false;
  try {
    const u = new URL(value);
    ok = u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    ok = false;
  }
  if (!ok) throw new Error(`${what} must be an absolute http(s) URL, got ${JSON.stringify(value)}`);
}

/** Checks what every feed format needs: absolute URLs, valid dates, unique non-empty guids. */
export function validateFeed(channel: FeedChannel, items: readonly FeedItem[]): void {
  assertAbsoluteUrl(channel.link, 'channel link');
  assertAbsoluteUrl(channel.feedUrl, 'channel feedUrl');
  assertValidDate(channel.lastBuildDate, 'channel lastBuildDate');
  if (channel.ttl !== undefined && (!Number.isInteger(channel.ttl) || channel.ttl <= 0)) {
    throw new RangeError(`channel ttl must be a positive integer (minutes), got ${channel.ttl}`);
  }
  if (channel.image) {
    assertAbsoluteUrl(channel.image.url, 'channel image url');
    if (channel.image.link !== undefined) assertAbsoluteUrl(channel.image.link, 'channel image link');
  }
  if (channel.icon !== undefined) assertAbsoluteUrl(channel.icon, 'channel icon');
  if (channel.favicon !== undefined) assertAbsoluteUrl(channel.favicon, 'channel favicon');
  const guids = new Set<string>();
  for (const [i, item] of items.entries()) {
    const what = `item ${i} (${JSON.stringify(item.guid)})`;
    assertAbsoluteUrl(item.link, `${what} link`);
    assertValidDate(item.pubDate, `${what} pubDate`);
    if (typeof item.guid !== 'string' || item.guid.trim() === '')
      throw new Error(`item ${i}: guid must be a non-empty string`);
    if (item.guidIsPermaLink !== false) assertAbsoluteUrl(item.guid, `${what} guid (isPermaLink)`);
    if (guids.has(item.guid)) throw new Error(`duplicate guid ${JSON.stringify(item.guid)}: every item needs its own`);
    guids.add(item.guid);
  }
}
