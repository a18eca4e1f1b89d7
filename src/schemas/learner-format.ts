// The learner state's storage format constants, free of zod so the boot script can import them without a validator.

/** The format version this build writes. Older versions are migrated on load (src/lib/learner/state.ts). */
export const LEARNER_VERSION = 1;

/** What the `format` field of an exported progress file says, so a foreign JSON file is told apart at once. */
export const EXPORT_FORMAT = 'fine-tuning-cards/progress';

/** localStorage keys: the state, the last card opened, and an unreadable old value set aside before it is replaced. */
export const STORAGE_KEYS = {
  state: 'ftc-learner',
  visit: 'ftc-learner-visit',
  backup: 'ftc-learner-backup',
} as const;
