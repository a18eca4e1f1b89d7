/** Worked examples shown in the static decision table, each a full set of answers. */
import { formatCount as n } from './numbers.ts';
import { MIN_EXAMPLES } from './thresholds.ts';
import type { SelectorInput } from './types.ts';

export interface WorkedExample {
  title: string;
  input: Partial<SelectorInput>;
}

// Counts the titles state, each also the example's answer.
const PAIRS = 10_000;
const DEMONSTRATIONS = 3000;
const TOKENS = 500_000_000;
const NOISY = 100_000;

export const WORKED_EXAMPLES: readonly WorkedExample[] = [
  {
    title: `A handful (under ${n(MIN_EXAMPLES)}) of examples for a task`,
    input: { goal: 'task', data: 'few', eval: 'no' },
  },
  {
    title: 'Product facts that change every week',
    input: { goal: 'fresh-facts', data: 'demonstrations', examples: 2000, eval: 'yes' },
  },
  {
    title: `Base 8B model into a chat assistant: ${n(DEMONSTRATIONS)} curated instruction pairs, one 24 GB GPU`,
    input: {
      goal: 'chat',
      data: 'demonstrations',
      examples: DEMONSTRATIONS,
      quality: 'curated',
      eval: 'yes',
      sft: 'no',
      model: 'llama-3.1-8b',
      gpu: 'rtx-4090',
      gpus: 1,
    },
  },
  {
    title: 'A 70B model on one 24 GB GPU',
    input: {
      goal: 'chat',
      data: 'demonstrations',
      examples: 3000,
      eval: 'yes',
      sft: 'no',
      model: 'llama-3.1-70b',
      gpu: 'rtx-4090',
      gpus: 1,
    },
  },
  {
    title: `${n(PAIRS)} preference pairs on an instruction-tuned 7B, one 80 GB GPU`,
    input: {
      goal: 'alignment',
      data: 'preferences',
      examples: PAIRS,
      eval: 'yes',
      sft: 'yes',
      model: 'mistral-7b',
      gpu: 'a100-80gb',
      gpus: 1,
    },
  },
  {
    title: 'The same pairs on a base 7B model',
    input: {
      goal: 'alignment',
      data: 'preferences',
      examples: PAIRS,
      eval: 'yes',
      sft: 'no',
      model: 'mistral-7b',
      gpu: 'a100-80gb',
      gpus: 1,
    },
  },
  {
    title: 'Only thumbs up/down labels from users',
    input: {
      goal: 'alignment',
      data: 'binary-feedback',
      examples: 20_000,
      eval: 'yes',
      sft: 'yes',
      model: 'mistral-7b',
      gpu: 'a100-80gb',
      gpus: 1,
    },
  },
  {
    title: `${n(TOKENS)}-token domain corpus, 8B model, 8×80 GB, forgetting acceptable`,
    input: {
      goal: 'knowledge',
      data: 'corpus',
      tokens: TOKENS,
      eval: 'yes',
      model: 'llama-3.1-8b',
      gpu: 'h100-80gb',
      gpus: 8,
      preserve: 'low',
    },
  },
  {
    title: 'Math with an automatic checker, instruction-tuned 7B',
    input: {
      goal: 'verifiable',
      data: 'demonstrations',
      examples: 7500,
      eval: 'yes',
      sft: 'yes',
      model: 'qwen2.5-7b',
      gpu: 'h100-80gb',
      gpus: 1,
    },
  },
  {
    title: `${n(NOISY)} noisy scraped examples`,
    input: {
      goal: 'task',
      data: 'demonstrations',
      examples: NOISY,
      quality: 'noisy',
      eval: 'no',
      model: 'llama-3.1-8b',
      gpu: 'a100-80gb',
    },
  },
];
