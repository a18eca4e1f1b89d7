/** The selector's links: to cards and to the VRAM calculator, under the site base. */
import { routes } from '../site/routes.ts';
import { withBase } from '../site/url.ts';

/**
 * The deck's card slugs (from the deck plan). The selector links only to these; a test checks every slug it can
 * emit is here, and the build checks the pages exist.
 */
export const DECK_SLUGS = [
  'what-is-fine-tuning',
  'fine-tune-vs-prompt-vs-rag',
  'fine-tuning-strategy',
  'where-gpu-memory-goes',
  'lora',
  'qlora',
  'instruction-tuning-sft',
  'data-quality-over-quantity',
  'define-metrics-first',
  'rlhf-ppo',
  'preference-data',
  'dpo',
  'orpo',
  'kto',
  'simpo',
  'grpo-rlvr',
  'lora-rank-and-alpha',
  'lora-target-modules',
  'dora',
  'other-peft-methods',
  'lora-learns-less-forgets-less',
  'merging-and-serving-adapters',
  'full-fine-tuning',
  'catastrophic-forgetting',
  'mixed-precision',
  '8-bit-and-paged-optimizers',
  'gradient-checkpointing',
  'flashattention-long-sequences',
  'zero-and-fsdp',
  '7b-full-fine-tuning-memory',
  'chat-templates-loss-masking',
  'sequence-packing',
  'sft-hyperparameters',
  'curating-a-dataset',
  'synthetic-data-distillation',
  'overfitting-validation-loss',
  'llm-as-judge-pitfalls',
  'capability-regression-checks',
  'reward-hacking-and-kl-penalty',
  'qlora-memory-pitfalls',
] as const;

export type CardSlug = (typeof DECK_SLUGS)[number];

/** Link to a card under the site base. */
export function cardHref(slug: string, base: string): string {
  return withBase(base, routes.card(slug));
}

/** The calculator with this URL state, under the site base. */
export function calculatorHref(state: Record<string, string>, base: string): string {
  return `${withBase(base, routes.calculator())}?${new URLSearchParams(state)}`;
}
