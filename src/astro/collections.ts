// The one bridge from Astro's content collections to the pure deck in src/lib/cards: loaded once per build.
import { getCollection } from 'astro:content';
import { countWords } from '../lib/cards/frontmatter.ts';
import { buildDeck, type Deck, makeDeckCard } from '../lib/cards/deck.ts';

let deck: Promise<Deck> | undefined;

export function getDeck(): Promise<Deck> {
  deck ??= (async () => {
    const [cards, topics, series] = await Promise.all([
      getCollection('cards'),
      getCollection('topics'),
      getCollection('series'),
    ]);
    return buildDeck({
      cards: cards.map((e) =>
        makeDeckCard({
          ...e.data,
          id: e.id,
          topic: e.data.topic.id,
          related: e.data.related.map((r: { id: string }) => r.id),
          // Cards the loader renders keep their word count instead of their body (src/astro/card-loader.ts).
          words: (e.rendered?.metadata?.words as number | undefined) ?? countWords(e.body ?? ''),
        }),
      ),
      topics: topics.map((t) => ({ id: t.id, ...t.data })),
      series: series.map((s) => ({ id: s.id, ...s.data })),
    });
  })();
  return deck;
}
