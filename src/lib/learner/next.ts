// The "Next card" at the end of a card page: the next part of its learning path; else the next card of its topic in
// learning order that the reader has not read yet (the page ships a few candidates, the browser picks one).
import type { Deck, DeckCard } from '../cards/deck.ts';

/** How many following cards of the topic a page offers, so the page stays small however big a topic grows. */
export const NEXT_CANDIDATES = 6;

/**
 * The candidates for the next card, best first: the next part of the card's path alone when there is one; else the
 * cards after it in its topic's learning order, wrapping round to the topic's start (never the card itself); else, for
 * a card alone in its topic, the cards after it in the whole deck's learning order.
 */
export function nextCandidates(deck: Deck, card: DeckCard, max = NEXT_CANDIDATES): DeckCard[] {
  const { next } = deck.neighbors(card);
  if (next) return [next];
  const following = (list: DeckCard[]) => {
    const i = list.findIndex((c) => c.id === card.id);
    return [...list.slice(i + 1), ...list.slice(0, Math.max(i, 0))].filter((c) => c.id !== card.id);
  };
  const inTopic = following(deck.cardsOfTopic(card.topic));
  return (inTopic.length > 0 ? inTopic : following(deck.learningOrder)).slice(0, max);
}

/** The first candidate the reader has not read (or understood); the first candidate when all are read. */
export function pickNext<T extends { id: string }>(
  candidates: readonly T[],
  isRead: (id: string) => boolean,
): T | undefined {
  return candidates.find((c) => !isRead(c.id)) ?? candidates[0];
}
