import { z } from 'astro/zod';
import { makeCardSchema } from './card.ts';
import { KEBAB } from './common.ts';

// The deck as data (/api/cards.json). Built from the card schema's own fields, so a change there (a new quiz shape, a
// stricter source) reaches the export and its JSON Schema without a second definition. Dates leave as `YYYY-MM-DD`
// strings and references as ids, because JSON has no Date and no cross-file reference.
const card = makeCardSchema().shape;

/** `YYYY-MM-DD` (UTC), as written in the card's frontmatter. */
const day = z.iso.date();

/** One published card as /api/cards.json lists it. */
export const exportedCardSchema = z.strictObject({
  /** The card's id: its file name, which is also the last part of its URL. */
  id: z.string().regex(KEBAB).describe('The card id: its file name and the last part of its URL.'),
  /** Absolute URL of the card page. */
  url: z.url().describe('Absolute URL of the card page.'),
  title: card.title,
  summary: card.summary,
  level: card.level,
  kind: card.kind,
  /** The topic id (see `topics`). */
  topic: z.string().regex(KEBAB).describe('The topic id (see topics).'),
  tags: card.tags,
  /** Ids of other cards worth reading next. */
  related: z.array(z.string().regex(KEBAB)).describe('Ids of other cards worth reading next.'),
  series: card.series,
  publishedAt: day.describe('First publication, YYYY-MM-DD (UTC).'),
  updatedAt: day.describe('Last substantive update, YYYY-MM-DD (UTC).').optional(),
  sources: card.sources,
  quiz: card.quiz,
});

/** The whole file: the site, its topics and learning paths, and every published card, newest first. */
export const cardsExportSchema = z.strictObject({
  /** Absolute URL of the JSON Schema this file follows. */
  $schema: z.url(),
  /** The site's name. */
  site: z.string(),
  /** Absolute URL of the site's home page. */
  home: z.url(),
  topics: z.array(z.strictObject({ id: z.string().regex(KEBAB), title: z.string(), url: z.url() })),
  series: z.array(
    z.strictObject({ id: z.string().regex(KEBAB), title: z.string(), url: z.url(), cards: z.array(z.string()) }),
  ),
  cards: z.array(exportedCardSchema),
});

export type ExportedCard = z.input<typeof exportedCardSchema>;
export type CardsExport = z.input<typeof cardsExportSchema>;

/** JSON Schema (draft 2020-12) of /api/cards.json, generated from the zod schemas above. */
export function cardsJsonSchema(id: string): Record<string, unknown> {
  const schema = z.toJSONSchema(cardsExportSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: id,
    title: 'Fine-Tuning Cards: the deck as data',
    description: 'Every published card of the deck with its sources and quiz; see $id for the newest version.',
  };
}
