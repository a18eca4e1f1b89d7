import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import site from '../site.config.mjs';
import { makeCardSchema } from './schemas/card.ts';
import { seriesInfoSchema, topicSchema } from './schemas/topic.ts';

const dir = site.contentDir;

export const collections = {
  // `_draft.mdx` files are never loaded. Bodies are rendered on demand to keep large decks within memory.
  cards: defineCollection({
    loader: glob({ pattern: ['**/*.mdx', '!**/_*'], base: `${dir}/cards`, deferRender: true }),
    schema: makeCardSchema(reference),
  }),
  topics: defineCollection({ loader: file(`${dir}/topics.yaml`), schema: topicSchema }),
  series: defineCollection({ loader: file(`${dir}/series.yaml`), schema: seriesInfoSchema }),
};
