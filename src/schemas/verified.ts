import { z } from 'astro/zod';
import { isoDate } from './common.ts';

/**
 * One library release a card's API (a code snippet, a config or argument name) was checked against. A card may
 * show several libraries (TRL and PEFT), so cards carry a list of these.
 */
export const verifiedSchema = z.strictObject({
  /** The library as its users name it, e.g. "TRL", "PEFT", "Transformers", "PyTorch". */
  library: z
    .string({ error: 'library is required, e.g. "TRL"' })
    .trim()
    .min(2, { error: 'library must be at least 2 characters, e.g. "TRL"' }),
  /** The release the API was read in, e.g. "1.9.0"; digits and dots with an optional suffix such as ".dev0". */
  version: z
    .string({ error: 'version must be a string such as "1.9.0" (quote it in YAML)' })
    .regex(/^\d+(\.\d+){0,3}([.-]?[0-9A-Za-z]+)*$/, { error: 'version must look like "1.9.0" or "0.18"' }),
  /** The day the API was checked against that release, YYYY-MM-DD. */
  date: isoDate('verified date'),
});

export type Verified = z.output<typeof verifiedSchema>;

/** The `verified` field of a card: at least one entry when present. */
export const verifiedListSchema = z
  .array(verifiedSchema, { error: 'verified must be a YAML list of { library, version, date }' })
  .min(1, { error: 'give at least 1 { library, version, date }, or leave verified out' });
