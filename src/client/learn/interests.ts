// The home page's interests: save the picked topics and levels, show the card of the day from them (the site's
// schedule run over the matching cards, src/lib/learner/interests.ts), the matching feeds and their OPML file.
import { INTEREST_LABELS } from '../../lib/learner/labels.ts';
import { hasInterests, interestCard, interestNames } from '../../lib/learner/interests.ts';
import { buildOpml } from '../../lib/learner/opml.ts';
import { setInterests } from '../../lib/learner/state.ts';
import type { Interests } from '../../schemas/learner.ts';
import type { LearnDeckCard } from '../../lib/learner/deck-json.ts';
import { load, save } from './store.ts';

let deck: Promise<LearnDeckCard[]> | undefined;
let original: Node | undefined;

const q = <T extends Element = HTMLElement>(sel: string, root: ParentNode = document) => root.querySelector<T>(sel);

function picked(form: HTMLFormElement): Interests {
  const values = (name: string) =>
    [...form.querySelectorAll<HTMLInputElement>(`input[data-interest="${name}"]:checked`)].map((b) => b.value);
  return { topics: values('topic'), levels: values('level') as Interests['levels'] };
}

const nameOf = (form: HTMLFormElement, value: string) =>
  q(`input[value="${value}"]`, form)?.parentElement?.textContent?.trim() ?? value;

/** Puts `card` in the card-of-the-day slot (a copy of the site's teaser, filled in), or the site's card back. */
function showCard(card: LearnDeckCard | undefined, reason: string): void {
  const list = q('[data-learn-today] .card-grid');
  const slot = list?.firstElementChild as HTMLElement | null;
  if (!list || !slot) return;
  original ??= slot.cloneNode(true);
  const item = (card ? slot : original).cloneNode(true) as HTMLElement;
  if (card) {
    item.dataset.card = card.id;
    const [level, kind] = item.querySelectorAll<HTMLElement>('.badge');
    if (level) {
      level.className = `badge level-${card.level}`;
      (level.lastChild as Text).textContent = card.levelLabel;
    }
    if (kind) kind.textContent = card.kindLabel;
    const link = q<HTMLAnchorElement>('.teaser-title a', item);
    if (link) {
      link.href = card.href;
      link.textContent = card.title;
    }
    const [summary, meta] = item.querySelectorAll('.teaser p');
    if (summary) summary.textContent = card.summary;
    if (meta) meta.textContent = card.meta;
  }
  slot.replaceWith(item);
  const why = q('[data-learn-reason]');
  if (why) why.textContent = reason ? ` · ${reason}` : '';
  document.dispatchEvent(new CustomEvent('ftc:learner-changed'));
}

/** Shows the state of the reader's interests: summary line, card of the day, feeds (and, on load, the form). */
export async function showInterests(
  form: HTMLFormElement,
  interests: Interests | undefined,
  fill = false,
): Promise<void> {
  const on = hasInterests(interests);
  if (fill)
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'))
      box.checked = on && [...interests.topics, ...interests.levels].includes(box.value as never);
  const names = on ? [...interests.topics, ...interests.levels].map((v) => nameOf(form, v)) : [];
  const summary = q('[data-summary]', form.closest('details') ?? document);
  if (summary) summary.textContent = on ? INTEREST_LABELS.summary(names) : INTEREST_LABELS.summaryNone;
  const feeds = q('[data-learn-feeds]', form);
  if (feeds) {
    feeds.hidden = !on;
    for (const li of feeds.querySelectorAll<HTMLElement>('li[data-topic]')) {
      const topic = li.dataset.topic as string;
      li.hidden = !on || (topic ? !interests.topics.includes(topic) : interests.topics.length > 0);
    }
  }
  if (!on) return showCard(undefined, '');
  deck ??= fetch(form.dataset.deck as string).then((r) => (r.ok ? r.json() : Promise.reject(new Error(r.statusText))));
  let cards: LearnDeckCard[];
  try {
    cards = await deck;
  } catch {
    deck = undefined;
    return;
  }
  const card = interestCard(
    cards.map((c) => ({ ...c, publishedAt: new Date(`${c.published}T00:00:00Z`) })),
    interests,
    form.dataset.day as string,
  );
  const status = q('[data-learn-status]', form);
  if (!card && status) status.textContent = INTEREST_LABELS.noMatch;
  showCard(
    card,
    card
      ? INTEREST_LABELS.reason(
          interestNames(card, interests, { topic: (t) => nameOf(form, t), level: (l) => nameOf(form, l) }),
        )
      : '',
  );
}

/** On load, for a reader with interests: the form filled in, and the page showing them. */
export const restoreInterests = (form: HTMLFormElement): Promise<void> => showInterests(form, load()?.interests, true);

function downloadOpml(form: HTMLFormElement): void {
  const feeds = [...form.querySelectorAll<HTMLAnchorElement>('[data-learn-feeds] li:not([hidden]) a')].map((a) => ({
    title: a.dataset.title ?? a.textContent ?? '',
    xmlUrl: a.href,
  }));
  const blob = new Blob([buildOpml(INTEREST_LABELS.opmlTitle, feeds, new Date())], { type: 'text/x-opml' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = INTEREST_LABELS.opmlFile;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** Save, Clear or the OPML download (all submit buttons of the interests form). */
export async function onInterests(form: HTMLFormElement, e: SubmitEvent): Promise<void> {
  const action = (e.submitter as HTMLButtonElement | null)?.value;
  if (action === 'opml') return downloadOpml(form);
  if (action === 'clear')
    for (const b of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) b.checked = false;
  const state = load();
  if (!state) return;
  const interests = picked(form);
  const on = hasInterests(interests);
  if (!save(setInterests(state, on ? interests : undefined))) return;
  const status = q('[data-learn-status]', form);
  if (status) status.textContent = on ? INTEREST_LABELS.saved : INTEREST_LABELS.cleared;
  await showInterests(form, on ? interests : undefined);
}
