/**
 * The cards the selector cites: each rule's `source` (rules.ts) and the cards an answer lists under "Read more", by
 * what the answer is about. Card ids only: titles come from the deck at build time (the island gets them as props),
 * and tests/unit/selector/cited-cards.test.ts checks every id against content/cards.
 */
import { OBJECTIVE_RULES, STRATEGY_RULES } from './rules.ts';
import type { Objective, Prerequisite, Strategy } from './types.ts';

/** For each prerequisite; the eval-set card comes first in every answer, with or without an eval set yet. */
export const PREREQUISITE_CARDS: Record<Prerequisite, readonly string[]> = {
  'eval-set': ['define-metrics-first'],
  'curate-data': ['data-quality-over-quantity', 'curating-a-dataset'],
};

export const OBJECTIVE_CARDS: Record<Objective, readonly string[]> = {
  prompting: ['fine-tune-vs-prompt-vs-rag'],
  rag: ['fine-tune-vs-prompt-vs-rag'],
  sft: ['instruction-tuning-sft', 'chat-templates-loss-masking'],
  'continued-pretraining': ['catastrophic-forgetting', 'instruction-tuning-sft'],
  dpo: ['dpo', 'preference-data'],
  orpo: ['orpo', 'preference-data'],
  kto: ['kto'],
  'rlhf-ppo': ['rlhf-ppo', 'reward-hacking-and-kl-penalty'],
  grpo: ['grpo-rlvr', 'reward-hacking-and-kl-penalty'],
};

export const STRATEGY_CARDS: Partial<Record<Strategy, readonly string[]>> = {
  full: ['full-fine-tuning'],
  lora: ['lora', 'lora-rank-and-alpha'],
  dora: ['dora'],
  qlora: ['qlora', 'qlora-memory-pitfalls'],
};

/** With a memory figure: `sharded` when it shards across GPUs, `always` for any figure. */
export const MEMORY_CARDS = {
  sharded: ['zero-and-fsdp'],
  always: ['where-gpu-memory-goes', 'gradient-checkpointing'],
} as const;

/** When training must keep general skills (preserve high). */
export const KEEP_SKILLS_CARDS: readonly string[] = ['lora-learns-less-forgets-less', 'capability-regression-checks'];

/** Last in every answer: the card on choosing a strategy as a whole. */
export const OVERVIEW_CARD = 'fine-tuning-strategy';

/** Every card id the selector can link to, once each. */
export const CITED_CARDS: readonly string[] = [
  ...new Set([
    ...[...OBJECTIVE_RULES, ...STRATEGY_RULES].map((r) => r.source),
    ...Object.values(PREREQUISITE_CARDS).flat(),
    ...Object.values(OBJECTIVE_CARDS).flat(),
    ...Object.values(STRATEGY_CARDS).flat(),
    ...MEMORY_CARDS.sharded,
    ...MEMORY_CARDS.always,
    ...KEEP_SKILLS_CARDS,
    OVERVIEW_CARD,
  ]),
];

/** Title of each cited card found in `cards` (the deck), for the island's props and the decision table. */
export function citedCardTitles(cards: Iterable<{ id: string; title: string }>): Record<string, string> {
  const byId = new Map([...cards].map((c) => [c.id, c.title]));
  const titles: Record<string, string> = {};
  for (const id of CITED_CARDS) {
    const title = byId.get(id);
    if (title !== undefined) titles[id] = title;
  }
  return titles;
}
