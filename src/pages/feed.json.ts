// JSON Feed 1.1 twin of the daily feed (/rss.xml): same channel, same items.
import type { APIRoute } from 'astro';
import { getDaily } from '../astro/days.ts';
import { getDeck } from '../astro/collections.ts';
import { dailyChannel, dailyItem, dailyJsonFeed, jsonFeedResponse } from '../astro/feed-render.ts';
import { buildJsonFeed } from '../lib/feeds/index.ts';

export const GET: APIRoute = async () => {
  const [deck, daily] = await Promise.all([getDeck(), getDaily()]);
  const items = await Promise.all(daily.entries.map((e) => dailyItem(e, deck)));
  return jsonFeedResponse(buildJsonFeed(dailyChannel(dailyJsonFeed, daily), items));
};
