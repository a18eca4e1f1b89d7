// localStorage for the learning client: every read and write goes through here, and nothing here ever throws.
// Blocked storage (private browsing, site data refused) and bad stored data become notices on the page.
import { LEARN_NOTICES } from '../../lib/learner/labels.ts';
import { type Loaded, loadState } from '../../lib/learner/state.ts';
import type { LearnerState } from '../../schemas/learner.ts';
import type { Visit } from '../../schemas/learner-export.ts';
import { STORAGE_KEYS } from '../../schemas/learner-format.ts';

/** Fired on document after every saved change, so the page re-marks itself (the boot script listens). */
export const CHANGED = 'ftc:learner-changed';

export function storage(): Storage | undefined {
  try {
    return window.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export function get(key: string): string | null | undefined {
  try {
    return storage()?.getItem(key);
  } catch {
    return undefined;
  }
}

/** Shows a notice in every notice slot of the page (live regions); a card page gets its slot only when needed. */
export function notify(text: string): void {
  let slots = [...document.querySelectorAll<HTMLElement>('[data-learn-notice]')];
  const bar = document.querySelector('[data-learn-card]');
  if (slots.length === 0 && bar) {
    const slot = document.createElement('p');
    slot.className = 'learn-notice';
    slot.dataset.learnNotice = '';
    // Inserted with its text, so an alert rather than a status: a status region is only read out once it exists.
    slot.setAttribute('role', 'alert');
    bar.append(slot);
    slots = [slot];
  }
  for (const el of slots) {
    el.textContent = text;
    el.hidden = false;
  }
}

let loaded: (Loaded & { raw: string | null }) | undefined;

/** The validated state; undefined when storage is blocked (after saying so). */
export function load(): LearnerState | undefined {
  const raw = get(STORAGE_KEYS.state);
  if (raw === undefined) {
    notify(LEARN_NOTICES.blocked);
    return undefined;
  }
  loaded = { ...loadState(raw), raw };
  const n = loaded.notice;
  if (n) notify(n.kind === 'repaired' ? LEARN_NOTICES.repaired(n.dropped) : LEARN_NOTICES[n.kind]);
  return loaded.state;
}

/** Saves the state. A stored value that was unreadable or repaired is first copied to the backup key: nothing is lost. */
export function save(state: LearnerState, visit?: Visit | null): boolean {
  const s = storage();
  try {
    if (!s) throw new Error('no storage');
    if (loaded?.notice && loaded.raw !== null) s.setItem(STORAGE_KEYS.backup, loaded.raw);
    s.setItem(STORAGE_KEYS.state, JSON.stringify(state));
    if (visit === null) s.removeItem(STORAGE_KEYS.visit);
    else if (visit) s.setItem(STORAGE_KEYS.visit, JSON.stringify(visit));
    loaded = { state, raw: JSON.stringify(state) };
  } catch {
    notify(LEARN_NOTICES.saveFailed);
    return false;
  }
  document.dispatchEvent(new CustomEvent(CHANGED));
  return true;
}
