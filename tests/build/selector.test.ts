// The method selector as built: the texts the page writes from the thresholds, and the deck's titles on the card
// links of the answer and the decision table (the selector's code holds card ids only).
import { describe, expect, it } from 'vitest';
import site from '../../site.config.mjs';
import { checkContentDir } from '../../src/astro/content-checks.ts';
import { decodeHtml as decodeEntities } from '../../src/lib/html/entities.ts';
import {
  CPT_MIN_TOKENS,
  formatCount,
  LARGE_DATA,
  MIN_EXAMPLES,
  PPO_MIN_PAIRS,
  PREREQUISITE_CARDS,
} from '../../src/lib/selector/index.ts';
import { distHas, readDist } from '../support/dist.ts';

const deck = checkContentDir(process.cwd(), site.contentDir, site.policy);
const titleOf = new Map(deck.cards.map((c) => [c.id, c.data.title]));
const cardLink = new RegExp(`<a href="${site.base}cards/([^/"]+)/">([^<]*)</a>`, 'g');
/** The page's text, tags dropped: what a reader sees, words glued or not. */
const text = (html: string) => decodeEntities(html.replace(/<[^>]*>/g, ''));
const pages = ['selector/index.html', 'cards/fine-tuning-strategy/index.html'].filter((p) => distHas(p));

describe('the selector as built', () => {
  it('builds the selector page and the card that embeds it', () => {
    expect(pages).toEqual(['selector/index.html', 'cards/fine-tuning-strategy/index.html']);
  });

  it('states each threshold from its constant, with the words around it kept apart', () => {
    const page = text(readDist('selector/index.html'));
    for (const phrase of [
      `fewer than ${MIN_EXAMPLES} examples is too few to train on;`,
      `a corpus of ${formatCount(CPT_MIN_TOKENS)} tokens or more is worth continued pretraining;`,
      `PPO needs at least ${formatCount(PPO_MIN_PAIRS)} preference pairs and GPUs`,
      `means ${formatCount(LARGE_DATA)}+ examples.`,
    ])
      expect(page).toContain(phrase);
  });

  it.each(pages)('%s: every "Read more" link reads as its card title in the deck', (page) => {
    const html = readDist(page);
    const list = /<ul class="ms-cards">(.*?)<\/ul>/s.exec(html)?.[1] ?? '';
    const found = [...list.matchAll(cardLink)].map((m) => [m[1], decodeEntities(m[2] ?? '')]);
    expect(found.length).toBeGreaterThan(2);
    for (const [id, shown] of found) expect(shown, id).toBe(titleOf.get(id ?? ''));
  });

  it("links each prerequisite of the decision table to its card, by the card's title", () => {
    const html = readDist('selector/index.html');
    for (const [ids, lead] of [
      [PREREQUISITE_CARDS['eval-set'], 'No evaluation set?'],
      [PREREQUISITE_CARDS['curate-data'], 'Noisy data?'],
    ] as const) {
      const id = ids[0] ?? '';
      const item = new RegExp(
        `<li><strong>${lead.replace('?', '\\?')}</strong>[^<]*\\(<a href="${site.base}cards/${id}/">([^<]*)</a>\\)`,
      ).exec(html);
      expect(decodeEntities(item?.[1] ?? ''), lead).toBe(titleOf.get(id));
    }
  });
});
