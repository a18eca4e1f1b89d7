// Every text that states a threshold states the one the engine applies (thresholds.ts), and no selector source types
// a threshold's value by hand: change a constant and every sentence follows, or this fails naming the text.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CPT_MIN_TOKENS,
  DATA_LABELS,
  formatCount,
  LARGE_DATA,
  MIN_EXAMPLES,
  OBJECTIVE_RULES,
  PPO_MIN_PAIRS,
  parseCount,
  recommend,
  type SelectorInput,
  WORKED_EXAMPLES,
} from '../../../src/lib/selector/index.ts';
import { RULE_WHEN } from '../../../src/lib/selector/rule-conditions.ts';
import { GPU80 } from './helpers.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const runnerUpWhen = (id: string) => OBJECTIVE_RULES.find((r) => r.id === id)?.runnerUpWhen ?? `no rule ${id}`;

/** The counts a text states: "50+", "100M", "50,000", "under 50". */
function statedCounts(text: string): number[] {
  return [...text.matchAll(/(?<![\w.])\d[\d,]*(?:\.\d+)?[kMB]?(?![\w])/g)]
    .map((m) => parseCount(m[0]))
    .filter((x): x is number => x !== null);
}

/** Each threshold, the answers on either side of it, and what the engine must say at and just below it. */
const THRESHOLDS = [
  {
    name: 'MIN_EXAMPLES',
    value: MIN_EXAMPLES,
    at: (n: number): Partial<SelectorInput> => ({ goal: 'task', data: 'demonstrations', examples: n, eval: 'yes' }),
    objective: { at: 'sft', below: 'prompting' },
    texts: () => ({
      'DATA_LABELS.few': DATA_LABELS.few,
      'RULE_WHEN.few-alignment': RULE_WHEN['few-alignment'],
      'RULE_WHEN.few-knowledge': RULE_WHEN['few-knowledge'],
      'RULE_WHEN.few-verifiable': RULE_WHEN['few-verifiable'],
      'RULE_WHEN.few': RULE_WHEN.few,
      'RULE_WHEN.verifiable-rl': RULE_WHEN['verifiable-rl'],
      'few-verifiable runner-up': runnerUpWhen('few-verifiable'),
      'few runner-up': runnerUpWhen('few'),
      'corpus-other runner-up': runnerUpWhen('corpus-other'),
      'fallback runner-up': runnerUpWhen('fallback'),
      'reason for data=few': recommend({ goal: 'task', data: 'few' }).reasons.find((r) => r.input === 'data')?.text,
      'first worked example': WORKED_EXAMPLES[0]?.title,
    }),
  },
  {
    name: 'CPT_MIN_TOKENS',
    value: CPT_MIN_TOKENS,
    at: (n: number): Partial<SelectorInput> => ({ goal: 'knowledge', data: 'corpus', tokens: n, preserve: 'low' }),
    objective: { at: 'continued-pretraining', below: 'rag' },
    texts: () => ({
      'RULE_WHEN.cpt-knowledge': RULE_WHEN['cpt-knowledge'],
      'RULE_WHEN.cpt-skill': RULE_WHEN['cpt-skill'],
      'RULE_WHEN.corpus-knowledge': RULE_WHEN['corpus-knowledge'],
      'corpus-knowledge runner-up': runnerUpWhen('corpus-knowledge'),
      'knowledge runner-up': runnerUpWhen('knowledge'),
    }),
  },
  {
    name: 'PPO_MIN_PAIRS',
    value: PPO_MIN_PAIRS,
    at: (n: number): Partial<SelectorInput> => ({
      goal: 'alignment',
      data: 'preferences',
      examples: n,
      sft: 'yes',
      model: 'qwen2.5-0.5b',
      gpu: GPU80(),
    }),
    objective: { at: 'rlhf-ppo', below: 'dpo' },
    texts: () => ({ 'RULE_WHEN.ppo': RULE_WHEN.ppo, 'dpo runner-up': runnerUpWhen('dpo') }),
  },
  {
    name: 'LARGE_DATA',
    value: LARGE_DATA,
    at: (n: number): Partial<SelectorInput> => ({
      goal: 'task',
      data: 'demonstrations',
      examples: n,
      preserve: 'low',
      model: 'qwen2.5-0.5b',
      gpu: GPU80(),
    }),
    strategy: { at: 'full', below: 'lora' },
    texts: () => ({ 'RULE_WHEN.capacity': RULE_WHEN.capacity }),
  },
];

describe('thresholds: what the texts state is what the engine applies', () => {
  for (const t of THRESHOLDS) {
    it(`${t.name} (${formatCount(t.value)}): every text states it, and the answer changes exactly there`, () => {
      for (const [where, text] of Object.entries(t.texts())) {
        expect(text, where).toBeTypeOf('string');
        expect(statedCounts(text ?? ''), `${where}: "${text}"`).toEqual([t.value]);
      }
      const at = recommend(t.at(t.value));
      const below = recommend(t.at(t.value - 1));
      if (t.objective) expect([at.objective, below.objective]).toEqual([t.objective.at, t.objective.below]);
      if (t.strategy) expect([at.strategy, below.strategy]).toEqual([t.strategy.at, t.strategy.below]);
    });
  }

  it('finds the counts a text states', () => {
    expect(statedCounts('With 100M+ tokens, under 50 examples or 50,000+ pairs on 8×80 GB GPUs')).toEqual([
      100_000_000, 50, 50_000, 8, 80,
    ]);
  });
});

describe('thresholds: no selector source types one by hand', () => {
  const selectorDir = 'src/lib/selector/';
  const sources = [
    ...readdirSync(`${root}${selectorDir}`)
      .filter((f) => f.endsWith('.ts') && !['thresholds.ts', 'memory-table.ts', 'model-gpu-presets.ts'].includes(f))
      .map((f) => `${selectorDir}${f}`),
    'src/client/islands/MethodSelector.tsx',
    'src/components/SelectorTable.astro',
  ];
  const spellings = (v: number) =>
    [...new Set([formatCount(v), v.toLocaleString('en-US'), String(v), v.toLocaleString('en-US').replaceAll(',', '_')])]
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|');

  it.each(sources)('%s', (file) => {
    const text = readFileSync(`${root}${file}`, 'utf8');
    for (const t of THRESHOLDS) {
      const typed = text.match(new RegExp(`(?<![\\w.,])(?:${spellings(t.value)})(?![\\w,]|\\.\\d)`, 'g')) ?? [];
      expect(
        typed,
        `${file} types ${t.name} (${typed.join(', ')}): write it from src/lib/selector/thresholds.ts`,
      ).toEqual([]);
    }
  });
});
