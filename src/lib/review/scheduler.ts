// Spaced review with FSRS (ts-fsrs): the only code that creates or advances a card's memory state. Intervals are whole
// days, never fuzzed (the same answers give the same dates), and a forgotten card comes back the next day.
import { type Card, createEmptyCard, fsrs, type Grade, Rating, type State } from 'ts-fsrs';
import type { ReviewCardState } from '../../schemas/learner.ts';

export const RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type RatingName = (typeof RATINGS)[number];

/** Longest interval, in days: a small deck should come back at least once a year. */
export const MAX_INTERVAL_DAYS = 365;

const scheduler = fsrs({
  enable_fuzz: false,
  maximum_interval: MAX_INTERVAL_DAYS,
  // No same-day learning steps: a quiz question asked again minutes later tests memory of the answer, not the idea.
  // A new card goes straight to day intervals; a forgotten one relearns over one day.
  learning_steps: [],
  relearning_steps: ['1d'],
});

const GRADES: Record<RatingName, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

/** The rating an answer suggests: wrong (or not answered) is Again, right is Good; the reader may override it. */
export const ratingFromAnswer = (correct: boolean): RatingName => (correct ? 'good' : 'again');

function toState(card: Card): ReviewCardState {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    ...(card.last_review ? { last_review: card.last_review.toISOString() } : {}),
  };
}

function fromState(s: ReviewCardState): Card {
  const { last_review, due, state, ...rest } = s;
  return {
    ...rest,
    due: new Date(due),
    state: state as State,
    ...(last_review ? { last_review: new Date(last_review) } : {}),
  };
}

/** The state after answering: from the stored state, or a new card when this is the first review. */
export function review(stored: ReviewCardState | undefined, rating: RatingName, now: Date): ReviewCardState {
  const card: Card = stored ? fromState(stored) : createEmptyCard(now);
  return toState(scheduler.next(card, now, GRADES[rating]).card);
}

/** What each rating would give, for the rating buttons' hints ("Good · 3 days"). */
export function intervals(stored: ReviewCardState | undefined, now: Date): Record<RatingName, number> {
  const out = {} as Record<RatingName, number>;
  for (const r of RATINGS) out[r] = review(stored, r, now).scheduled_days;
  return out;
}
