// What the page marks on load, read from the stored state without a validator: the boot script must stay tiny, so it
// trusts nothing and takes only fields of the right type. The full check (zod) runs when the reader changes anything.
import { LEARNER_VERSION } from '../../schemas/learner-format.ts';
import { dueDayOf, isObject } from './due.ts';

export { dueDayOf };

export type CardMark = 'understood' | 'read' | 'due';

export interface LearnerView {
  understood: Set<string>;
  read: Set<string>;
  /** Understood cards due for review today or earlier. */
  due: Set<string>;
  /** The stored value exists but this version cannot read it (the learning client says why). */
  unreadable: boolean;
  /** The reader picked interests (the state has them only when some are picked). */
  interests: boolean;
}

/** The marks of every card from the raw stored JSON text (null when nothing is stored). */
export function viewOf(raw: string | null, today: string): LearnerView {
  const view: LearnerView = {
    understood: new Set(),
    read: new Set(),
    due: new Set(),
    unreadable: false,
    interests: false,
  };
  if (raw === null) return view;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    data = undefined;
  }
  if (!isObject(data) || data.version !== LEARNER_VERSION || !isObject(data.cards)) {
    view.unreadable = true;
    return view;
  }
  view.interests = isObject(data.interests);
  const review = isObject(data.review) ? data.review : {};
  for (const [id, p] of Object.entries(data.cards)) {
    if (!isObject(p)) continue;
    if (typeof p.read === 'string') view.read.add(id);
    if (typeof p.understood !== 'string') continue;
    view.understood.add(id);
    const due = dueDayOf(p.understood, review[id]);
    if (due !== undefined && due <= today) view.due.add(id);
  }
  return view;
}

/** The one mark a card shows in lists: due beats understood beats read. */
export function markOf(view: LearnerView, id: string): CardMark | undefined {
  if (view.due.has(id)) return 'due';
  if (view.understood.has(id)) return 'understood';
  return view.read.has(id) ? 'read' : undefined;
}

/** Understood cards among `ids`, for a progress bar. */
export function progressOf(view: LearnerView, ids: readonly string[]): { done: number; total: number } {
  return { done: ids.filter((id) => view.understood.has(id)).length, total: ids.length };
}
