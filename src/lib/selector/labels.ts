/** Human labels for selector values (short, shared by the island, the static table and the engine's texts). */
import { formatCount } from './numbers.ts';
import { MIN_EXAMPLES } from './thresholds.ts';
import type { DataKind, Goal, InputKey, Objective, Prerequisite, Preserve, Strategy } from './types.ts';

export const GOAL_LABELS: Record<Goal, string> = {
  format: 'Format or schema compliance',
  style: 'Style or tone',
  task: 'A narrow task skill',
  chat: 'Instruction following from a base model',
  knowledge: 'Domain knowledge',
  'fresh-facts': 'Fresh or private facts that change',
  alignment: 'Preference or value alignment',
  verifiable: 'Verifiable correctness (math, code with a checker)',
};

export const DATA_LABELS: Record<DataKind, string> = {
  none: 'None',
  few: `Fewer than ${formatCount(MIN_EXAMPLES)} examples`,
  demonstrations: 'Demonstrations (prompt → good answer)',
  preferences: 'Preference pairs (chosen vs rejected)',
  'binary-feedback': 'Thumbs up/down labels',
  corpus: 'A raw domain corpus',
};

export const PRESERVE_LABELS: Record<Preserve, string> = {
  low: 'Low: forgetting is acceptable',
  medium: 'Medium',
  high: 'High: must keep general skills',
};

export const OBJECTIVE_LABELS: Record<Objective, string> = {
  prompting: "Don't fine-tune yet (prompting or few-shot)",
  rag: 'Retrieval-augmented generation (RAG)',
  sft: 'Supervised fine-tuning (SFT)',
  'continued-pretraining': 'Continued pretraining (then SFT)',
  dpo: 'DPO',
  orpo: 'ORPO',
  kto: 'KTO',
  'rlhf-ppo': 'RLHF with PPO',
  grpo: 'GRPO / RL with verifiable rewards',
};

export const STRATEGY_LABELS: Record<Strategy, string> = {
  full: 'full fine-tuning',
  lora: 'LoRA',
  dora: 'DoRA',
  qlora: 'QLoRA',
  none: 'no training',
  'does-not-fit': 'does not fit',
};

/** "SFT with LoRA", "RAG", "DPO: does not fit". */
export function headlineOf(objective: Objective, strategy: Strategy): string {
  const o = OBJECTIVE_LABELS[objective];
  if (strategy === 'none') return o;
  if (strategy === 'does-not-fit') return `${o}, but it does not fit these GPUs`;
  return `${o} with ${STRATEGY_LABELS[strategy]}`;
}

/** Short label of each answer, shown next to the reasons that come from it. */
export const INPUT_LABELS: Record<InputKey, string> = {
  goal: 'Goal',
  data: 'Data',
  examples: 'Examples',
  tokens: 'Corpus',
  quality: 'Quality',
  eval: 'Evaluation',
  sft: 'Model state',
  model: 'Model',
  gpu: 'GPU',
  gpus: 'GPUs',
  preserve: 'Preserve',
};

export const PREREQUISITE_LABELS: Record<Prerequisite, string> = {
  'eval-set': 'Build a held-out evaluation set and a task metric, and score the untrained model on it.',
  'curate-data': 'Curate the data: deduplicate, fix or drop bad examples (quality beats quantity).',
};
