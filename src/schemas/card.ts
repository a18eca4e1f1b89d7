import { z } from 'astro/zod';
import { formatDay } from '../lib/schedule/day.ts';
import { isoDate, kebab } from './common.ts';
import { KINDS, LEVELS } from './enums.ts';
import { quizSchema, quizSourceIssues } from './quiz.ts';
import { seriesSchema } from './series.ts';
import { sourceSchema } from './source.ts';
import { verifiedListSchema } from './verified.ts';

export type { Level } from './enums.ts';
export { KINDS, LEVELS };

/**
 * How a card names another entry. Astro passes `reference` from astro:content; our own validation pass (which runs
 * before Astro and reports every problem at once) passes a plain string schema and checks the targets itself.
 */
export type RefFactory<R extends z.ZodType = z.ZodType> = (collection: 'cards' | 'topics') => R;

const plainRef = (collection: 'cards' | 'topics') =>
  z.string({ error: `must be the id of an entry in ${collection}` }).min(1);

/** The card model. Built by a factory so Astro and the standalone checker share one definition. */
export function makeCardSchema<R extends z.ZodType = ReturnType<typeof plainRef>>(
  ref: RefFactory<R> = plainRef as unknown as RefFactory<R>,
) {
  return z
    .strictObject({
      /** 8–90 characters; unique across the deck. */
      title: z
        .string({ error: 'title is required' })
        .min(8, { error: 'title must be at least 8 characters' })
        .max(90, { error: 'title must be at most 90 characters' }),
      /** 40–280 characters: the teaser used in lists, search results and feeds; unique across the deck. */
      summary: z
        .string({ error: 'summary is required' })
        .min(40, { error: 'summary must be at least 40 characters' })
        .max(280, { error: 'summary must be at most 280 characters' }),
      /** Who the card is written for. */
      level: z.enum(LEVELS, { error: 'level is required' }),
      /** What sort of card it is. */
      kind: z.enum(KINDS, { error: 'kind is required' }),
      /** The topic id from content/topics.yaml. */
      topic: ref('topics'),
      /** 1–8 kebab-case tags. */
      tags: z
        .array(kebab('each tag'), { error: 'tags must be a YAML list, e.g. [lora, quantization]' })
        .min(1, { error: 'give at least 1 tag' })
        .max(8, { error: 'give at most 8 tags' }),
      /** Other cards worth reading next (never the card itself). */
      related: z.array(ref('cards'), { error: 'related must be a YAML list of card ids' }).default([]),
      /** Position in an ordered learning path. */
      series: seriesSchema.optional(),
      /** First publication, YYYY-MM-DD (UTC). The daily schedule never shows a card before this day. */
      publishedAt: isoDate('publishedAt'),
      /** Last substantive update, YYYY-MM-DD, not before publishedAt. */
      updatedAt: isoDate('updatedAt').optional(),
      /** At least one primary source (https). */
      sources: z
        .array(sourceSchema, { error: 'sources must be a YAML list of { title, url }' })
        .min(1, { error: 'give at least 1 source (title and https url)' }),
      /**
       * The library releases the card's API was checked against, for every card that shows an API (a snippet, a
       * config or argument name). The content check warns when a check is older than the deck policy allows.
       */
      verified: verifiedListSchema.optional(),
      /** Self-check question (the deck policy requires one on every card). */
      quiz: quizSchema.optional(),
    })
    .superRefine((card, ctx) => {
      if (card.updatedAt && card.updatedAt < card.publishedAt) {
        ctx.addIssue({
          code: 'custom',
          path: ['updatedAt'],
          message: `${formatDay(card.updatedAt)} is before publishedAt ${formatDay(card.publishedAt)}: updatedAt must be the same day or later`,
        });
      }
      // A quiz `why` cites the card's own sources by index, so only the card can check the index.
      if (card.quiz)
        for (const issue of quizSourceIssues(card.quiz, card.sources.length))
          ctx.addIssue({ code: 'custom', ...issue });
    });
}

export const cardSchema = makeCardSchema();
export type CardData = z.output<typeof cardSchema>;
