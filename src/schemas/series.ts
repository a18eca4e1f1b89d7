import { z } from 'astro/zod';
import { kebab } from './common.ts';

/** An ordered learning path from content/series.yaml (the key is its id). */
export const seriesInfoSchema = z.strictObject({
  /** Display name, e.g. "Fine-tuning basics". */
  title: z.string().min(3),
  /** What the reader gets from following the path. */
  description: z.string().min(20).max(240),
});

/** A card's place in a path: parts run 1..n with no gaps and no duplicates (checked across cards). */
export const seriesSchema = z.strictObject({
  /** The path's id, e.g. `fine-tuning-basics`; must be listed in `content/series.yaml`. */
  id: kebab('series id'),
  /** 1-based position in the path. */
  part: z
    .number({ error: 'series part must be a number' })
    .int({ error: 'series part must be a whole number' })
    .min(1, { error: 'series part starts at 1' }),
});

export type SeriesInfo = z.output<typeof seriesInfoSchema>;
