import type { Deck, DeckCard } from '../cards/deck.ts';
import { isoDay, KIND_LABELS, LEVEL_LABELS } from '../cards/deck.ts';
import { routes } from '../site/routes.ts';
import type { ExportLinks } from './links.ts';
import { choiceLetter, quizView } from './quiz.ts';

// The whole deck as one Markdown file for note apps (Obsidian, Logseq and the like): a section per topic, a heading
// per card with its summary, quiz and sources, and links back to the site. Tags become #tags, which those apps index.

/** Escapes the characters Markdown would read as formatting, so card text shows as written. */
export const mdText = (s: string): string => s.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);

/** A link whose label is plain text; parentheses in the URL are escaped so the link cannot end early. */
const mdLink = (label: string, url: string): string => `[${mdText(label)}](${url.replace(/[()]/g, (c) => `\\${c}`)})`;

export function cardMarkdown(card: DeckCard, links: ExportLinks): string {
  const lines = [
    `### ${mdText(card.title)}`,
    '',
    `${LEVEL_LABELS[card.level]} · ${KIND_LABELS[card.kind]} · ${mdLink(links.topicTitle(card.topic), links.url(routes.topic(card.topic)))} · published ${isoDay(card.publishedAt)}${card.updatedAt ? `, updated ${isoDay(card.updatedAt)}` : ''}`,
    `Tags: ${card.tags.map((t) => `#${t}`).join(' ')}`,
    `Card: ${links.url(routes.card(card.id))}`,
    '',
    mdText(card.summary),
    '',
  ];
  if (card.quiz) {
    const q = quizView(card.quiz);
    lines.push(`**Check yourself:** ${mdText(q.question)}`, '');
    q.choices.forEach((c, i) => {
      lines.push(`- ${choiceLetter(i)}. ${mdText(c.text)}`);
    });
    const right = q.choices[q.answer];
    lines.push('', `**Answer:** ${choiceLetter(q.answer)}. ${mdText(right?.text ?? '')}: ${mdText(q.explanation)}`, '');
    // The whys of the wrong options come after the answer, so the list above does not give it away.
    const wrong = q.choices.flatMap((c, i) =>
      i !== q.answer && c.why ? [`- ${choiceLetter(i)}: ${mdText(c.why)}`] : [],
    );
    if (wrong.length > 0) lines.push('**Why not the others:**', '', ...wrong, '');
  }
  lines.push('**Sources:**', '');
  for (const s of card.sources) {
    const by = [s.publisher, s.year].filter((x) => x !== undefined).join(', ');
    lines.push(`- ${mdLink(s.title, s.url)}${by ? `, ${mdText(String(by))}` : ''}`);
  }
  lines.push('');
  return lines.join('\n');
}

/** One file with every published card, grouped by topic in the site's topic order, newest card first. */
export function deckMarkdown(deck: Deck, links: ExportLinks): string {
  const out = [
    `# ${mdText(links.siteName)}`,
    '',
    `${deck.cards.length} cards, each with its summary, a question to check yourself and its primary sources. Read them with their full text at ${links.url(routes.home())}.`,
    '',
  ];
  for (const topic of deck.topics) {
    const cards = deck.cardsOfTopic(topic.id);
    if (cards.length === 0) continue;
    out.push(`## ${mdText(topic.title)}`, '', mdText(topic.description), '');
    for (const c of cards) out.push(cardMarkdown(c, links));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
