/** The rules' conditions in words, for the static decision table (kept out of the island's bundle). */
import { formatCount } from './numbers.ts';
import { LARGE_DATA, PPO_MIN_PAIRS } from './rules.ts';

export const RULE_WHEN: Record<string, string> = {
  'fresh-facts': 'Goal: fresh or private facts that change (any data)',
  'few-alignment': 'Goal: alignment, with fewer than 50 examples or none',
  'few-knowledge': 'Goal: domain knowledge, with fewer than 50 examples or none',
  'few-verifiable': 'Goal: verifiable correctness, with fewer than 50 examples or none',
  few: 'Fewer than 50 examples or none (other goals)',
  'cpt-knowledge': 'Goal: domain knowledge; a corpus of 100M+ tokens; preserve low or medium',
  'cpt-skill': 'Goal: task, style or verifiable; a corpus of 100M+ tokens; preserve low or medium',
  'corpus-knowledge': 'Goal: domain knowledge; a corpus under 100M tokens, or preserve high',
  'corpus-other': 'A raw corpus for format, chat or alignment (or too small, or preserve high)',
  knowledge: 'Goal: domain knowledge, with demonstrations or feedback',
  'verifiable-rl': 'Goal: verifiable correctness; model already instruction-tuned; 50+ problems',
  'verifiable-base': 'Goal: verifiable correctness; base model; demonstrations',
  ppo: `Goal: alignment; instruction-tuned model; ${formatCount(PPO_MIN_PAIRS)}+ preference pairs; PPO with full fine-tuning fits the GPUs`,
  dpo: 'Preference pairs on an instruction-tuned model',
  orpo: 'Preference pairs on a base model',
  kto: 'Only thumbs up/down labels',
  'sft-alignment': 'Goal: alignment; demonstrations only',
  'sft-chat': 'Goal: instruction following; demonstrations',
  sft: 'Goal: format, style or task; demonstrations',
  fallback: 'Anything else',
  capacity: `Continued pretraining, or ${formatCount(LARGE_DATA)}+ examples, with preserve low`,
  adapters: 'Otherwise (less data, or general skills to keep): never full fine-tuning',
};
