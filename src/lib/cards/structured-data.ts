import type { DeckCard } from './deck.ts';
import { isoDay } from './deck.ts';

/** schema.org LearningResource for a card page. */
export function learningResource(
  card: DeckCard,
  opts: { url: string; siteName: string; siteUrl: string; topicTitle?: string },
): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'LearningResource',
    name: card.title,
    description: card.summary,
    url: opts.url,
    learningResourceType: card.kind,
    educationalLevel: card.level,
    about: opts.topicTitle ?? card.topic,
    keywords: card.tags.join(', '),
    inLanguage: 'en',
    datePublished: isoDay(card.publishedAt),
    ...(card.updatedAt ? { dateModified: isoDay(card.updatedAt) } : {}),
    timeRequired: `PT${card.readingMinutes}M`,
    isPartOf: { '@type': 'WebSite', name: opts.siteName, url: opts.siteUrl },
    citation: card.sources.map((s) => ({ '@type': 'CreativeWork', name: s.title, url: s.url })),
  };
}
