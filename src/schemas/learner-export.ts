// The two learner records that live outside the state: the last card opened (its own localStorage key) and the
// exported progress file. Used by /review/ only (import, export), so the card pages' lazy chunk never carries them.
import * as z from 'zod/mini';
import { cardId, instant, matches } from './learner.ts';
import { EXPORT_FORMAT } from './learner-format.ts';

export { EXPORT_FORMAT };

/** A non-empty title (a refine, as the other checks are: zod/mini adds code for each kind of check). */
const title = z.string().check(matches(/\S/, 'must not be empty'));

/** The last card page the reader opened (its own key, `ftc-learner-visit`, written on every card page view). */
export const visitSchema = z.strictObject({
  /** Card id. */
  card: cardId,
  /** Its title, so the home page can name it without loading the deck. */
  title,
  /** The card its page offered as the next one, to continue with once this one is understood. */
  next: z.optional(z.strictObject({ card: cardId, title })),
  /** When the reader opened it. */
  at: instant,
});

/** An exported progress file. */
export const exportFileSchema = z.strictObject({
  /** Always EXPORT_FORMAT. */
  format: z.literal(EXPORT_FORMAT, { error: `must be "${EXPORT_FORMAT}"` }),
  /** When the file was written. */
  exportedAt: instant,
  /** The learner state, as stored (its own `version` tells how to migrate it). */
  state: z.unknown(),
  /** The last card opened, if any. */
  visit: z.optional(visitSchema),
});

export type Visit = z.infer<typeof visitSchema>;
