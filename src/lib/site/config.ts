/** Deck rules beyond the schema (the schema allows more; the published deck holds itself to these). */
export interface DeckPolicy {
  minWords: number;
  maxWords: number;
  minRelated: number;
  requireQuiz: boolean;
  minTags: number;
  maxTags: number;
  /** Largest card file, in bytes: a card is 180–400 words plus frontmatter, so a much larger file is a mistake. */
  maxCardBytes: number;
  /**
   * Oldest a card's `verified` entry may be, in calendar months before the build's day, before the content check
   * warns (a warning, not an error: an old check is a reminder, not a broken card).
   */
  maxVerifiedAgeMonths?: number;
  /** Deck-wide quiz balance (src/lib/cards/quiz-balance.ts); without it those rules do not run. */
  quiz?: QuizPolicy;
}

/**
 * Quiz rules that only the whole deck can break: a reader who learns that the answer is usually B, or usually the
 * longest option, can pass every quiz without reading a card.
 */
export interface QuizPolicy {
  /** Largest share of the deck's quizzes whose right answer may sit in any one position (A, B, …), e.g. 0.4. */
  maxAnswerShare: number;
  /**
   * A right answer gives itself away when its text is longer than every wrong option's by more than this fraction
   * of that option's length (0.3: 30% longer than the longest wrong option), counted in characters.
   */
  longestMargin: number;
  /** Largest share of the deck's quizzes that may give their answer away by length, e.g. 1/3. */
  maxLongestShare: number;
  /** Fewest quizzes for these rules to apply: the shares of a handful of cards say nothing about the deck. */
  minQuizzes: number;
}

export interface SiteConfig {
  name: string;
  tagline: string;
  /** Origin without trailing slash, e.g. https://example.org */
  url: string;
  /** Base path with leading and trailing slash, e.g. `/` or `/cards/`. */
  base: string;
  language: string;
  contentDir: string;
  /** Render every card as an MDX module instead of rendering plain cards in the loader (CARDS_ALL_MDX=1). */
  allMdx: boolean;
  perDay: number;
  policy: DeckPolicy;
}
