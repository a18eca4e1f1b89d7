// The active quiz on a card page (markup: src/components/Quiz.astro). Plain DOM code, loaded by boot.ts on the
// reader's first interaction with the quiz (`start`). Picking an option (click, Enter or Space on it, or the keys 1–5) checks
// it, marks it and the right one, shows both `why`s and announces the result; "Try again" puts everything back.

export interface QuizAnswer {
  /** The card id. */
  card: string;
  /** 0-based index of the chosen option. */
  choice: number;
  correct: boolean;
}

/** The event each answer dispatches on `document`, detail a QuizAnswer. */
export const QUIZ_ANSWERED = 'ftc:quiz-answered';

const letter = (i: number) => String.fromCharCode(65 + i);
/** Clicks and keys a quiz has handled itself: boot.ts hands them over too, and they must not be replayed. */
const handled = new WeakSet<Event>();

const announce = (detail: QuizAnswer) => document.dispatchEvent(new CustomEvent(QUIZ_ANSWERED, { detail }));

/**
 * Called by boot.ts with each interaction on a quiz: wires every quiz of the page (once), then replays a click or key
 * that reached the page before this code did.
 */
export function start(event: Event): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-quiz]')) initQuiz(root, announce);
  if (handled.has(event) || (event.type !== 'click' && event.type !== 'keydown')) return;
  handled.add(event);
  event.target?.dispatchEvent(
    event instanceof KeyboardEvent ? new KeyboardEvent('keydown', event) : new MouseEvent('click', event),
  );
}

/** Wires one quiz. Calling it again on the same root does nothing. */
export function initQuiz(root: HTMLElement, onAnswer: (r: QuizAnswer) => void): void {
  if (root.dataset.quizReady !== undefined) return;
  root.dataset.quizReady = '';
  const card = root.dataset.quiz ?? '';
  const answer = Number(root.dataset.answer);
  const radios = [...root.querySelectorAll<HTMLButtonElement>('[role="radio"]')];
  // One tab stop for the group; arrow keys move between the options.
  radios.forEach((r, i) => {
    r.tabIndex = i === 0 ? 0 : -1;
  });
  const whys = radios.map((_, i) => root.querySelector<HTMLElement>(`#quiz-why-${i}`));
  const status = root.querySelector<HTMLElement>('[role="status"]');
  const feedback = root.querySelector<HTMLElement>('.quiz-feedback');
  const retry = root.querySelector<HTMLButtonElement>('.quiz-retry');
  let chosen = -1;

  const focusAt = (i: number) => {
    const n = radios.length;
    const at = ((i % n) + n) % n;
    radios.forEach((r, j) => {
      r.tabIndex = j === at ? 0 : -1;
    });
    radios[at]?.focus();
  };

  const text = (i: number) => radios[i]?.textContent?.replace(/^\s*\S+\s*/, '').trim() ?? '';

  const choose = (i: number) => {
    if (chosen >= 0 || !radios[i]) return;
    chosen = i;
    const correct = i === answer;
    radios.forEach((r, j) => {
      r.setAttribute('aria-checked', String(j === i));
      r.setAttribute('aria-disabled', 'true');
      if (j === answer || j === i) {
        r.dataset.state = j === answer ? 'right' : 'wrong';
        r.setAttribute('aria-describedby', `quiz-why-${j}`);
      }
    });
    // The chosen option's why first, then the answer's.
    for (const j of correct ? [i] : [answer, i]) {
      const why = whys[j];
      if (why) {
        why.hidden = false;
        feedback?.prepend(why);
      }
    }
    if (status)
      status.textContent = correct ? 'Correct.' : `Not quite: the answer is ${letter(answer)}, ${text(answer)}.`;
    if (retry) retry.hidden = false;
    root.dataset.answered = '';
    focusAt(i);
    onAnswer({ card, choice: i, correct });
  };

  const reset = () => {
    chosen = -1;
    for (const r of radios) {
      r.setAttribute('aria-checked', 'false');
      r.removeAttribute('aria-disabled');
      r.removeAttribute('aria-describedby');
      delete r.dataset.state;
    }
    for (const why of whys) {
      if (why) {
        why.hidden = true;
        retry?.before(why);
      }
    }
    if (status) status.textContent = '';
    if (retry) retry.hidden = true;
    delete root.dataset.answered;
    focusAt(0);
  };

  root.addEventListener('click', (event) => {
    handled.add(event);
    const target = event.target as Element;
    const radio = target.closest<HTMLButtonElement>('[role="radio"]');
    if (radio) choose(radios.indexOf(radio));
    else if (retry && target.closest('.quiz-retry') === retry) reset();
  });

  root.addEventListener('keydown', (event) => {
    handled.add(event);
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const at = radios.indexOf(event.target as HTMLButtonElement);
    const digit = /^[1-9]$/.test(event.key) ? Number(event.key) - 1 : -1;
    if (digit >= 0 && digit < radios.length && chosen < 0) {
      event.preventDefault();
      choose(digit);
      return;
    }
    if (at < 0) return;
    const move: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowRight: at + 1,
      ArrowUp: at - 1,
      ArrowLeft: at - 1,
      Home: 0,
      End: radios.length - 1,
    };
    const to = move[event.key];
    if (to === undefined) return;
    event.preventDefault();
    focusAt(to);
  });
}
