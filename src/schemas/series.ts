import { z } from 'astro/zod';
import { kebab } from './common.ts';

/** Membership of an ordered learning path: parts run 1..n with no gaps and no duplicates (checked across cards). */
export const seriesSchema = z.strictObject({
  /** The path's id, e.g. `fine-tuning-basics`; must be listed in `content/series.yaml`. */
  id: kebab('series id'),
  /** 1-based position in the path. */
  part: z
    .number({ error: 'series part must be a number' })
    .int({ error: 'series part must be a whole number' })
    .min(1, { error: 'series part starts at 1' }),
});

export type SeriesRef = z.output<typeof seriesSchema>;
