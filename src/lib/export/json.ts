import type { Deck, DeckCard } from '../cards/deck.ts';
import { isoDay } from '../cards/deck.ts';
import type { CardsExport, ExportedCard } from '../../schemas/export.ts';
import { fileRoutes, routes } from '../site/routes.ts';
import type { ExportLinks } from './links.ts';

/** One card as /api/cards.json lists it. */
export function exportCard(card: DeckCard, links: ExportLinks): ExportedCard {
  return {
    id: card.id,
    url: links.url(routes.card(card.id)),
    title: card.title,
    summary: card.summary,
    level: card.level,
    kind: card.kind,
    topic: card.topic,
    tags: [...card.tags],
    related: [...card.related],
    ...(card.series ? { series: { ...card.series } } : {}),
    publishedAt: isoDay(card.publishedAt),
    ...(card.updatedAt ? { updatedAt: isoDay(card.updatedAt) } : {}),
    sources: card.sources.map((s) => ({ ...s })),
    ...(card.quiz ? { quiz: structuredClone(card.quiz) } : {}),
  };
}

/** The whole deck as data: topics, learning paths and every published card, newest first. */
export function exportDeck(deck: Deck, links: ExportLinks): CardsExport {
  return {
    $schema: links.url(fileRoutes.cardsJsonSchema()),
    site: links.siteName,
    home: links.url(routes.home()),
    topics: deck.topics.map((t) => ({ id: t.id, title: t.title, url: links.url(routes.topic(t.id)) })),
    series: deck.series.map((s) => ({
      id: s.id,
      title: s.title,
      url: links.url(routes.series(s.id)),
      cards: s.cards.map((c) => c.id),
    })),
    cards: deck.cards.map((c) => exportCard(c, links)),
  };
}
