// New cards, newest first by publishedAt.
import type { APIRoute } from 'astro';
import { getDaily } from '../../astro/days.ts';
import { getDeck } from '../../astro/collections.ts';
import { cardFeed, newCardsFeed, rssResponse } from '../../astro/feed-render.ts';
import { buildRss } from '../../lib/feeds/index.ts';
import { absolute, routes, site } from '../../astro/links.ts';

export const GET: APIRoute = async () => {
  const [deck, daily] = await Promise.all([getDeck(), getDaily()]);
  const { channel, items } = await cardFeed(newCardsFeed, {
    cards: deck.cards,
    deck,
    today: daily.today,
    link: absolute(routes.cards()),
    description: `New cards on ${site.name}, newest first. ${site.tagline}`,
  });
  return rssResponse(buildRss(channel, items));
};
