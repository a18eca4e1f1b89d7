// Interests: the topics and levels a reader picked. The home page then shows the card of the day of the same
// deterministic schedule (src/lib/schedule), run over only the cards that match.
import type { Interests } from '../../schemas/learner.ts';
import { createSchedule, type DayInput, type SchedulableCard } from '../schedule/index.ts';

export interface InterestCard extends SchedulableCard {
  topic: string;
  level: string;
}

export const hasInterests = (i: Interests | undefined): i is Interests =>
  i !== undefined && i.topics.length + i.levels.length > 0;

/** A card matches when its topic is one of the picked topics and its level one of the picked levels (none = any). */
export const matchesInterests = (card: { topic: string; level: string }, i: Interests): boolean =>
  (i.topics.length === 0 || i.topics.includes(card.topic)) &&
  (i.levels.length === 0 || (i.levels as string[]).includes(card.level));

/** The interest card of `day` (a UTC day, as the site's card of the day), or undefined when no card matches. */
export function interestCard<T extends InterestCard>(
  cards: readonly T[],
  interests: Interests,
  day: DayInput,
  perDay = 1,
): T | undefined {
  return createSchedule(
    cards.filter((c) => matchesInterests(c, interests)),
    { perDay },
  ).cardsForDay(day)[0];
}

/** The interests that made the card the reader's ("Preference alignment", "Beginner"), for the reason line. */
export function interestNames(
  card: { topic: string; level: string },
  interests: Interests,
  names: { topic: (id: string) => string; level: (id: string) => string },
): string[] {
  return [
    ...(interests.topics.includes(card.topic) ? [names.topic(card.topic)] : []),
    ...((interests.levels as string[]).includes(card.level) ? [names.level(card.level)] : []),
  ];
}
