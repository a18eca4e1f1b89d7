// Which feeds the site has: titles, paths and labels. Kept apart from src/astro/feed-render.ts (which renders card HTML through
// the Container API) so the layout can advertise them without importing the renderer.
import site from '../../site.config.mjs';
import { routes } from '../lib/site/routes.ts';

/** A feed as pages advertise it (`<link rel="alternate">`, the Follow section). `path` is a site path. */
export interface SiteFeed {
  title: string;
  path: string;
  type?: 'rss' | 'json';
  /** Link text and one line for the Follow section. */
  label?: string;
  description?: string;
}

/** Minutes a reader may cache a feed: the site is rebuilt once a day. */
export const FEED_TTL = 180;
/** Items in the new-cards, topic and tag feeds. */
export const CARD_FEED_LIMIT = 30;

export const feedRoutes = {
  daily: () => 'rss.xml',
  dailyJson: () => 'feed.json',
  cards: () => 'cards/rss.xml',
  topic: (id: string) => `topics/${id}/rss.xml`,
  tag: (id: string) => `tags/${id}/rss.xml`,
} as const;

export const dailyFeed: SiteFeed = {
  title: `${site.name}: card of the day`,
  path: routes.dailyFeed(),
  type: 'rss',
  label: 'Card of the day (RSS)',
  description: 'One card a day, dated 06:00 UTC.',
};
export const dailyJsonFeed: SiteFeed = {
  title: `${site.name}: card of the day (JSON Feed)`,
  path: routes.dailyJsonFeed(),
  type: 'json',
  label: 'Card of the day (JSON Feed)',
  description: 'The same daily feed as JSON Feed 1.1.',
};
export const newCardsFeed: SiteFeed = {
  title: `${site.name}: new cards`,
  path: routes.cardsFeed(),
  type: 'rss',
  label: 'New cards (RSS)',
  description: 'Every new card on the day it is published.',
};

/** The feeds every page advertises. */
export const siteFeeds: SiteFeed[] = [dailyFeed, dailyJsonFeed, newCardsFeed];

export const topicFeed = (topic: { id: string; title: string }): SiteFeed => ({
  title: `${site.name}: ${topic.title}`,
  path: routes.topicFeed(topic.id),
  type: 'rss',
  description: `New cards on ${topic.title}.`,
});

export const tagFeed = (tag: string): SiteFeed => ({
  title: `${site.name}: #${tag}`,
  path: routes.tagFeed(tag),
  type: 'rss',
  description: `New cards tagged ${tag}.`,
});
