import { defineCollection, reference } from 'astro:content';
import { file } from 'astro/loaders';
import site from '../site.config.mjs';
import { cardLoader } from './astro/card-loader.ts';
import { makeCardSchema } from './schemas/card.ts';
import { seriesInfoSchema } from './schemas/series.ts';
import { topicSchema } from './schemas/topic.ts';

const dir = site.contentDir;

export const collections = {
  // `_draft.mdx` files are never loaded. Plain cards are rendered once by the loader; the rest are MDX modules.
  cards: defineCollection({
    loader: cardLoader({ base: `${dir}/cards`, allMdx: site.allMdx }),
    schema: makeCardSchema(reference),
  }),
  topics: defineCollection({ loader: file(`${dir}/topics.yaml`), schema: topicSchema }),
  series: defineCollection({ loader: file(`${dir}/series.yaml`), schema: seriesInfoSchema }),
};
