// The learning client, imported by the boot script on the first use of a learning control (one chunk, with its
// validator): mark a card as understood, count a card as read once its quiz is answered. The home page's interests
// are a chunk of their own (interests.ts), so a card page's first quiz answer does not carry them.
// Each change is validated (zod), saved, and announced so the page re-marks itself.
import { recordRead, setUnderstood } from '../../lib/learner/state.ts';
import { load, save } from './store.ts';

export { load } from './store.ts';

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The "Mark as understood" checkbox of a card page. */
export function onCardChange(e: Event): void {
  const box = e.target as HTMLInputElement;
  const id = box.closest<HTMLElement>('[data-learn-card]')?.dataset.learnCard;
  if (!id || box.type !== 'checkbox') return;
  const state = load();
  if (!state || !save(setUnderstood(state, id, box.checked, new Date()))) box.checked = !box.checked;
}

/** The quiz widget's answer event: `{ card, choice, correct }` in `detail`. Any answer counts the card as read. */
export function onQuizAnswered(e: CustomEvent): void {
  const id = (e.detail as { card?: unknown } | null)?.card;
  if (typeof id !== 'string' || !KEBAB.test(id)) return;
  const state = load();
  if (state) save(recordRead(state, id, new Date()));
}
