import { z } from 'astro/zod';
import { ISO_DAY, parseIsoDay } from '../lib/schedule/day.ts';

/** `YYYY-MM-DD`, a real calendar date. YAML may hand us a Date already (unquoted dates), or a string. */
export const isoDate = (field: string) =>
  z.preprocess(
    (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
    z
      .string({ error: `${field} must be a date written as YYYY-MM-DD` })
      .regex(ISO_DAY, { error: `${field} must be a date written as YYYY-MM-DD, e.g. 2026-10-07` })
      .refine((s) => parseIsoDay(s) !== undefined, { error: `${field} is not a real calendar date` })
      .transform((s) => parseIsoDay(s) as Date),
  );

/** Lowercase words joined by single hyphens: `lora`, `mixed-precision`, `8-bit`. */
export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const kebab = (what: string) =>
  z.string({ error: `${what} must be a kebab-case string` }).regex(KEBAB, {
    error: `${what} must be kebab-case: lowercase letters and digits joined by "-", e.g. "mixed-precision"`,
  });
