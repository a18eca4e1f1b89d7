// New cards with one tag, newest first.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDaily } from '../../../astro/days.ts';
import { getDeck } from '../../../astro/collections.ts';
import { cardFeed, rssResponse, tagFeed } from '../../../astro/feed-render.ts';
import type { TagEntry } from '../../../lib/cards/deck.ts';
import { buildRss } from '../../../lib/feeds/index.ts';
import { absolute, routes, site } from '../../../astro/links.ts';

export const getStaticPaths = (async () => {
  const deck = await getDeck();
  return deck.tags.map((tag) => ({ params: { tag: tag.id }, props: { tag } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ tag: TagEntry }> = async ({ props }) => {
  const { tag } = props;
  const [deck, daily] = await Promise.all([getDeck(), getDaily()]);
  const { channel, items } = await cardFeed(tagFeed(tag.id), {
    cards: tag.cards,
    deck,
    today: daily.today,
    full: false,
    link: absolute(routes.tag(tag.id)),
    description: `New ${site.name} cards tagged ${tag.id}.`,
  });
  return rssResponse(buildRss(channel, items));
};
