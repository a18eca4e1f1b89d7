// `npm run new-card -- <slug> [--topic ID] [--level L] [--kind K]`: writes a draft card content/cards/_<slug>.mdx
// with every field in place. Drafts are never built; rename to <slug>.mdx to publish. --help lists the flags.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import site from '../site.config.mjs';
import { KINDS, LEVELS } from '../src/schemas/card.ts';
import { KEBAB } from '../src/schemas/common.ts';
import { formatDay } from '../src/lib/schedule/day.ts';
import { parseCli } from './cli.ts';

const USAGE = `
Usage: npm run new-card -- <slug> [--topic ID] [--level LEVEL] [--kind KIND]

Writes the draft content/cards/_<slug>.mdx with every field in place (drafts are never built).
  --topic ID     topic id from topics.yaml (default: the first topic)
  --level LEVEL  ${LEVELS.join(', ')} (default: intermediate)
  --kind KIND    ${KINDS.join(', ')} (default: knowledge)
  -h, --help     this text
`;

function fail(message: string): never {
  console.error(`new-card: ${message}`);
  process.exit(2);
}

const { values, positionals } = parseCli('new-card', USAGE, {
  allowPositionals: true,
  options: { topic: { type: 'string' }, level: { type: 'string' }, kind: { type: 'string' } },
});
const [slug, ...extra] = positionals;
if (!slug) fail('give the card id, e.g. npm run new-card -- lora-dropout --topic peft');
if (extra.length > 0) fail(`give one card id, got ${positionals.length}: ${positionals.join(' ')}`);
if (!KEBAB.test(slug)) fail(`"${slug}" is not kebab-case: use lowercase letters and digits joined by "-"`);
const topics = Object.keys(parse(readFileSync(join(site.contentDir, 'topics.yaml'), 'utf8')) ?? {});
const topic = values.topic ?? topics[0] ?? 'strategy';
const level = values.level ?? 'intermediate';
const kind = values.kind ?? 'knowledge';
if (!topics.includes(topic)) fail(`--topic "${topic}" is not one of ${topics.join(', ')}`);
if (!(LEVELS as readonly string[]).includes(level)) fail(`--level "${level}" is not one of ${LEVELS.join(', ')}`);
if (!(KINDS as readonly string[]).includes(kind)) fail(`--kind "${kind}" is not one of ${KINDS.join(', ')}`);

const dir = join(site.contentDir, 'cards');
const published = join(dir, `${slug}.mdx`);
const draft = join(dir, `_${slug}.mdx`);
if (existsSync(published) || existsSync(draft)) fail(`${existsSync(published) ? published : draft} already exists`);

const today = formatDay(new Date());
writeFileSync(
  draft,
  `---
title: "TODO: 8–90 characters, unique in the deck"
summary: "TODO: one or two sentences, 40–280 characters, shown in lists, search and feeds."
level: ${level}
kind: ${kind}
topic: ${topic}
tags: [TODO-tag, another-tag]
related: [TODO-card-id, another-card-id]
publishedAt: ${today}
sources:
  - title: "TODO: exact title of the paper or page"
    url: "https://arxiv.org/abs/TODO"
    publisher: "arXiv"
    year: ${today.slice(0, 4)}
quiz:
  question: "TODO: a question that tests practice (what would you do or expect?), not a paper's trivia"
  choices:
    - text: "TODO: an option, about as long as the others"
      why: "TODO: 1–2 sentences on why this option is right or wrong, with a fact from a source."
      source: 0
    - text: "TODO: another option, as plausible as the right one"
      why: "TODO: why this one is wrong, with the fact that shows it."
      source: 0
  answer: 0
---

TODO: 180–400 words in your own words. Every figure needs a primary source above; memory figures come from
<Vram model="llama-3.1-8b" method="qlora" show="total" />, never typed by hand.
`,
);
console.log(
  `Wrote ${draft} (a draft: never built). Fill in the TODOs, then rename it to ${slug}.mdx and run npm run check.`,
);
