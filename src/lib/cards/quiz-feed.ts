import type { Quiz } from '../../schemas/quiz.ts';
import type { Source } from '../../schemas/source.ts';
import { escapeHtml } from '../feeds/index.ts';
import { choiceLetter } from './quiz-balance.ts';

/**
 * A card's quiz as feeds show it: the question, the options and the answer with its why and source. Feed readers run
 * no scripts and many drop <details>, so the interactive quiz of the card page becomes plain text.
 */
export function quizFeedHtml(quiz: Quiz, sources: readonly Source[]): string {
  const right = quiz.choices[quiz.answer];
  if (!right) return '';
  const source = right.source === undefined ? undefined : sources[right.source];
  const options = quiz.choices.map((c) => `<li>${escapeHtml(c.text)}</li>`).join('');
  const cite = source ? ` (source: <a href="${escapeHtml(source.url)}">${escapeHtml(source.title)}</a>)` : '';
  return [
    `<h2>Check yourself</h2>`,
    `<p>${escapeHtml(quiz.question)}</p>`,
    `<ol type="A">${options}</ol>`,
    `<p><strong>Answer: ${choiceLetter(quiz.answer)}.</strong> ${escapeHtml(right.text)}. ${escapeHtml(right.why)}${cite}</p>`,
  ].join('\n');
}
