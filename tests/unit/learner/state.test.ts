import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LearnerState, learnerStateSchema } from '../../../src/schemas/learner.ts';
import { EXPORT_FORMAT } from '../../../src/schemas/learner-export.ts';
import {
  emptyState,
  loadState,
  migrate,
  recordRead,
  recordReview,
  setDailyMinimum,
  setInterests,
  setUnderstood,
} from '../../../src/lib/learner/state.ts';
import { exportText, importText, loadVisit } from '../../../src/lib/learner/exchange.ts';
import { review } from '../../../src/lib/review/scheduler.ts';
import { learnerStateArb } from './arbitraries.ts';

const NOW = new Date('2026-12-02T09:00:00.000Z');
const json = (v: unknown) => JSON.stringify(v);

describe('loading the stored state', () => {
  it('starts empty when nothing is stored', () => {
    expect(loadState(null)).toEqual({ state: emptyState() });
  });

  it('reads back what it wrote', () => {
    const s = setUnderstood(emptyState(), 'lora', true, NOW);
    expect(loadState(json(s))).toEqual({ state: s });
  });

  it.each([
    ['not JSON', '{"version":1,'],
    ['a JSON string', '"hello"'],
    ['an array', '[1,2]'],
    ['no version', json({ cards: {} })],
    ['a version 0', json({ version: 0, cards: {} })],
    ['a fractional version', json({ version: 1.5 })],
  ])('ignores %s with the corrupt notice, and asks to set it aside', (_, raw) => {
    expect(loadState(raw)).toEqual({ state: emptyState(), notice: { kind: 'corrupt' }, unusable: true });
  });

  it('leaves a state from a newer version alone', () => {
    expect(loadState(json({ ...emptyState(), version: 2 }))).toEqual({
      state: emptyState(),
      notice: { kind: 'newer' },
      unusable: true,
    });
  });

  it('keeps the valid entries of a damaged state and counts what it dropped', () => {
    const good = setUnderstood(emptyState(), 'lora', true, NOW);
    const raw = {
      ...good,
      cards: { ...good.cards, 'Bad Id': { read: NOW.toISOString() }, qlora: { read: 'yesterday' } },
      activity: { ...good.activity, '2026-13-1': { read: 1, reviewed: 0 } },
      settings: { dailyMinimum: 0 },
      extra: true,
    };
    const loaded = loadState(json(raw));
    expect(loaded.notice).toEqual({ kind: 'repaired', dropped: 5 });
    expect(loaded.unusable).toBeUndefined();
    expect(loaded.state).toEqual(good);
    expect(learnerStateSchema.safeParse(loaded.state).success).toBe(true);
  });

  it('migrates an old version step by step', () => {
    const steps = {
      0: (old: Record<string, unknown>) => ({
        ...old,
        cards: Object.fromEntries(
          ((old.understood as string[]) ?? []).map((id) => [id, { understood: NOW.toISOString() }]),
        ),
      }),
    };
    expect(migrate({ version: 0, understood: ['lora'] }, steps)).toEqual({
      version: 1,
      understood: ['lora'],
      cards: { lora: { understood: NOW.toISOString() } },
    });
    expect(migrate({ version: 0 })).toBeUndefined();
  });

  it('ignores an unreadable last visit', () => {
    expect(loadVisit('{')).toBeUndefined();
    expect(loadVisit(json({ card: 'lora', title: 'LoRA', at: NOW.toISOString() }))).toEqual({
      card: 'lora',
      title: 'LoRA',
      at: NOW.toISOString(),
    });
  });
});

describe('changing the state', () => {
  it('counts a card read once, on the local day it is first read', () => {
    const once = recordRead(emptyState(), 'lora', NOW);
    const twice = recordRead(once, 'lora', new Date(NOW.getTime() + 3600_000));
    expect(twice).toBe(once);
    expect(Object.values(once.activity)).toEqual([{ read: 1, reviewed: 0 }]);
    expect(once.cards.lora).toEqual({ read: NOW.toISOString() });
  });

  it('marking as understood also reads the card; unmarking takes it out of review', () => {
    const marked = setUnderstood(emptyState(), 'lora', true, NOW);
    expect(marked.cards.lora).toEqual({ read: NOW.toISOString(), understood: NOW.toISOString() });
    const reviewed = recordReview(marked, 'lora', review(undefined, 'good', NOW), NOW);
    expect(Object.values(reviewed.activity)).toEqual([{ read: 1, reviewed: 1 }]);
    const unmarked = setUnderstood(reviewed, 'lora', false, NOW);
    expect(unmarked.cards.lora).toEqual({ read: NOW.toISOString() });
    expect(unmarked.review).toEqual({});
  });

  it('sets and clears interests and the daily minimum', () => {
    const s = setInterests(emptyState(), { topics: ['alignment'], levels: [] });
    expect(s.interests).toEqual({ topics: ['alignment'], levels: [] });
    expect('interests' in setInterests(s, undefined)).toBe(false);
    expect(setDailyMinimum(s, 3).settings.dailyMinimum).toBe(3);
  });
});

describe('export and import', () => {
  it('round-trips any valid state and the last visit', () => {
    fc.assert(
      fc.property(learnerStateArb, (state: LearnerState) => {
        const visit = { card: 'lora', title: 'LoRA', at: NOW.toISOString() };
        const back = importText(exportText(state, visit, NOW));
        expect(back).toEqual({ ok: true, state, visit });
        // And the stored form reads back unchanged.
        expect(loadState(JSON.stringify(state))).toEqual({ state });
      }),
      { numRuns: 200 },
    );
  });

  it('writes a file that says what it is', () => {
    const file = JSON.parse(exportText(emptyState(), undefined, NOW));
    expect(file).toEqual({ format: EXPORT_FORMAT, exportedAt: NOW.toISOString(), state: emptyState() });
  });

  it.each([
    ['not JSON', 'hello', 'This file is not JSON, so it is not a progress file from this site.'],
    [
      'a foreign JSON file',
      json({ name: 'my-package', version: '1.0.0' }),
      'This JSON file is not a progress file from this site (it has no "format": "fine-tuning-cards/progress").',
    ],
    [
      'a damaged card entry',
      json({
        format: EXPORT_FORMAT,
        exportedAt: NOW.toISOString(),
        state: { ...emptyState(), cards: { lora: { read: 'monday' } } },
      }),
      'This progress file is damaged: state.cards.lora.read: must be a date and time such as 2026-12-01T09:30:00.000Z.',
    ],
    [
      'an unknown field',
      json({ format: EXPORT_FORMAT, exportedAt: NOW.toISOString(), state: { ...emptyState(), extra: 1 } }),
      'This progress file is damaged: state: unknown field "extra".',
    ],
    [
      'a file from a newer version',
      json({ format: EXPORT_FORMAT, exportedAt: NOW.toISOString(), state: { ...emptyState(), version: 9 } }),
      'This progress file was written by a newer version of this site.',
    ],
    [
      'a bad daily minimum',
      json({
        format: EXPORT_FORMAT,
        exportedAt: NOW.toISOString(),
        state: { ...emptyState(), settings: { dailyMinimum: 0 } },
      }),
      'This progress file is damaged: state.settings.dailyMinimum: must be at least 1.',
    ],
  ])('rejects %s with a message', (_, text, error) => {
    expect(importText(text)).toEqual({ ok: false, error });
  });
});
