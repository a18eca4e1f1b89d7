/** The rules' conditions in words, for the static decision table (kept out of the island's bundle). */
import { formatCount as n } from './numbers.ts';
import { CPT_MIN_TOKENS, LARGE_DATA, MIN_EXAMPLES, PPO_MIN_PAIRS } from './thresholds.ts';

const few = `fewer than ${n(MIN_EXAMPLES)} examples or none`;
const corpus = `a corpus of ${n(CPT_MIN_TOKENS)}+ tokens`;

export const RULE_WHEN: Record<string, string> = {
  'fresh-facts': 'Goal: fresh or private facts that change (any data)',
  'few-alignment': `Goal: alignment, with ${few}`,
  'few-knowledge': `Goal: domain knowledge, with ${few}`,
  'few-verifiable': `Goal: verifiable correctness, with ${few}`,
  few: `Fewer than ${n(MIN_EXAMPLES)} examples or none (other goals)`,
  'cpt-knowledge': `Goal: domain knowledge; ${corpus}; preserve low or medium`,
  'cpt-skill': `Goal: task, style or verifiable; ${corpus}; preserve low or medium`,
  'corpus-knowledge': `Goal: domain knowledge; a corpus under ${n(CPT_MIN_TOKENS)} tokens, or preserve high`,
  'corpus-other': 'A raw corpus for format, chat or alignment (or too small, or preserve high)',
  knowledge: 'Goal: domain knowledge, with demonstrations or feedback',
  'verifiable-rl': `Goal: verifiable correctness; model already instruction-tuned; ${n(MIN_EXAMPLES)}+ problems`,
  'verifiable-base': 'Goal: verifiable correctness; base model; demonstrations',
  ppo: `Goal: alignment; instruction-tuned model; ${n(PPO_MIN_PAIRS)}+ preference pairs; PPO with full fine-tuning fits the GPUs`,
  dpo: 'Preference pairs on an instruction-tuned model',
  orpo: 'Preference pairs on a base model',
  kto: 'Only thumbs up/down labels',
  'sft-alignment': 'Goal: alignment; demonstrations only',
  'sft-chat': 'Goal: instruction following; demonstrations',
  sft: 'Goal: format, style or task; demonstrations',
  fallback: 'Anything else',
  capacity: `Continued pretraining, or ${n(LARGE_DATA)}+ examples, with preserve low`,
  adapters: 'Otherwise (less data, or general skills to keep): never full fine-tuning',
};
