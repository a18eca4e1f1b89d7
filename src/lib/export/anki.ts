import type { DeckCard } from '../cards/deck.ts';
import { routes } from '../site/routes.ts';
import type { ExportLinks } from './links.ts';
import { choiceLetter, quizView } from './quiz.ts';

// Anki notes as a tab-separated text file with Anki's file headers (Anki 2.1.55 and later: File → Import reads the
// separator, the note type, the deck and the column roles from the `#` lines, so no setting needs changing by hand).
// Each row is one Basic note: GUID, Front (the question with its choices), Back (the answer, why, and a link to the
// card), Deck and Tags. The GUID is the card id, so importing a newer file updates the notes instead of duplicating them.

/** The note columns, in file order; `#columns` names them and the `… column:N` headers point into this list. */
export const ANKI_COLUMNS = ['GUID', 'Front', 'Back', 'Deck', 'Tags'] as const;

/** The Anki note id of a card: stable across exports. */
export const ankiGuid = (cardId: string): string => `fine-tuning-cards-${cardId}`;

/** The Anki deck a card goes to: one subdeck per topic under the site's deck. */
export const ankiDeckName = (card: DeckCard, links: ExportLinks): string =>
  `${links.siteName}::${links.topicTitle(card.topic)}`;

const escapeHtml = (s: string): string =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** A field as Anki's reader wants it: on one line, quoted, with inner quotes doubled. */
const field = (s: string): string => `"${s.replace(/[\t\r\n]+/g, ' ').replaceAll('"', '""')}"`;

/** The note of one card, or undefined for a card without a quiz (there is nothing to ask). */
export function ankiNote(card: DeckCard, links: ExportLinks): string[] | undefined {
  if (!card.quiz) return undefined;
  const q = quizView(card.quiz);
  const right = q.choices[q.answer];
  const front = [
    `<p>${escapeHtml(q.question)}</p>`,
    `<ol type="A">${q.choices.map((c) => `<li>${escapeHtml(c.text)}</li>`).join('')}</ol>`,
  ].join('');
  const others = q.choices
    .map((c, i) => ({ ...c, i }))
    .filter((c) => c.i !== q.answer && c.why)
    .map((c) => `<li>${choiceLetter(c.i)}: ${escapeHtml(c.why ?? '')}</li>`);
  const url = links.url(routes.card(card.id));
  const back = [
    `<p><b>${choiceLetter(q.answer)}: ${escapeHtml(right?.text ?? '')}</b></p>`,
    `<p>${escapeHtml(q.explanation)}</p>`,
    others.length > 0 ? `<ul>${others.join('')}</ul>` : '',
    `<p><a href="${escapeHtml(url)}">${escapeHtml(card.title)}</a> (${escapeHtml(links.siteName)})</p>`,
  ].join('');
  return [ankiGuid(card.id), front, back, ankiDeckName(card, links), card.tags.join(' ')];
}

/** The whole import file for a list of cards (the deck, or one topic). */
export function ankiFile(cards: readonly DeckCard[], links: ExportLinks): string {
  const col = (name: (typeof ANKI_COLUMNS)[number]) => ANKI_COLUMNS.indexOf(name) + 1;
  const header = [
    '#separator:tab',
    '#html:true',
    '#notetype:Basic',
    `#columns:${ANKI_COLUMNS.join('\t')}`,
    `#guid column:${col('GUID')}`,
    `#deck column:${col('Deck')}`,
    `#tags column:${col('Tags')}`,
  ];
  const rows = cards
    .map((c) => ankiNote(c, links))
    .filter((n): n is string[] => n !== undefined)
    .map((n) => n.map(field).join('\t'));
  return `${[...header, ...rows].join('\n')}\n`;
}
