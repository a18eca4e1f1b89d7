import type { Deck, DeckCard, SeriesEntry, TopicEntry } from '../cards/deck.ts';
import { LEVEL_LABELS } from '../cards/deck.ts';
import type { Level } from '../../schemas/enums.ts';
import { fileRoutes, routes } from '../site/routes.ts';

// The social preview images (Open Graph / Twitter cards): which pages have one and what each shows. Pages read the
// image's path and alt text from here, and the build renders the same list, so the two cannot disagree.

/** Open Graph's recommended size; every feed crops it to about 1.91:1. */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

export interface OgImage {
  /** Site path of the PNG, e.g. `og/cards/qlora.png`. */
  path: string;
  /** Site path of the page it previews, e.g. `cards/qlora/`. */
  page: string;
  /** The big line. */
  title: string;
  /** The small line above it: what kind of page, level, topic. */
  eyebrow: string;
  /** A card's level, shown as a coloured badge. */
  level?: Level;
  /** The image as words, for `og:image:alt`. */
  alt: string;
}

/** The pages outside the deck that have their own image, with the words on it. */
export const PAGE_IMAGES = {
  home: { page: routes.home(), title: 'Learn to fine-tune LLMs, one short card at a time', eyebrow: 'Sourced cards' },
  selector: {
    page: routes.selector(),
    title: 'Method selector: which fine-tuning method fits?',
    eyebrow: 'Tool',
  },
  calculator: {
    page: routes.calculator(),
    title: 'VRAM calculator: will fine-tuning fit your GPU?',
    eyebrow: 'Tool',
  },
} as const;

const make = (siteName: string, i: Omit<OgImage, 'path' | 'alt'>): OgImage => ({
  ...i,
  path: fileRoutes.ogImage(i.page),
  alt: `${i.title}. ${i.eyebrow}. ${siteName}.`,
});

export function cardImage(card: DeckCard, topicTitle: string, siteName: string): OgImage {
  return make(siteName, {
    page: routes.card(card.id),
    title: card.title,
    eyebrow: `${LEVEL_LABELS[card.level]} · ${topicTitle}`,
    level: card.level,
  });
}

export function topicImage(topic: TopicEntry, cards: number, siteName: string): OgImage {
  return make(siteName, {
    page: routes.topic(topic.id),
    title: topic.title,
    eyebrow: `Topic · ${cards} ${cards === 1 ? 'card' : 'cards'}`,
  });
}

export function seriesImage(series: SeriesEntry, siteName: string): OgImage {
  return make(siteName, {
    page: routes.series(series.id),
    title: series.title,
    eyebrow: `Learning path · ${series.cards.length} ${series.cards.length === 1 ? 'part' : 'parts'}`,
  });
}

export function pageImage(which: keyof typeof PAGE_IMAGES, siteName: string): OgImage {
  return make(siteName, { ...PAGE_IMAGES[which] });
}

/** Every image the site has: the home, selector and calculator pages, each topic, learning path and card. */
export function siteImages(deck: Deck, siteName: string): OgImage[] {
  return [
    ...(Object.keys(PAGE_IMAGES) as (keyof typeof PAGE_IMAGES)[]).map((k) => pageImage(k, siteName)),
    ...deck.topics.map((t) => topicImage(t, deck.cardsOfTopic(t.id).length, siteName)),
    ...deck.series.map((s) => seriesImage(s, siteName)),
    ...deck.cards.map((c) => cardImage(c, deck.topicById.get(c.topic)?.title ?? c.topic, siteName)),
  ];
}
