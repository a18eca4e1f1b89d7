// The cards the selector cites are cards of the deck, and their titles come from it: the selector's code holds card
// ids only (rules' sources and the "Read more" tables), never a title.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkContentDir } from '../../../src/astro/content-checks.ts';
import {
  CITED_CARDS,
  citedCardTitles,
  KEEP_SKILLS_CARDS,
  MEMORY_CARDS,
  OBJECTIVE_CARDS,
  OVERVIEW_CARD,
  PREREQUISITE_CARDS,
  STRATEGY_CARDS,
} from '../../../src/lib/selector/cited-cards.ts';
import { OBJECTIVE_RULES, recommend, STRATEGY_RULES } from '../../../src/lib/selector/index.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const deck = checkContentDir(root, 'content');
const titleOf = new Map(deck.cards.map((c) => [c.id, c.data.title]));

describe('cards the selector cites', () => {
  it('reads the real deck', () => {
    expect(deck.problems).toEqual([]);
    expect(titleOf.size).toBeGreaterThan(0);
  });

  it('are every one a card of content/cards, named where they are cited', () => {
    const citations: [string, string][] = [
      ...[...OBJECTIVE_RULES, ...STRATEGY_RULES].map((r): [string, string] => [`rule ${r.id}`, r.source]),
      ...Object.entries(PREREQUISITE_CARDS).flatMap(([k, ids]) =>
        ids.map((id): [string, string] => [`PREREQUISITE_CARDS.${k}`, id]),
      ),
      ...Object.entries(OBJECTIVE_CARDS).flatMap(([k, ids]) =>
        ids.map((id): [string, string] => [`OBJECTIVE_CARDS.${k}`, id]),
      ),
      ...Object.entries(STRATEGY_CARDS).flatMap(([k, ids]) =>
        (ids ?? []).map((id): [string, string] => [`STRATEGY_CARDS.${k}`, id]),
      ),
      ...Object.entries(MEMORY_CARDS).flatMap(([k, ids]) =>
        ids.map((id): [string, string] => [`MEMORY_CARDS.${k}`, id]),
      ),
      ...KEEP_SKILLS_CARDS.map((id): [string, string] => ['KEEP_SKILLS_CARDS', id]),
      ['OVERVIEW_CARD', OVERVIEW_CARD],
    ];
    const missing = citations.filter(([, id]) => !titleOf.has(id)).map(([where, id]) => `${where}: "${id}"`);
    expect(missing, 'not a card of content/cards (renamed or deleted?)').toEqual([]);
    expect([...new Set(citations.map(([, id]) => id))].sort()).toEqual([...CITED_CARDS].sort());
  });

  it('get their titles from the deck', () => {
    const titles = citedCardTitles(deck.cards.map((c) => ({ id: c.id, title: c.data.title })));
    expect(Object.keys(titles)).toEqual([...CITED_CARDS]);
    for (const id of CITED_CARDS) expect(titles[id], id).toBe(titleOf.get(id));
    expect(
      citedCardTitles([
        { id: 'not-cited', title: 'Not cited' },
        { id: OVERVIEW_CARD, title: 'Overview' },
      ]),
    ).toEqual({ [OVERVIEW_CARD]: 'Overview' });
  });

  it('list the overview last and measuring first in every answer', () => {
    const cards = recommend().cards.map((c) => c.slug);
    expect(cards[0]).toBe(PREREQUISITE_CARDS['eval-set'][0]);
    expect(cards.at(-1)).toBe(OVERVIEW_CARD);
  });

  it('no selector source types a card title', () => {
    const dir = `${root}src/lib/selector/`;
    const sources = [
      ...readdirSync(dir).map((f) => `src/lib/selector/${f}`),
      'src/client/islands/MethodSelector.tsx',
      'src/components/SelectorTable.astro',
    ];
    const typed: string[] = [];
    for (const file of sources) {
      const text = readFileSync(`${root}${file}`, 'utf8');
      for (const [id, title] of titleOf) if (text.includes(title)) typed.push(`${file}: ${id} "${title}"`);
    }
    expect(typed).toEqual([]);
  });
});
