// The draft that `npm run new-card` writes, and the check that a published card no longer holds its placeholders.
// One module for both, so the check knows every placeholder the scaffold writes.

/** The word every placeholder of the scaffold contains. */
export const PLACEHOLDER = 'TODO';

const MARK = new RegExp(`\\b${PLACEHOLDER}\\b`);

export interface ScaffoldOptions {
  topic: string;
  level: string;
  kind: string;
  /** YYYY-MM-DD */
  today: string;
}

/** The text of a new draft card with every field in place and a placeholder wherever the author must write. */
export function scaffoldCard({ topic, level, kind, today }: ScaffoldOptions): string {
  const T = PLACEHOLDER;
  return `---
title: "${T}: 8–90 characters, unique in the deck"
summary: "${T}: one or two sentences, 40–280 characters, shown in lists, search and feeds."
level: ${level}
kind: ${kind}
topic: ${topic}
tags: [${T}-tag, another-tag]
related: [${T}-card-id, another-card-id]
publishedAt: ${today}
sources:
  - title: "${T}: exact title of the paper or page"
    url: "https://arxiv.org/abs/${T}"
    publisher: "arXiv"
    year: ${today.slice(0, 4)}
quiz:
  question: "${T}: a question that tests practice (what would you do or expect?), not a paper's trivia"
  choices:
    - text: "${T}: an option, about as long as the others"
      why: "${T}: 1–2 sentences on why this option is right or wrong, with a fact from a source."
      source: 0
    - text: "${T}: another option, as plausible as the right one"
      why: "${T}: why this one is wrong, with the fact that shows it."
      source: 0
  answer: 0
---

${T}: 180–400 words in your own words. Every figure needs a primary source above; memory figures come from
<Vram model="llama-3.1-8b" method="qlora" show="total" />, never typed by hand.
`;
}

const short = (s: string) => (s.length > 50 ? `${s.slice(0, 47)}…` : s);

/**
 * Every frontmatter value and body line that still holds a scaffold placeholder, as `field: message` (body lines are
 * 1-based lines of the file, `bodyLine` being the line the body starts on).
 */
export function placeholders(data: unknown, body: string, bodyLine: number): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  const visit = (v: unknown, field: string) => {
    if (typeof v === 'string') {
      if (MARK.test(v))
        out.push({
          field,
          message: `"${short(v)}" is a placeholder from npm run new-card: replace it before publishing`,
        });
    } else if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) visit(x, `${field}[${i}]`);
    } else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) visit(x, field ? `${field}.${k}` : k);
  };
  visit(data, '');
  // Code may mention the word on purpose (a `# TODO` in a snippet): fenced blocks and inline code are skipped.
  let fenced = false;
  body.split('\n').forEach((text, i) => {
    if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
    else if (!fenced && MARK.test(text.replace(/`[^`]*`/g, '')))
      out.push({
        field: 'body',
        message: `line ${bodyLine + i}: "${short(text.trim())}" is a placeholder from npm run new-card: write the card's text`,
      });
  });
  return out;
}
