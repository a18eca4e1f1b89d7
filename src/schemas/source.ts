import { z } from 'astro/zod';

/** A primary source behind a card's facts: a paper (arXiv) or official documentation. */
export const sourceSchema = z.strictObject({
  /** Title of the paper or page, as published. */
  title: z.string({ error: 'a source needs a title' }).min(3, { error: 'source title is too short' }),
  /** Where to read it. https only, so readers never land on a downgraded page. */
  url: z
    .url({ error: 'must be an absolute URL such as https://arxiv.org/abs/2305.14314' })
    .refine((u) => u.startsWith('https://'), { error: 'must use https:// (http links are rejected)' }),
  /** Who published it, e.g. "arXiv", "Hugging Face docs". */
  publisher: z.string().min(2).optional(),
  /** Year of publication. */
  year: z.number({ error: 'year must be a number such as 2023' }).int().min(1950).max(2100).optional(),
});

export type Source = z.output<typeof sourceSchema>;
