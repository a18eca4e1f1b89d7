import { describe, expect, it } from 'vitest';
import { emptyState, recordReview, setUnderstood } from '../../../src/lib/learner/state.ts';
import { markOf, progressOf, viewOf } from '../../../src/lib/learner/status.ts';
import { heatmapSvg } from '../../../src/lib/review/heatmap-svg.ts';
import { type ReviewQuestion, toReviewQuestion } from '../../../src/lib/review/question.ts';
import { review } from '../../../src/lib/review/scheduler.ts';
import { HEATMAP_WEEKS, heatmap, sessionOf } from '../../../src/lib/review/session.ts';
import { card } from '../learner/helpers.ts';

// Instants at local noon, so the local day is the date written whatever the test machine's time zone.
const at = (day: string) => new Date(`${day}T12:00:00`);

describe('due cards', () => {
  const understood = ['lora', 'dpo'].reduce((s, id) => setUnderstood(s, id, true, at('2026-12-01')), emptyState());

  it('are due from the local day after they were understood, then from their FSRS due day', () => {
    expect(sessionOf(understood, '2026-12-01')).toEqual({ due: [], nextDue: '2026-12-02' });
    expect(sessionOf(understood, '2026-12-02')).toEqual({ due: ['dpo', 'lora'] });
    const reviewed = recordReview(understood, 'lora', review(undefined, 'good', at('2026-12-02')), at('2026-12-02'));
    expect(sessionOf(reviewed, '2026-12-02')).toEqual({ due: ['dpo'], nextDue: '2026-12-04' });
    expect(sessionOf(reviewed, '2026-12-02', (id) => id !== 'dpo')).toEqual({ due: [], nextDue: '2026-12-04' });
  });

  it('are what the page marks as due, read straight from the stored text', () => {
    const v = viewOf(JSON.stringify(understood), '2026-12-02');
    expect(markOf(v, 'lora')).toBe('due');
    expect(viewOf(JSON.stringify(understood), '2026-12-01').due.size).toBe(0);
    expect(markOf(viewOf(JSON.stringify(understood), '2026-12-01'), 'lora')).toBe('understood');
    expect(progressOf(v, ['lora', 'qlora', 'dpo'])).toEqual({ done: 2, total: 3 });
  });

  it('read nothing from text that is not a state, and say so', () => {
    for (const raw of ['{', '[]', '{"version":2,"cards":{}}', '{"version":1}'])
      expect(viewOf(raw, '2026-12-01')).toMatchObject({ unreadable: true, understood: new Set() });
    expect(viewOf(null, '2026-12-01').unreadable).toBe(false);
    // Wrongly typed entries are skipped one by one.
    const v = viewOf(JSON.stringify({ version: 1, cards: { a: 5, b: { read: 1 }, c: { read: 'x' } } }), '2026-12-01');
    expect([...v.read]).toEqual(['c']);
  });
});

describe('heat map', () => {
  const activity = { '2026-12-02': { read: 2, reviewed: 2 }, '2026-11-30': { read: 1, reviewed: 0 } };
  const days = heatmap(activity, '2026-12-02');

  it('covers 12 weeks from a Monday up to today, a level per day relative to the busiest', () => {
    expect(days[0]?.day).toBe('2026-09-14');
    expect(days[0]?.weekday).toBe(0);
    expect(days.at(-1)).toEqual({ day: '2026-12-02', count: 4, level: 4, week: HEATMAP_WEEKS - 1, weekday: 2 });
    expect(days.find((d) => d.day === '2026-11-30')).toMatchObject({ count: 1, level: 1 });
    expect(days.length).toBe((HEATMAP_WEEKS - 1) * 7 + 3);
  });

  it('draws one titled square per day in an image with a text alternative', () => {
    const svg = heatmapSvg(days, 'Last 12 weeks: 5 cards & more', (d) => `${d.day}: ${d.count}`);
    expect(svg).toMatch(/^<svg class="heatmap" role="img" aria-label="Last 12 weeks: 5 cards &#38; more"/);
    expect(svg.match(/<rect /g)).toHaveLength(days.length);
    expect(svg).toContain('class="heat-4"><title>2026-12-02: 4</title>');
  });
});

describe('review questions', () => {
  it('come from the card quiz in one mapping, each choice with its why', () => {
    const q = toReviewQuestion(
      card('lora', {
        title: 'LoRA',
        quiz: {
          question: 'What does LoRA train?',
          choices: [
            { text: 'All weights', why: 'That is full fine-tuning.' },
            { text: 'A low-rank update', why: 'It freezes the base.', source: 0 },
          ],
          answer: 1,
        },
      }),
    );
    expect(q).toEqual({
      card: 'lora',
      title: 'LoRA',
      question: 'What does LoRA train?',
      choices: [
        { text: 'All weights', why: 'That is full fine-tuning.' },
        { text: 'A low-rank update', why: 'It freezes the base.' },
      ],
      answer: 1,
    } satisfies ReviewQuestion);
    expect(toReviewQuestion(card('x'))).toBeUndefined();
  });
});
