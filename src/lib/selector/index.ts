/** Public entry of the method selector engine (pure TS). */
export * from './types.ts';
export * from './labels.ts';
export * from './links.ts';
export { OBJECTIVE_RULES, STRATEGY_RULES, type ObjectiveRule, type StrategyRule } from './rules.ts';
export { CPT_MIN_TOKENS, LARGE_DATA, MIN_EXAMPLES, PPO_MIN_PAIRS } from './thresholds.ts';
export { ASSUMPTIONS } from './memory-assumptions.ts';
export { recommend, calculatorState, objectiveRuleFor } from './engine.ts';
export { CITED_CARDS, citedCardTitles, PREREQUISITE_CARDS } from './cited-cards.ts';
export { normalizeInput, DEFAULT_INPUT, PRESETS, MODEL_IDS, GPU_IDS } from './input.ts';
export { MAX_COUNT, MAX_GPUS } from './limits.ts';
export { formatCount, gb, parseCount } from './numbers.ts';
export { parseSelectorParams, serializeSelectorParams, inputFromParams, type Notice } from './url.ts';
export { WORKED_EXAMPLES, type WorkedExample } from './examples.ts';
export { MEMORY_GPUS, MEMORY_MODELS } from './model-gpu-presets.ts';
