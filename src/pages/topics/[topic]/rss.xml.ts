// New cards of one topic, newest first.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDaily } from '../../../astro/days.ts';
import { getDeck } from '../../../astro/collections.ts';
import { cardFeed, rssResponse, topicFeed } from '../../../astro/feed-render.ts';
import type { TopicEntry } from '../../../lib/cards/deck.ts';
import { buildRss } from '../../../lib/feeds/index.ts';
import { absolute, routes, site } from '../../../astro/links.ts';

export const getStaticPaths = (async () => {
  const deck = await getDeck();
  return deck.topics.map((topic) => ({ params: { topic: topic.id }, props: { topic } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ topic: TopicEntry }> = async ({ props }) => {
  const { topic } = props;
  const [deck, daily] = await Promise.all([getDeck(), getDaily()]);
  const { channel, items } = await cardFeed(topicFeed(topic), {
    cards: deck.cardsOfTopic(topic.id),
    deck,
    today: daily.today,
    full: false,
    link: absolute(routes.topic(topic.id)),
    description: `New ${site.name} cards on ${topic.title}: ${topic.description}`,
  });
  return rssResponse(buildRss(channel, items));
};
