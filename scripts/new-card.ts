// `npm run new-card -- <slug> [--topic ID] [--level L] [--kind K]`: writes a draft card content/cards/_<slug>.mdx
// with every field in place. Drafts are never built; rename to <slug>.mdx to publish. --help lists the flags.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import site from '../site.config.mjs';
import { scaffoldCard } from '../src/lib/cards/scaffold.ts';
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
writeFileSync(draft, scaffoldCard({ topic, level, kind, today }));
console.log(
  `Wrote ${draft} (a draft: never built). Fill in the TODOs, then rename it to ${slug}.mdx and run npm run check.`,
);
