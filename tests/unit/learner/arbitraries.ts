import fc from 'fast-check';
import { LEVELS } from '../../../src/schemas/enums.ts';
import type { LearnerState } from '../../../src/schemas/learner.ts';

const MS_2026 = Date.UTC(2026, 0, 1);
export const instantArb = fc
  .integer({ min: 0, max: 400 * 86_400_000 })
  .map((ms) => new Date(MS_2026 + ms).toISOString());
export const idArb = fc.constantFrom('lora', 'qlora', 'dpo', 'what-is-fine-tuning', '8-bit-and-paged-optimizers');
const dayArb = fc
  .integer({ min: 0, max: 400 })
  .map((d) => new Date(MS_2026 + d * 86_400_000).toISOString().slice(0, 10));
const reviewArb = fc.record(
  {
    due: instantArb,
    stability: fc.double({ min: 0, max: 400, noNaN: true }),
    difficulty: fc.double({ min: 0, max: 10, noNaN: true }),
    elapsed_days: fc.integer({ min: 0, max: 400 }),
    scheduled_days: fc.integer({ min: 0, max: 365 }),
    learning_steps: fc.integer({ min: 0, max: 3 }),
    reps: fc.integer({ min: 0, max: 50 }),
    lapses: fc.integer({ min: 0, max: 10 }),
    state: fc.integer({ min: 0, max: 3 }),
    last_review: instantArb,
  },
  {
    requiredKeys: [
      'due',
      'stability',
      'difficulty',
      'elapsed_days',
      'scheduled_days',
      'learning_steps',
      'reps',
      'lapses',
      'state',
    ],
  },
);

/** Any valid learner state. */
export const learnerStateArb: fc.Arbitrary<LearnerState> = fc.record(
  {
    version: fc.constant(1 as const),
    cards: fc.dictionary(idArb, fc.record({ understood: instantArb, read: instantArb }, { requiredKeys: [] })),
    review: fc.dictionary(idArb, reviewArb),
    activity: fc.dictionary(dayArb, fc.record({ read: fc.nat(30), reviewed: fc.nat(30) })),
    interests: fc.record({
      topics: fc.uniqueArray(fc.constantFrom('peft', 'alignment', 'data')),
      levels: fc.uniqueArray(fc.constantFrom(...LEVELS)),
    }),
    settings: fc.record({ dailyMinimum: fc.integer({ min: 1, max: 50 }) }),
  },
  { requiredKeys: ['version', 'cards', 'review', 'activity', 'settings'] },
);
