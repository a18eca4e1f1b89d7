// The deck as the home page's interests need it (the build writes it to routes.learnDeck(); the browser fetches it
// only once the reader has picked interests): enough to schedule the cards and fill a teaser.
import { type Deck, type DeckCard, isoDay, KIND_LABELS, LEVEL_LABELS } from '../cards/deck.ts';

export interface LearnDeckCard {
  id: string;
  /** Link to the card page (base path included). */
  href: string;
  title: string;
  summary: string;
  topic: string;
  level: DeckCard['level'];
  levelLabel: string;
  kindLabel: string;
  /** The teaser's meta line: "Preference alignment · 2 min read". */
  meta: string;
  /** `YYYY-MM-DD` (UTC), as in the frontmatter. */
  published: string;
}

export function learnDeckJson(deck: Deck, cardHref: (id: string) => string): LearnDeckCard[] {
  return deck.learningOrder.map((c) => ({
    id: c.id,
    href: cardHref(c.id),
    title: c.title,
    summary: c.summary,
    topic: c.topic,
    level: c.level,
    levelLabel: LEVEL_LABELS[c.level],
    kindLabel: KIND_LABELS[c.kind],
    meta: `${deck.topicById.get(c.topic)?.title ?? c.topic} · ${c.readingMinutes} min read`,
    published: isoDay(c.publishedAt),
  }));
}
