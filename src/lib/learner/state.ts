// The learner state: load (validate, migrate, repair) and change it. Pure: no storage, no clock (every change takes
// `now`). src/client/learn/store.ts reads and writes it in localStorage; exchange.ts exports and imports it.
import {
  cardProgressSchema,
  dayActivitySchema,
  interestsSchema,
  LEARNER_VERSION,
  type LearnerState,
  learnerStateSchema,
  type ReviewCardState,
  reviewCardSchema,
  settingsSchema,
  type Interests,
} from '../../schemas/learner.ts';
import { localDay } from './due.ts';

export type Notice = { kind: 'corrupt' } | { kind: 'newer' } | { kind: 'repaired'; dropped: number };

export interface Loaded {
  state: LearnerState;
  notice?: Notice;
  /** The stored value could not be used at all: set it aside before anything overwrites it. */
  unusable?: boolean;
}

export const DEFAULT_DAILY_MINIMUM = 1;

export const emptyState = (): LearnerState => ({
  version: LEARNER_VERSION,
  cards: {},
  review: {},
  activity: {},
  settings: { dailyMinimum: DEFAULT_DAILY_MINIMUM },
});

type Loose = Record<string, unknown>;
export const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Steps from each old version to the next: `MIGRATIONS[n]` turns a version-n state into version n + 1. Version 1 is
 * the first format, so there is none yet; a new format adds its step here, never edits an old one.
 */
export const MIGRATIONS: Readonly<Record<number, (old: Loose) => Loose>> = {};

/** Brings a stored object up to LEARNER_VERSION; undefined when it is not a learner state of any known version. */
export function migrate(
  data: unknown,
  migrations: Readonly<Record<number, (old: Loose) => Loose>> = MIGRATIONS,
): Loose | 'newer' | undefined {
  if (!isObject(data) || typeof data.version !== 'number' || !Number.isInteger(data.version)) return undefined;
  if (data.version > LEARNER_VERSION) return 'newer';
  let current: Loose = data;
  for (let v = data.version; v < LEARNER_VERSION; v++) {
    const step = migrations[v];
    if (!step) return undefined;
    current = { ...step(current), version: v + 1 };
  }
  return current;
}

/** Keeps the valid entries of a record-shaped field and counts the rest. */
function salvageRecord<T>(value: unknown, key: RegExp, check: (v: unknown) => T | undefined) {
  const out: Record<string, T> = {};
  let dropped = 0;
  if (!isObject(value)) return { out, dropped: value === undefined ? 0 : 1 };
  for (const [k, v] of Object.entries(value)) {
    const ok = key.test(k) ? check(v) : undefined;
    if (ok === undefined) dropped++;
    else out[k] = ok;
  }
  return { out, dropped };
}

export const parsed =
  <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }) =>
  (v: unknown): T | undefined => {
    const r = schema.safeParse(v);
    return r.success ? r.data : undefined;
  };

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FIELDS = new Set(['version', 'cards', 'review', 'activity', 'interests', 'settings']);

/** A current-version object with some bad parts: keeps every valid entry, drops the rest, counts what it dropped. */
function repair(data: Loose): { state: LearnerState; dropped: number } {
  const cards = salvageRecord(data.cards, ID, parsed(cardProgressSchema));
  const review = salvageRecord(data.review, ID, parsed(reviewCardSchema));
  const activity = salvageRecord(data.activity, DAY, parsed(dayActivitySchema));
  const interests = data.interests === undefined ? undefined : parsed(interestsSchema)(data.interests);
  const settings = parsed(settingsSchema)(data.settings);
  const dropped =
    cards.dropped +
    review.dropped +
    activity.dropped +
    (data.interests !== undefined && !interests ? 1 : 0) +
    (settings ? 0 : 1) +
    Object.keys(data).filter((k) => !FIELDS.has(k)).length;
  const state: LearnerState = {
    ...emptyState(),
    cards: cards.out,
    review: review.out,
    activity: activity.out,
    ...(interests ? { interests } : {}),
    ...(settings ? { settings } : {}),
  };
  return { state, dropped };
}

/** Reads the stored JSON text (null: nothing stored). Never throws: bad data comes back as a fresh state + notice. */
export function loadState(raw: string | null): Loaded {
  if (raw === null) return { state: emptyState() };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { state: emptyState(), notice: { kind: 'corrupt' }, unusable: true };
  }
  const current = migrate(data);
  if (current === 'newer') return { state: emptyState(), notice: { kind: 'newer' }, unusable: true };
  if (current === undefined) return { state: emptyState(), notice: { kind: 'corrupt' }, unusable: true };
  const strict = learnerStateSchema.safeParse(current);
  if (strict.success) return { state: strict.data };
  const { state, dropped } = repair(current);
  return { state, notice: { kind: 'repaired', dropped: Math.max(dropped, 1) } };
}

// ---------------------------------------------------------------------------------------------------------------
// Changes (each returns a new state)

function bump(state: LearnerState, now: Date, field: 'read' | 'reviewed'): LearnerState['activity'] {
  const day = localDay(now);
  const a = state.activity[day] ?? { read: 0, reviewed: 0 };
  return { ...state.activity, [day]: { ...a, [field]: a[field] + 1 } };
}

/** The card was read (its quiz answered): counted once per card, on the day it first happens. */
export function recordRead(state: LearnerState, id: string, now: Date): LearnerState {
  const card = state.cards[id] ?? {};
  if (card.read) return state;
  return {
    ...state,
    cards: { ...state.cards, [id]: { ...card, read: now.toISOString() } },
    activity: bump(state, now, 'read'),
  };
}

/** Marks or unmarks a card as understood. Unmarking takes it out of review (its FSRS state is dropped). */
export function setUnderstood(state: LearnerState, id: string, understood: boolean, now: Date): LearnerState {
  if (understood) {
    const read = recordRead(state, id, now);
    return { ...read, cards: { ...read.cards, [id]: { ...read.cards[id], understood: now.toISOString() } } };
  }
  const { understood: _u, ...rest } = state.cards[id] ?? {};
  const { [id]: _r, ...review } = state.review;
  return { ...state, cards: { ...state.cards, [id]: rest }, review };
}

/** Stores the FSRS state after a review answer and counts the answer. */
export function recordReview(state: LearnerState, id: string, card: ReviewCardState, now: Date): LearnerState {
  return { ...state, review: { ...state.review, [id]: card }, activity: bump(state, now, 'reviewed') };
}

export function setInterests(state: LearnerState, interests: Interests | undefined): LearnerState {
  const { interests: _old, ...rest } = state;
  return interests ? { ...rest, interests } : rest;
}

export function setDailyMinimum(state: LearnerState, dailyMinimum: number): LearnerState {
  return { ...state, settings: { ...state.settings, dailyMinimum } };
}
