/**
 * The selector's thresholds: rules of thumb, not laws. Every text that states one (rules, conditions, labels, the
 * decision table, worked examples) is written from these constants; tests/unit/selector/thresholds.test.ts fails when a
 * text states another number. Kept apart from the rules so the island's first load (the form's labels) can use them.
 */

/** Below this many examples, use them as few-shot examples rather than training data. */
export const MIN_EXAMPLES = 50;
/** A raw corpus this large (tokens) is worth continued pretraining; smaller ones are better retrieved. */
export const CPT_MIN_TOKENS = 100_000_000;
/** With this many preference pairs (and the GPUs for it), PPO with a learned reward model becomes an option. */
export const PPO_MIN_PAIRS = 50_000;
/** With this many examples and forgetting acceptable, full fine-tuning's extra capacity can pay off. */
export const LARGE_DATA = 50_000;
