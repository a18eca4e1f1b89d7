// What the site remembers about its reader, kept in the reader's own browser (localStorage) and nowhere else.
// zod/mini rather than astro/zod: this schema ships to the browser, and the mini build tree-shakes to a few kB where
// the full one would add ~90 kB to the learning client. For the same reason it sticks to the cheapest building blocks:
// maps are objects with a catch-all value and a key check (z.record costs 0.8 kB more), levels a pattern (z.enum
// 0.3 kB more), and every check a refine() with its own message (z.int, z.multipleOf, z.minimum, z.maximum and
// z.regex each bring a check class of their own: together 1.3 kB more).
import * as z from 'zod/mini';
import { LEVELS } from './enums.ts';
import { LEARNER_VERSION } from './learner-format.ts';

export { LEARNER_VERSION };

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const LOCAL_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LEVEL = new RegExp(`^(${LEVELS.join('|')})$`);

/** A string check: matches `re`. */
export const matches = (re: RegExp, error: string) => z.refine<string>((s) => re.test(s), { error });
const atLeast = (min: number, error = `must be at least ${min}`) => z.refine<number>((n) => n >= min, { error });

const whole = (min: number, max?: number) =>
  z
    .number({ error: 'must be a number' })
    .check(
      z.refine(Number.isInteger, { error: 'must be a whole number' }),
      atLeast(min),
      ...(max === undefined ? [] : [z.refine<number>((n) => n <= max, { error: `must be at most ${max}` })]),
    );

/** A map from keys matching `key` (what they must be: `what`) to values of `value`. */
const map = <T extends z.core.SomeType>(key: RegExp, what: string, value: T) =>
  z
    .catchall(z.object({}), value)
    .check(z.refine((o) => Object.keys(o).every((k) => key.test(k)), { error: `every key must be ${what}` }));

/** An instant as `Date.toISOString()` writes it (UTC, `Z`). */
export const instant = z
  .string({ error: 'must be a date and time such as 2026-12-01T09:30:00.000Z' })
  .check(matches(INSTANT, 'must be a date and time such as 2026-12-01T09:30:00.000Z'));
const count = whole(0);
const nonNegative = z.number({ error: 'must be a number' }).check(atLeast(0, 'must be 0 or more'));
export const cardId = z.string().check(matches(ID, 'must be a card id such as "lora"'));

/** One card's progress. */
export const cardProgressSchema = z.strictObject({
  /** When the reader marked the card as understood; absent when it is not (or no longer) marked. */
  understood: z.optional(instant),
  /** When the card was first read: its quiz answered, or the card marked as understood. */
  read: z.optional(instant),
});

/**
 * The FSRS memory state of one understood card, as ts-fsrs keeps it (its `Card`, dates as ISO instants). Written only
 * by src/lib/review/scheduler.ts. A card understood but never reviewed has no entry yet: it is due the day after.
 */
export const reviewCardSchema = z.strictObject({
  /** When the card is next due; it is due from that calendar day on, in the reader's time zone. */
  due: instant,
  /** FSRS stability: days until recall probability falls to 90%. */
  stability: nonNegative,
  /** FSRS difficulty, 1 (easy) to 10 (hard); 0 before the first review. */
  difficulty: nonNegative,
  /** Days between the last two reviews (ts-fsrs keeps it; deprecated there). */
  elapsed_days: nonNegative,
  /** Days from the last review to `due`. */
  scheduled_days: nonNegative,
  /** Position in the (re)learning steps. */
  learning_steps: count,
  /** Reviews so far. */
  reps: count,
  /** Times the card was forgotten (rated Again after it had been learnt). */
  lapses: count,
  /** FSRS state: 0 new, 1 learning, 2 review, 3 relearning. */
  state: whole(0, 3),
  /** When the card was last reviewed. */
  last_review: z.optional(instant),
});

/** What the reader did on one calendar day (their local time zone): what the streak and the heat map count. */
export const dayActivitySchema = z.strictObject({
  /** Cards read that day for the first time (quiz answered or marked as understood). */
  read: count,
  /** Review answers given that day. */
  reviewed: count,
});

/** The topics and levels the reader picked on the home page; an empty list means "any". */
export const interestsSchema = z.strictObject({
  /** Topic ids from content/topics.yaml. */
  topics: z.array(cardId),
  /** Levels, from beginner to advanced. */
  levels: z.array(z.string().check(matches(LEVEL, `must be one of ${LEVELS.join(', ')}`))),
});

/** The reader's own settings. */
export const settingsSchema = z.strictObject({
  /** Cards read or reviewed in a day for that day to count towards the streak (1–50). */
  dailyMinimum: whole(1, 50),
});

/** Everything under the `ftc-learner` localStorage key. */
export const learnerStateSchema = z.strictObject({
  /** Format version; see LEARNER_VERSION. */
  version: z.literal(LEARNER_VERSION, { error: `must be ${LEARNER_VERSION}` }),
  /** Progress by card id. */
  cards: map(ID, 'a card id such as "lora"', cardProgressSchema),
  /** FSRS state by card id, for understood cards that have been reviewed at least once. */
  review: map(ID, 'a card id such as "lora"', reviewCardSchema),
  /** Activity by local calendar day, `YYYY-MM-DD`. */
  activity: map(LOCAL_DAY, 'a day written YYYY-MM-DD', dayActivitySchema),
  /** Set once the reader picks interests on the home page. */
  interests: z.optional(interestsSchema),
  /** The reader's settings. */
  settings: settingsSchema,
});

export type CardProgress = z.infer<typeof cardProgressSchema>;
export type ReviewCardState = z.infer<typeof reviewCardSchema>;
export type DayActivity = z.infer<typeof dayActivitySchema>;
export type Interests = z.infer<typeof interestsSchema>;
export type LearnerSettings = z.infer<typeof settingsSchema>;
export type LearnerState = z.infer<typeof learnerStateSchema>;
