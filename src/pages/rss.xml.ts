// The daily feed: one item per day-card of the last 30 days (src/astro/days.ts), guid = the day page, 06:00 UTC.
import type { APIRoute } from 'astro';
import { getDaily } from '../astro/days.ts';
import { getDeck } from '../astro/collections.ts';
import { dailyChannel, dailyFeed, dailyItem, rssResponse } from '../astro/feed-render.ts';
import { buildRss } from '../lib/feeds/index.ts';

export const GET: APIRoute = async () => {
  const [deck, daily] = await Promise.all([getDeck(), getDaily()]);
  const items = await Promise.all(daily.entries.map((e) => dailyItem(e, deck)));
  return rssResponse(buildRss(dailyChannel(dailyFeed, daily), items));
};
