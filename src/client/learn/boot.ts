// The one learning script a page runs on load: it reads the learner's state and marks the page (checkmarks, progress,
// the card page's own state, "Continue where you left off"), then waits. What changes the state is imported on the
// reader's first use of a learning control (learner.ts; the home page's interests in interests.ts); the quiz code
// (quiz.ts) on the first interaction with a quiz (pointer over it, focus in it, a key or a click), which it replays.
// The quiz announces each answer as `ftc:quiz-answered` on document (detail `{ card, choice, correct }`).
import { localDay } from '../../lib/learner/due.ts';
import { MARK_LABELS, progressText } from '../../lib/learner/labels.ts';
import { pickNext } from '../../lib/learner/next.ts';
import { type LearnerView, markOf, progressOf, viewOf } from '../../lib/learner/status.ts';
import { STORAGE_KEYS } from '../../schemas/learner-format.ts';

/** What changes the state (mark, quiz answer): one chunk, loaded once. */
const lazy = () => import('./learner.ts');
/** The home page's interests form, in a chunk of its own: no card page ever loads it. */
const interests = () => import('./interests.ts');

const all = (sel: string, root: ParentNode = document) => [...root.querySelectorAll<HTMLElement>(sel)];
const one = <T extends HTMLElement = HTMLElement>(sel: string, root: ParentNode = document) =>
  root.querySelector<T>(sel);

/** A stored value: null when none, undefined when the browser blocks storage. */
function read(key: string): string | null | undefined {
  try {
    return localStorage.getItem(key);
  } catch {
    return undefined;
  }
}

/** Points a link at a card: `data-href` holds the card URL with `__card__` for the id; `[data-title]` its title. */
function aim(link: HTMLAnchorElement, href: string, card: { card: string; title: string }): void {
  link.href = href.replace('__card__', card.card);
  (one('[data-title]', link) as HTMLElement).textContent = card.title;
}

function markCards(view: LearnerView): void {
  // The mark is drawn by CSS from data-mark; its name goes into the card's link for screen readers.
  for (const el of all('[data-card]')) {
    const mark = markOf(view, el.dataset.card as string);
    const link = one('a', el);
    let name = link && one('.learn-sr', link);
    if (mark) el.dataset.mark = mark;
    else delete el.dataset.mark;
    if (!link || (!mark && !name)) continue;
    if (!name) {
      name = document.createElement('span');
      name.className = 'learn-sr visually-hidden';
      link.append(name);
    }
    name.textContent = mark ? ` (${MARK_LABELS[mark]})` : '';
  }
  for (const el of all('[data-learn-progress]')) {
    const { done, total } = progressOf(view, (el.dataset.learnProgress as string).split(' '));
    (one('progress', el) as HTMLProgressElement).value = done;
    (one('[data-text]', el) as HTMLElement).textContent = progressText(done, total);
  }
}

function markCardPage(view: LearnerView): void {
  const bar = one('[data-learn-card]');
  if (!bar) return;
  const id = bar.dataset.learnCard as string;
  (one<HTMLInputElement>('input', bar) as HTMLInputElement).checked = view.understood.has(id);
  for (const el of all('[data-learn-due]', bar)) el.hidden = !view.due.has(id);
  const link = one<HTMLAnchorElement>('[data-learn-next]');
  // Candidates, one a line: "id title". The link points at the first; its URL is the pattern for the others.
  const candidates = (link?.dataset.learnNext ?? '').split('\n').map((line) => {
    const [id, ...title] = line.split(' ');
    return { id: id as string, title: title.join(' ') };
  });
  const pick = pickNext(candidates, (c) => view.read.has(c) || view.understood.has(c));
  const next = link && pick && { card: pick.id, title: pick.title };
  if (link && next) aim(link, link.href.replace(`/${candidates[0]?.id}/`, '/__card__/'), next);
  try {
    const title = one('h1')?.textContent;
    localStorage.setItem(STORAGE_KEYS.visit, JSON.stringify({ card: id, title, next, at: new Date().toISOString() }));
  } catch {}
}

function markContinue(view: LearnerView): void {
  const slot = one('[data-learn-continue]');
  const raw = slot && read(STORAGE_KEYS.visit);
  if (!slot || !raw) return;
  try {
    const v = JSON.parse(raw);
    const target = view.understood.has(v.card) && v.next ? v.next : v;
    if (typeof target.card !== 'string' || typeof target.title !== 'string') return;
    aim(one('a', slot) as HTMLAnchorElement, slot.dataset.href as string, target);
    slot.dataset.ready = '';
  } catch {}
}

/** Reads the state and marks everything on the page; runs again after every saved change. */
export function markPage(first = false): void {
  const raw = read(STORAGE_KEYS.state);
  const view = viewOf(raw ?? null, localDay(new Date()));
  markCards(view);
  markCardPage(view);
  markContinue(view);
  if (!first) return;
  // Blocked storage or unreadable data: the learning client says so in the page's notice slots (it never throws).
  if (raw === undefined || view.unreadable) void lazy().then((m) => m.load());
  const form = one<HTMLFormElement>('[data-learn-interests]');
  if (form && view.interests) void interests().then((m) => m.restoreInterests(form));
}

/** Delegated listeners: the first use of a learning control imports the chunk that handles it. */
export function listen(): void {
  document.addEventListener('change', (e) => {
    if ((e.target as HTMLElement).closest('[data-learn-card]')) void lazy().then((m) => m.onCardChange(e));
  });
  document.addEventListener('submit', (e) => {
    const form = (e.target as HTMLElement).closest<HTMLFormElement>('[data-learn-interests]');
    if (!form) return;
    e.preventDefault();
    void interests().then((m) => m.onInterests(form, e as SubmitEvent));
  });
  for (const type of ['pointerover', 'focusin', 'keydown', 'click'])
    addEventListener(type, (event) => {
      if ((event.target as Element).closest?.('[data-quiz]')) void import('./quiz.ts').then((m) => m.start(event));
    });
  document.addEventListener('ftc:quiz-answered', (e) => void lazy().then((m) => m.onQuizAnswered(e as CustomEvent)));
  document.addEventListener('ftc:learner-changed', () => markPage());
}

markPage(true);
listen();
