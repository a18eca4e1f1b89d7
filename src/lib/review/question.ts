// What the review session asks: a card's quiz, in a shape of its own. toReviewQuestion is the one place that knows
// the deck's quiz schema, so a change of that schema changes this function and nothing else in review.
import type { DeckCard } from '../cards/deck.ts';

export interface ReviewChoice {
  text: string;
  /** Why this choice is right or wrong, when the card says. */
  why?: string;
}

export interface ReviewQuestion {
  /** Card id. */
  card: string;
  /** Card title, shown above the question. */
  title: string;
  question: string;
  choices: ReviewChoice[];
  /** 0-based index of the right choice. */
  answer: number;
}

export function toReviewQuestion(card: DeckCard): ReviewQuestion | undefined {
  const quiz = card.quiz;
  if (!quiz) return undefined;
  return {
    card: card.id,
    title: card.title,
    question: quiz.question,
    // Every choice carries its own why: the answer's says why it is right, the others why they are wrong.
    choices: quiz.choices.map((c) => ({ text: c.text, why: c.why })),
    answer: quiz.answer,
  };
}
