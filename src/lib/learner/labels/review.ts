// The review page: REVIEW_PAGE_LABELS are rendered into the page, REVIEW_LABELS are written by its script.
import { count } from './plural.ts';

export const REVIEW_PAGE_LABELS = {
  keys: 'Keys: A–E answer, Space shows the answer, 1–4 rate, Enter continues.',
  reveal: 'Show the answer',
  continue: 'Continue',
  rate: 'How well did you know it?',
  resetAsk: 'Delete all progress saved in this browser? This cannot be undone: export it first to keep a copy.',
  resetYes: 'Delete all progress',
  resetNo: 'Keep it',
} as const;

export const REVIEW_LABELS = {
  ratings: ['Again', 'Hard', 'Good', 'Easy'] as const,
  right: 'Right.',
  wrong: 'Not quite.',
  shown: 'Answer shown.',
  answer: (letter: string, text: string) => `Answer ${letter}: ${text}`,
  suggested: (rating: string) => `${rating}, from your answer (1–4 to change).`,
  inDays: (n: number) => (n === 1 ? 'tomorrow' : `in ${n} days`),
  none: 'Nothing to review yet: cards you mark as understood come back here from the next day.',
  done: 'Done for today.',
  today: 'Today',
  nextDue: (date: string) => `Next review: ${date}.`,
  due: (n: number) => count(n, 'card'),
  progress: (i: number, n: number) => `Question ${i} of ${n}`,
  streak: (n: number) => count(n, 'day'),
  streakToday: (n: number, min: number) => (n >= min ? 'Today counts.' : `Today: ${n} of ${count(min, 'card')}.`),
  frozen: (n: number) => `${count(n, 'freeze day')} used.`,
  heatmap: (cards: number, days: number) =>
    `Last 12 weeks: ${count(cards, 'card')} read or reviewed on ${count(days, 'day')}.`,
  heatDay: (day: string, n: number) => `${day}: ${count(n, 'card')}`,
  offline: 'The questions could not be loaded: reload once you are online.',
  exported: 'Downloaded your progress file.',
  imported: 'Imported: your progress is now the file’s.',
  resetDone: 'All progress deleted.',
  minimumSaved: (n: number) => `Saved: a day counts from ${count(n, 'card')}.`,
} as const;
