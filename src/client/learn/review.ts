// The /review/ page: today's due cards as quiz questions, rated Again/Hard/Good/Easy and scheduled by FSRS
// (src/lib/review); the streak, the heat map, the daily minimum, and export, import and reset of all learner state.
// Everything loads with the page and runs in the browser: once loaded it works offline, and nothing is sent anywhere.
import { exportText, importText, loadVisit } from '../../lib/learner/exchange.ts';
import { localDay } from '../../lib/learner/due.ts';
import { REVIEW_LABELS as L, LEARN_NOTICES } from '../../lib/learner/labels.ts';
import { recordReview, setDailyMinimum } from '../../lib/learner/state.ts';
import { streak } from '../../lib/learner/streak.ts';
import type { ReviewQuestion } from '../../lib/review/question.ts';
import { intervals, RATINGS, type RatingName, ratingFromAnswer, review } from '../../lib/review/scheduler.ts';
import { heatmap, sessionOf } from '../../lib/review/session.ts';
import type { LearnerState } from '../../schemas/learner.ts';
import { STORAGE_KEYS } from '../../schemas/learner-format.ts';
import { CHANGED, get, load, notify, save, storage } from './store.ts';
import { heatmapSvg } from '../../lib/review/heatmap-svg.ts';

const root = document.querySelector<HTMLElement>('[data-review]');
const $ = <T extends HTMLElement = HTMLElement>(name: string) => root?.querySelector<T>(`[data-${name}]`) as T;

const LETTERS = 'ABCDE';
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
const dayText = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return DATE.format(new Date(y, m - 1, d));
};

let state: LearnerState | undefined;
let questions = new Map<string, ReviewQuestion>();
let queue: string[] = [];
let total = 0;
let current: { q: ReviewQuestion; chosen?: number; revealed: boolean } | undefined;

function say(el: HTMLElement, text: string): void {
  el.textContent = text;
}

/** The summary, streak and heat map, from the state as it is now. */
function renderSummary(): void {
  const today = localDay(new Date());
  const s = state ?? load();
  if (!s) return;
  const { due, nextDue } = sessionOf(s, today, (id) => questions.has(id));
  say($('due'), L.due(due.length));
  say($('next'), due.length > 0 ? L.today : nextDue ? dayText(nextDue) : '–');
  const st = streak(s.activity, s.settings.dailyMinimum, today);
  say(
    $('streak'),
    `${L.streak(st.days)}. ${L.streakToday(st.today, s.settings.dailyMinimum)}${st.frozen.length ? ` ${L.frozen(st.frozen.length)}` : ''}`,
  );
  const days = heatmap(s.activity, today);
  const active = days.filter((d) => d.count > 0);
  const label = L.heatmap(
    active.reduce((n, d) => n + d.count, 0),
    active.length,
  );
  $('heatmap').innerHTML = heatmapSvg(days, label, (d) => L.heatDay(dayText(d.day), d.count));
  say($('heat-summary'), label);
  $<HTMLInputElement>('minimum').value = String(s.settings.dailyMinimum);
}

function startSession(): void {
  const s = state;
  if (!s) return;
  queue = sessionOf(s, localDay(new Date()), (id) => questions.has(id)).due;
  total = queue.length;
  nextQuestion(false);
}

function nextQuestion(focus = true): void {
  const id = queue.shift();
  const box = $('question');
  if (!id || !state) {
    current = undefined;
    box.hidden = true;
    const nextDue = state && sessionOf(state, localDay(new Date()), (c) => questions.has(c)).nextDue;
    const empty = !state || Object.values(state.cards).every((c) => !c.understood);
    say(
      $('session-status'),
      empty ? L.none : `${total ? `${L.done} ` : ''}${nextDue ? L.nextDue(dayText(nextDue)) : ''}`,
    );
    return;
  }
  const q = questions.get(id) as ReviewQuestion;
  current = { q, revealed: false };
  say($('session-status'), '');
  box.hidden = false;
  say($('count'), L.progress(total - queue.length, total));
  const link = $<HTMLAnchorElement>('card-link');
  link.href = (root?.dataset.cardHref ?? '').replace('__card__', q.card);
  say(link, q.title);
  say($('q'), q.question);
  const list = $('choices');
  list.replaceChildren(
    ...q.choices.map((c, i) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'review-choice';
      b.dataset.choice = String(i);
      b.innerHTML = `<span class="review-letter" aria-hidden="true">${LETTERS[i]}</span> `;
      b.append(c.text);
      li.append(b);
      return li;
    }),
  );
  $('reveal').hidden = false;
  $('answer').hidden = true;
  if (focus) $('q').focus();
}

function reveal(chosen?: number): void {
  if (!current || current.revealed) return;
  const { q } = current;
  current.revealed = true;
  current.chosen = chosen;
  const correct = chosen === q.answer;
  for (const b of $('choices').querySelectorAll<HTMLButtonElement>('button')) {
    const i = Number(b.dataset.choice);
    b.disabled = true;
    if (i === q.answer) b.dataset.state = 'right';
    else if (i === chosen) b.dataset.state = 'wrong';
  }
  $('reveal').hidden = true;
  say($('verdict'), chosen === undefined ? L.shown : correct ? L.right : L.wrong);
  say($('correct'), L.answer(LETTERS[q.answer] as string, q.choices[q.answer]?.text ?? ''));
  const why = [
    chosen !== undefined && chosen !== q.answer ? q.choices[chosen]?.why : undefined,
    q.choices[q.answer]?.why,
  ]
    .filter(Boolean)
    .join(' ');
  say($('why'), why);
  const suggested = ratingFromAnswer(correct);
  const days = intervals(state?.review[q.card], new Date());
  for (const input of $('ratings').querySelectorAll<HTMLInputElement>('input')) {
    const r = input.value as RatingName;
    input.checked = r === suggested;
    say(input.parentElement?.querySelector('[data-in]') as HTMLElement, L.inDays(days[r]));
  }
  say($('suggested'), L.suggested(L.ratings[RATINGS.indexOf(suggested)] as string));
  $('answer').hidden = false;
  $('verdict').focus();
}

function rate(): void {
  if (!current?.revealed || !state) return;
  const rating = ($('ratings').querySelector<HTMLInputElement>('input:checked')?.value ?? 'again') as RatingName;
  const now = new Date();
  const next = recordReview(state, current.q.card, review(state.review[current.q.card], rating, now), now);
  if (!save(next)) return;
  state = next;
  renderSummary();
  nextQuestion();
}

/** Keyboard-first: A–E answer, Space shows the answer, 1–4 rate, Enter continues. Keys typed into a field, or on
 * a focused button (which has its own Space and Enter), are left alone. */
function onKey(e: KeyboardEvent): void {
  if (!current || e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target as HTMLElement;
  if (/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) && (t as HTMLInputElement).type !== 'radio') return;
  const onControl = /^(BUTTON|A)$/.test(t.tagName);
  const key = e.key.toUpperCase();
  if (!current.revealed) {
    const i = LETTERS.indexOf(key);
    if (key.length === 1 && i >= 0 && i < current.q.choices.length) reveal(i);
    else if (e.key === ' ' && !onControl) reveal();
    else return;
  } else if (/^[1-4]$/.test(e.key)) {
    const input = $('ratings').querySelectorAll<HTMLInputElement>('input')[Number(e.key) - 1];
    if (input) input.checked = true;
  } else if (e.key === 'Enter' && !onControl) rate();
  else return;
  e.preventDefault();
}

/** Deletes everything the site stored about the reader. */
function clear(): boolean {
  try {
    for (const key of Object.values(STORAGE_KEYS)) storage()?.removeItem(key);
  } catch {
    notify(LEARN_NOTICES.saveFailed);
    return false;
  }
  document.dispatchEvent(new CustomEvent(CHANGED));
  return true;
}

function download(name: string, text: string, type: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function wireData(): void {
  const status = $('data-status');
  $('export').addEventListener('click', () => {
    const s = load();
    if (!s) return;
    download(
      `fine-tuning-cards-progress-${localDay(new Date())}.json`,
      exportText(s, loadVisit(get(STORAGE_KEYS.visit) ?? null), new Date()),
      'application/json',
    );
    say(status, L.exported);
  });
  $<HTMLInputElement>('import').addEventListener('change', async (e) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const result = importText(await file.text());
    if (!result.ok) return say(status, result.error);
    if (!save(result.state, result.visit ?? null)) return;
    state = result.state;
    say(status, L.imported);
    renderSummary();
    startSession();
  });
  const confirm = $('reset-confirm');
  $('reset').addEventListener('click', () => {
    confirm.hidden = false;
    $('reset-yes').focus();
  });
  $('reset-no').addEventListener('click', () => {
    confirm.hidden = true;
    $('reset').focus();
  });
  $('reset-yes').addEventListener('click', () => {
    confirm.hidden = true;
    if (!clear()) return;
    state = load();
    say(status, L.resetDone);
    renderSummary();
    startSession();
    $('reset').focus();
  });
  $<HTMLInputElement>('minimum').addEventListener('change', (e) => {
    const input = e.target as HTMLInputElement;
    const n = Number(input.value);
    const s = load();
    if (!s || !Number.isInteger(n) || n < 1 || n > 50) {
      input.value = String(s?.settings.dailyMinimum ?? 1);
      return;
    }
    if (save(setDailyMinimum(s, n))) {
      state = load();
      say($('minimum-status'), L.minimumSaved(n));
      renderSummary();
    }
  });
}

async function main(): Promise<void> {
  if (!root) return;
  root.dataset.ready = '';
  state = load();
  wireData();
  $('reveal').addEventListener('click', () => reveal());
  $('continue').addEventListener('click', rate);
  $('choices').addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-choice]');
    if (b) reveal(Number(b.dataset.choice));
  });
  document.addEventListener('keydown', onKey);
  try {
    const res = await fetch(root.dataset.questions as string);
    const list: ReviewQuestion[] = await res.json();
    questions = new Map(list.map((q) => [q.card, q]));
  } catch {
    notify(L.offline);
  }
  renderSummary();
  startSession();
}

void main();
