// The site's feeds: the card HTML that goes into them, and their channels and items (which feeds exist is in
// src/astro/feed-links.ts, re-exported here). The endpoints in src/pages (rss.xml, feed.json, cards/rss.xml,
// topics/<id>/rss.xml, tags/<id>/rss.xml) only pick the cards and call buildRss / buildJsonFeed.

import { loadRenderers } from 'astro:container';
import { getContainerRenderer as mdxContainerRenderer } from '@astrojs/mdx/container-renderer';
import preactServerRenderer from '@astrojs/preact/server.js';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import site from '../../site.config.mjs';
import CardContent from '../components/CardContent.astro';
import { DAILY_DAYS, type Daily } from './days.ts';
import { CARD_FEED_LIMIT, FEED_TTL, type SiteFeed } from './feed-links.ts';
import { type Deck, type DeckCard, humanDate, KIND_LABELS, LEVEL_LABELS } from '../lib/cards/deck.ts';
import { quizFeedHtml } from '../lib/cards/quiz-feed.ts';
import {
  absolutizeHtml,
  type DailyEntry,
  dailyPubDate,
  escapeHtml,
  type FeedChannel,
  type FeedItem,
  replaceIslands,
} from '../lib/feeds/index.ts';
import { DAY_MS } from '../lib/schedule/index.ts';
import { absolute, routes } from './links.ts';

export {
  CARD_FEED_LIMIT,
  dailyFeed,
  dailyJsonFeed,
  FEED_TTL,
  newCardsFeed,
  type SiteFeed,
  siteFeeds,
  tagFeed,
  topicFeed,
} from './feed-links.ts';

// ---------------------------------------------------------------------------------------------------------------
// Card HTML

let container: Promise<AstroContainer> | undefined;
const bodies = new Map<string, Promise<string>>();

function getContainer(): Promise<AstroContainer> {
  container ??= (async () => {
    const c = await AstroContainer.create({ renderers: await loadRenderers([mdxContainerRenderer()]) });
    // Imported statically so Vite bundles it: its virtual `astro:preact:opts` import cannot load at run time.
    c.addServerRenderer({ name: '@astrojs/preact', renderer: preactServerRenderer });
    return c;
  })();
  return container;
}

/** The card's MDX body rendered to HTML (once per build), with absolute URLs and no scripts. */
export function cardBodyHtml(card: DeckCard): Promise<string> {
  let body = bodies.get(card.id);
  if (body === undefined) {
    body = (async () => {
      const c = await getContainer();
      const html = await c.renderToString(CardContent, { props: { id: card.id } });
      const page = absolute(routes.card(card.id));
      const withoutIslands = replaceIslands(
        html,
        `<p><a href="${page}">Open this card to use its interactive tool.</a></p>`,
      );
      return absolutizeHtml(withoutIslands, page).trim();
    })();
    bodies.set(card.id, body);
  }
  return body;
}

/**
 * The full HTML of a card for content:encoded / content_html: the body, its quiz as question and answer, its sources,
 * a link to the card page.
 */
export async function cardFeedHtml(card: DeckCard, deck: Deck): Promise<string> {
  const url = absolute(routes.card(card.id));
  const topic = deck.topicById.get(card.topic)?.title ?? card.topic;
  const meta = [LEVEL_LABELS[card.level], KIND_LABELS[card.kind], topic, `${card.readingMinutes} min read`].join(' · ');
  const sources = card.sources
    .map((s) => `<li><a href="${escapeHtml(s.url)}">${escapeHtml(s.title)}</a></li>`)
    .join('');
  return [
    `<p><em>${escapeHtml(meta)}</em></p>`,
    await cardBodyHtml(card),
    ...(card.quiz ? [quizFeedHtml(card.quiz, card.sources)] : []),
    `<h2>Sources</h2><ol>${sources}</ol>`,
    `<p><a href="${escapeHtml(url)}">Read “${escapeHtml(card.title)}” on ${escapeHtml(site.name)}</a>${card.quiz ? ', and answer its quiz there' : ''}.</p>`,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Channels and items

function image(link: string): FeedChannel['image'] {
  return { url: absolute('feed-icon.png'), link, width: 144, height: 144 };
}

function channel(feed: SiteFeed, link: string, description: string, lastBuildDate: Date): FeedChannel {
  return {
    title: feed.title,
    link,
    description,
    language: site.language,
    feedUrl: absolute(feed.path),
    lastBuildDate,
    ttl: FEED_TTL,
    image: image(link),
    icon: absolute('feed-icon-512.png'),
    favicon: absolute('feed-icon.png'),
  };
}

/** The daily feed's channel (RSS and JSON twin share it; `feed` picks the self URL). */
export function dailyChannel(feed: SiteFeed, daily: Daily): FeedChannel {
  return channel(
    feed,
    absolute(routes.daily()),
    `${site.tagline} One card a day, dated 06:00 UTC; the last ${DAILY_DAYS} days.`,
    // The newest item's date, from the build's "today" rather than the clock: builds stay reproducible.
    dailyPubDate(daily.today),
  );
}

export async function dailyItem(entry: DailyEntry<DeckCard>, deck: Deck): Promise<FeedItem> {
  return {
    title: entry.card.title,
    link: entry.link,
    guid: entry.guid,
    pubDate: entry.pubDate,
    description: entry.card.summary,
    contentHtml: `<p>Card of the day, ${escapeHtml(humanDate(entry.pubDate))}.</p>\n${await cardFeedHtml(entry.card, deck)}`,
    categories: entry.card.tags,
  };
}

/** Cards published by the build's "today" (the same rule as the schedule: publishedAt <= today 00:00 UTC). */
export function publishedBy(cards: readonly DeckCard[], today: Date): DeckCard[] {
  return cards.filter((c) => c.publishedAt.getTime() <= today.getTime());
}

/**
 * A new-cards feed (site-wide, topic or tag): the newest CARD_FEED_LIMIT published cards of `cards`, newest first,
 * guid and link = the card page, pubDate = publishedAt.
 */
export async function cardFeed(
  feed: SiteFeed,
  options: {
    cards: readonly DeckCard[];
    deck: Deck;
    today: Date;
    link: string;
    description: string;
    /** Whole card bodies (site-wide feeds) or the summary with a link (topic and tag feeds: many feeds, small). */
    full?: boolean;
  },
): Promise<{ channel: FeedChannel; items: FeedItem[] }> {
  const cards = publishedBy(options.cards, options.today)
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, CARD_FEED_LIMIT);
  const items: FeedItem[] = [];
  for (const card of cards) {
    const url = absolute(routes.card(card.id));
    items.push({
      title: card.title,
      link: url,
      guid: url,
      pubDate: card.publishedAt,
      description: card.summary,
      contentHtml:
        options.full === false
          ? `<p>${escapeHtml(card.summary)}</p><p><a href="${escapeHtml(url)}">Read the card: ${escapeHtml(card.title)}</a></p>`
          : await cardFeedHtml(card, options.deck),
      categories: card.tags,
    });
  }
  // The channel changed last when its newest card came out; an empty feed dates from the start of today.
  const lastBuildDate = cards[0]?.publishedAt ?? new Date(Math.floor(options.today.getTime() / DAY_MS) * DAY_MS);
  return { channel: channel(feed, options.link, options.description, lastBuildDate), items };
}

export const rssResponse = (body: string): Response =>
  new Response(body, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });

export const jsonFeedResponse = (body: string): Response =>
  new Response(body, { headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } });
