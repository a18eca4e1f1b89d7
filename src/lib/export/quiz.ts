import type { Quiz } from '../../schemas/quiz.ts';

/** A card's quiz as every export (Anki, Markdown) shows it. */
export interface QuizView {
  question: string;
  /** The choices in order, each with why it is right or wrong when the card says so. */
  choices: { text: string; why?: string }[];
  /** 0-based index of the right choice. */
  answer: number;
  /** Why the right choice is right (the answer's own `why`). */
  explanation: string;
}

/**
 * The one place that knows the shape of a card's quiz: every exporter reads the quiz through this, so a change of the
 * quiz schema changes this function only. (The JSON export carries the quiz as the schema has it.)
 */
export function quizView(quiz: Quiz): QuizView {
  return {
    question: quiz.question,
    choices: quiz.choices.map((c) => ({ text: c.text, why: c.why })),
    answer: quiz.answer,
    explanation: quiz.choices[quiz.answer]?.why ?? '',
  };
}

/** `A`, `B`, `C`… for a 0-based choice index. */
export const choiceLetter = (i: number): string => String.fromCharCode(65 + i);
