import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CITED_CARDS,
  cardHref,
  GOALS,
  OBJECTIVE_RULES,
  OBJECTIVES,
  PRESETS,
  recommend,
  STRATEGY_RULES,
} from '../../../src/lib/selector/index.ts';
import { RULE_WHEN } from '../../../src/lib/selector/rule-conditions.ts';

const cardsDir = fileURLToPath(new URL('../../../content/cards/', import.meta.url));
// The deck's card ids: its file names, without drafts (`_x.mdx` is never loaded).
const deckIds = readdirSync(cardsDir)
  .filter((f) => f.endsWith('.mdx') && !f.startsWith('_'))
  .map((f) => f.slice(0, -'.mdx'.length));

describe('rules tables', () => {
  it('rule ids are unique and each names a card of the deck', () => {
    const ids = [...OBJECTIVE_RULES, ...STRATEGY_RULES].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of [...OBJECTIVE_RULES, ...STRATEGY_RULES]) {
      expect(deckIds, `rule ${r.id}`).toContain(r.source);
      expect(RULE_WHEN[r.id]?.length ?? 0).toBeGreaterThan(5);
    }
    for (const r of OBJECTIVE_RULES) {
      expect(OBJECTIVES).toContain(r.objective);
      expect(OBJECTIVES).toContain(r.runnerUp);
      expect(r.runnerUp).not.toBe(r.objective);
    }
  });

  it('the last rule of each table always matches (total decision)', () => {
    expect(OBJECTIVE_RULES.at(-1)?.id).toBe('fallback');
    expect(STRATEGY_RULES.at(-1)?.test('sft', recommend().input)).toBe(true);
  });

  it('card links are relative to the site base', () => {
    expect(cardHref('lora', '/')).toBe('/cards/lora/');
    expect(cardHref('lora', '/cards')).toBe('/cards/cards/lora/');
    expect(cardHref('lora', '/cards/')).toBe('/cards/cards/lora/');
    expect(cardHref('lora', '')).toBe('/cards/lora/');
  });

  it('every card the selector can link to is a card of content/cards, and among the cited ones', () => {
    const linked = new Set<string>([...OBJECTIVE_RULES, ...STRATEGY_RULES].map((r) => r.source));
    for (const goal of GOALS)
      for (const preset of Object.values(PRESETS))
        for (const c of recommend({ ...preset, goal }).cards) linked.add(c.slug);
    for (const s of linked) {
      expect(deckIds, s).toContain(s);
      expect(CITED_CARDS, s).toContain(s);
    }
    expect(Object.keys(RULE_WHEN).sort()).toEqual([...OBJECTIVE_RULES, ...STRATEGY_RULES].map((r) => r.id).sort());
  });

  it('presets are valid starting answers', () => {
    for (const [name, p] of Object.entries(PRESETS)) {
      const r = recommend(p);
      for (const [k, v] of Object.entries(p)) expect(r.input[k as keyof typeof r.input], `${name}.${k}`).toBe(v);
    }
    expect(recommend(PRESETS.alignment).objective).toBe('dpo');
  });
});
