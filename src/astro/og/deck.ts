// The deck straight from the content folder, without Astro: the preview images render in processes of their own
// while Astro builds the pages, so they cannot wait for the content layer. Cards with problems are left out (the
// content check fails the build for them anyway); the page list comes from the same buildDeck the pages use.
import { parse } from 'yaml';
import { buildDeck, type Deck, makeDeckCard } from '../../lib/cards/deck.ts';
import { validateDeck } from '../../lib/cards/validate.ts';
import { seriesInfoSchema } from '../../schemas/series.ts';
import { topicSchema } from '../../schemas/topic.ts';
import { readContentFiles } from '../content-files.ts';

function entries<T>(source: string, schema: { safeParse(v: unknown): { success: boolean; data?: T } }) {
  const raw = (parse(source) ?? {}) as Record<string, unknown>;
  return Object.entries(raw).flatMap(([id, v]) => {
    const r = schema.safeParse(v);
    return r.success && r.data ? [{ id, ...r.data }] : [];
  });
}

export function deckFromDisk(root: string, contentDir: string): Deck {
  const files = readContentFiles(root, contentDir);
  const { cards } = validateDeck(files);
  return buildDeck({
    cards: cards.map((c) =>
      makeDeckCard({ ...c.data, id: c.id, topic: c.data.topic, related: c.data.related, words: c.words }),
    ),
    topics: entries(files.topics.source, topicSchema),
    series: entries(files.series.source, seriesInfoSchema),
  });
}
