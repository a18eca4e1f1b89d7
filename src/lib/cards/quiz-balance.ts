// Deck-wide quiz balance: where the right answers sit, and whether the right answer is the giveaway longest option.
// One quiz cannot break these rules, a deck can: readers learn its habits and stop reading the cards.
import type { Quiz } from '../../schemas/quiz.ts';
import type { QuizPolicy } from '../site/config.ts';
import type { ContentProblem } from './validate.ts';

/** Position label of a choice as the card page shows it: 0 → A. */
export const choiceLetter = (index: number): string => String.fromCharCode(65 + index);

/** Characters a reader sees: whitespace runs count once, leading and trailing space not at all. */
export const textLength = (text: string): number => text.replace(/\s+/g, ' ').trim().length;

/**
 * How much longer the right answer is than the longest wrong option, as a fraction of that option's length: 0.5
 * when it is half as long again; 0 or less when some wrong option is as long or longer.
 */
export function answerLengthMargin(quiz: Pick<Quiz, 'choices' | 'answer'>): number {
  const right = textLength(quiz.choices[quiz.answer]?.text ?? '');
  const wrong = Math.max(0, ...quiz.choices.filter((_, i) => i !== quiz.answer).map((c) => textLength(c.text)));
  return wrong === 0 ? 0 : (right - wrong) / wrong;
}

export interface QuizDeckStats {
  quizzes: number;
  /** Right answers per position: `positions[1]` quizzes have B as the answer. */
  positions: number[];
  /** Quizzes whose right answer is the longest option (ties excluded). */
  longest: number;
  /** Quizzes whose right answer is longer than every wrong option by more than the policy's margin. */
  giveaways: number;
}

export function quizDeckStats(quizzes: readonly Pick<Quiz, 'choices' | 'answer'>[], margin: number): QuizDeckStats {
  const positions = Array.from({ length: Math.max(0, ...quizzes.map((q) => q.choices.length)) }, () => 0);
  let longest = 0;
  let giveaways = 0;
  for (const q of quizzes) {
    positions[q.answer] = (positions[q.answer] ?? 0) + 1;
    const m = answerLengthMargin(q);
    if (m > 0) longest++;
    if (m > margin) giveaways++;
  }
  return { quizzes: quizzes.length, positions, longest, giveaways };
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;
const fileName = (path: string): string => path.split('/').pop() ?? path;

/** The folder that holds every card file (`content/cards`): where a problem of the whole deck is reported. */
export function deckFolder(files: readonly string[]): string {
  const dirs = files.map((f) => f.split('/').slice(0, -1));
  const first = dirs[0] ?? [];
  let n = first.length;
  for (const d of dirs) {
    let i = 0;
    while (i < n && d[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join('/') || '.';
}

/**
 * The deck-wide quiz rules. A crowded answer position is a problem of the deck (reported once, on the cards folder,
 * listing the cards that could move); a giveaway answer is reported on each card that has one, since each can be
 * fixed on its own. Neither applies to decks of fewer than `policy.minQuizzes` quizzes.
 */
export function quizBalanceProblems(
  cards: readonly { file: string; quiz: Pick<Quiz, 'choices' | 'answer'> }[],
  policy: QuizPolicy,
): ContentProblem[] {
  const n = cards.length;
  if (n === 0 || n < policy.minQuizzes) return [];
  const problems: ContentProblem[] = [];
  const folder = deckFolder(cards.map((c) => c.file));

  const byPosition = new Map<number, string[]>();
  for (const c of cards) byPosition.set(c.quiz.answer, [...(byPosition.get(c.quiz.answer) ?? []), c.file]);
  const allowed = Math.floor(policy.maxAnswerShare * n + 1e-9);
  for (const [position, files] of [...byPosition].sort(([a], [b]) => a - b)) {
    if (files.length <= allowed) continue;
    problems.push({
      file: folder,
      field: 'quiz.answer',
      message:
        `${choiceLetter(position)} is the right answer in ${files.length} of ${n} quizzes (${percent(files.length / n)}), ` +
        `over the ${percent(policy.maxAnswerShare)} the deck policy allows in one position (quiz.maxAnswerShare): ` +
        `move the answer of at least ${files.length - allowed} of them to another position: ${files.map(fileName).join(', ')}`,
    });
  }

  const giveaways = cards.filter((c) => answerLengthMargin(c.quiz) > policy.longestMargin);
  const allowedGiveaways = Math.floor(policy.maxLongestShare * n + 1e-9);
  if (giveaways.length > allowedGiveaways) {
    for (const c of giveaways) {
      const right = textLength(c.quiz.choices[c.quiz.answer]?.text ?? '');
      const wrong = Math.max(
        ...c.quiz.choices.filter((_, i) => i !== c.quiz.answer).map((choice) => textLength(choice.text)),
      );
      problems.push({
        file: c.file,
        field: `quiz.choices[${c.quiz.answer}].text`,
        message:
          `the right answer is ${percent(answerLengthMargin(c.quiz))} longer than the longest wrong option ` +
          `(${right} against ${wrong} characters), and ${giveaways.length} of ${n} quizzes give their answer away by ` +
          `length, over the ${percent(policy.maxLongestShare)} the deck policy allows (quiz.maxLongestShare): ` +
          `lengthen the wrong options or shorten this answer; at least ${giveaways.length - allowedGiveaways} of these ` +
          `${giveaways.length} cards must change`,
      });
    }
  }
  return problems;
}
