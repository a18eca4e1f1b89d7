// What a reader sees when their saved progress cannot be used as it is. Never an exception: always one of these.
import { count } from './plural.ts';

export const LEARN_NOTICES = {
  blocked: 'This browser blocks site storage (private browsing or blocked site data): your progress is not saved.',
  corrupt: 'Your saved progress could not be read: this page starts afresh, and the old data is kept aside.',
  newer: 'Your saved progress is from a newer version of this site: it is left as it is and not used here.',
  repaired: (n: number) =>
    `Part of your saved progress could not be read (${count(n, 'entry', 'entries')}); the rest is kept.`,
  saveFailed: 'Your progress could not be saved: the browser refused (storage full or blocked).',
} as const;
