/**
 * The selector's decision rules, as data. Each rule names the card that explains it (`source`); its condition in
 * words is in rule-conditions.ts (kept out of the island's bundle), its thresholds in thresholds.ts.
 *
 * Two tables:
 * - OBJECTIVE_RULES: ordered, the first rule whose `test` holds sets the objective (and its runner-up).
 * - STRATEGY_RULES: ordered, the first rule whose `test` holds gives the parameter strategies to try, best first;
 *   the engine recommends the first one that fits the GPUs (memory-figures.ts), or "does-not-fit".
 *
 */
import { formatCount as n } from './numbers.ts';
import { CPT_MIN_TOKENS, LARGE_DATA, MIN_EXAMPLES, PPO_MIN_PAIRS } from './thresholds.ts';
import type { Goal, Objective, Reason, SelectorInput, TrainStrategy } from './types.ts';

/** Data kinds counted in `examples`. */
export const COUNTED_DATA: readonly string[] = ['demonstrations', 'preferences', 'binary-feedback'];
/** Goals for which a large raw corpus is worth continued pretraining. */
export const CPT_GOALS: readonly Goal[] = ['knowledge', 'task', 'style', 'verifiable'];

/** What a rule can look at. `ppoFullFits` asks the memory model (lazily). */
export interface RuleContext {
  input: SelectorInput;
  /** Fewer than MIN_EXAMPLES usable examples (none, few, or a count below the threshold). */
  tooFew: boolean;
  /** data = corpus with at least CPT_MIN_TOKENS tokens. */
  bigCorpus: boolean;
  ppoFullFits: () => boolean;
}

export interface ObjectiveRule {
  id: string;
  /** Id of the card that explains the rule (checked against the deck: cited-cards.ts). */
  source: string;
  objective: Objective;
  runnerUp: Objective;
  /** When the runner-up would win. */
  runnerUpWhen: string;
  test: (c: RuleContext) => boolean;
  reasons: (c: RuleContext) => Reason[];
}

function fewReason({ input }: RuleContext): Reason {
  if (input.data === 'none') return { input: 'data', text: 'With no examples there is nothing to train on yet.' };
  return {
    input: input.data === 'few' ? 'data' : 'examples',
    text: `${input.data === 'few' ? `Under ${n(MIN_EXAMPLES)}` : n(input.examples)} examples: too few to train on, enough for few-shot prompts and a first eval.`,
  };
}

const goal = (text: string): Reason => ({ input: 'goal', text });
const keep = (text: string): Reason => ({ input: 'preserve', text });

export const OBJECTIVE_RULES: readonly ObjectiveRule[] = [
  {
    id: 'fresh-facts',
    source: 'fine-tune-vs-prompt-vs-rag',
    objective: 'rag',
    runnerUp: 'sft',
    runnerUpWhen: 'On top of retrieval, only for the answer format, if prompting cannot hold it.',
    test: (c) => c.input.goal === 'fresh-facts',
    reasons: () => [
      goal(
        'Facts that change belong in an index you can update any day; trained-in facts go stale and cannot cite a source.',
      ),
    ],
  },
  {
    id: 'few-alignment',
    source: 'preference-data',
    objective: 'prompting',
    runnerUp: 'dpo',
    runnerUpWhen: 'Once you have hundreds of preference pairs (ORPO from a base model, KTO from thumbs labels).',
    test: (c) => c.tooFew && c.input.goal === 'alignment',
    reasons: (c) => [
      fewReason(c),
      goal('Steer with a system prompt while you collect preference pairs or thumbs labels.'),
    ],
  },
  {
    id: 'few-knowledge',
    source: 'fine-tune-vs-prompt-vs-rag',
    objective: 'prompting',
    runnerUp: 'rag',
    runnerUpWhen: 'As soon as you have domain documents to index.',
    test: (c) => c.tooFew && c.input.goal === 'knowledge',
    reasons: (c) => [fewReason(c), goal('First check what the model already knows when asked well.')],
  },
  {
    id: 'few-verifiable',
    source: 'grpo-rlvr',
    objective: 'prompting',
    runnerUp: 'grpo',
    runnerUpWhen: `With ${n(MIN_EXAMPLES)}+ problems your checker can grade, on an instruction-tuned model.`,
    test: (c) => c.tooFew && c.input.goal === 'verifiable',
    reasons: (c) => [fewReason(c), goal('Score prompted answers with the checker: it is your eval.')],
  },
  {
    id: 'few',
    source: 'fine-tune-vs-prompt-vs-rag',
    objective: 'prompting',
    runnerUp: 'sft',
    runnerUpWhen: `With ${n(MIN_EXAMPLES)}+ curated demonstrations, once few-shot prompting plateaus on your eval.`,
    test: (c) => c.tooFew,
    reasons: (c) => [fewReason(c)],
  },
  {
    id: 'cpt-knowledge',
    source: 'catastrophic-forgetting',
    objective: 'continued-pretraining',
    runnerUp: 'rag',
    runnerUpWhen: 'When answers must cite sources, facts change, or general skills must be kept.',
    test: (c) => c.input.goal === 'knowledge' && c.bigCorpus && c.input.preserve !== 'high',
    reasons: (c) => [
      {
        input: 'tokens',
        text: `${n(c.input.tokens)} tokens is enough to continue pretraining on; SFT then restores instruction following.`,
      },
      keep('Some forgetting of general skills, which this causes, is acceptable.'),
    ],
  },
  {
    id: 'cpt-skill',
    source: 'catastrophic-forgetting',
    objective: 'continued-pretraining',
    runnerUp: 'sft',
    runnerUpWhen: "When the model already knows the domain's language and you can write demonstrations.",
    test: (c) => CPT_GOALS.includes(c.input.goal) && c.bigCorpus && c.input.preserve !== 'high',
    reasons: (c) => [
      {
        input: 'tokens',
        text: `${n(c.input.tokens)} tokens adapt the model to the domain's language; SFT on demonstrations then teaches the task.`,
      },
      keep('Some forgetting of general skills is acceptable.'),
    ],
  },
  {
    id: 'corpus-knowledge',
    source: 'fine-tune-vs-prompt-vs-rag',
    objective: 'rag',
    runnerUp: 'continued-pretraining',
    runnerUpWhen: `With ${n(CPT_MIN_TOKENS)}+ tokens and some forgetting acceptable.`,
    test: (c) => c.input.goal === 'knowledge' && c.input.data === 'corpus',
    reasons: (c) => [
      c.bigCorpus
        ? keep('General skills must be kept: retrieval adds knowledge without changing weights.')
        : {
            input: 'tokens',
            text: `${n(c.input.tokens)} tokens is small for continued pretraining; index it for retrieval.`,
          },
    ],
  },
  {
    id: 'corpus-other',
    source: 'synthetic-data-distillation',
    objective: 'prompting',
    runnerUp: 'sft',
    runnerUpWhen: `Once you turn the corpus into ${n(MIN_EXAMPLES)}+ demonstrations (e.g. distilled from a stronger model).`,
    test: (c) => c.input.data === 'corpus',
    reasons: (c) => [
      { input: 'data', text: 'A raw corpus shows domain text, not the behaviour you want.' },
      ...(c.bigCorpus && c.input.preserve === 'high'
        ? [keep('Continued pretraining would cost general skills you must keep.')]
        : []),
    ],
  },
  {
    id: 'knowledge',
    source: 'fine-tune-vs-prompt-vs-rag',
    objective: 'rag',
    runnerUp: 'continued-pretraining',
    runnerUpWhen: `With a raw corpus of ${n(CPT_MIN_TOKENS)}+ tokens and some forgetting acceptable.`,
    test: (c) => c.input.goal === 'knowledge',
    reasons: () => [
      goal('Fine-tuning on Q&A pairs teaches the format more reliably than the facts; retrieval supplies the facts.'),
      { input: 'data', text: 'Use your examples to evaluate retrieval, or to tune the answer format on top.' },
    ],
  },
  {
    id: 'verifiable-rl',
    source: 'grpo-rlvr',
    objective: 'grpo',
    runnerUp: 'sft',
    runnerUpWhen: 'SFT on checked solutions (rejection sampling), when the model rarely solves a problem.',
    test: (c) => c.input.goal === 'verifiable' && c.input.sft === 'yes',
    reasons: (c) => [
      goal('An automatic checker is a reward style cannot fool: RL with verifiable rewards optimizes it directly.'),
      { input: 'sft', text: 'The model is instruction-tuned, so its answers can be graded.' },
      {
        input: 'examples',
        text: `Your ${n(c.input.examples)} examples serve as prompts; GRPO samples and scores its own answers.`,
      },
    ],
  },
  {
    id: 'verifiable-base',
    source: 'instruction-tuning-sft',
    objective: 'sft',
    runnerUp: 'grpo',
    runnerUpWhen: 'Once the model follows the answer format and solves some problems.',
    test: (c) => c.input.goal === 'verifiable' && c.input.data === 'demonstrations',
    reasons: () => [
      { input: 'sft', text: 'A base model first needs SFT on worked solutions to answer in a gradable format.' },
    ],
  },
  {
    id: 'ppo',
    source: 'rlhf-ppo',
    objective: 'rlhf-ppo',
    runnerUp: 'dpo',
    runnerUpWhen: 'Simpler and cheaper: no reward model, no sampling.',
    test: (c) =>
      c.input.goal === 'alignment' &&
      c.input.data === 'preferences' &&
      c.input.sft === 'yes' &&
      c.input.examples >= PPO_MIN_PAIRS &&
      c.ppoFullFits(),
    reasons: (c) => [
      {
        input: 'examples',
        text: `${n(c.input.examples)} pairs can train a reward model worth optimizing against online.`,
      },
      { input: 'gpus', text: 'Your GPUs hold the four models PPO needs (policy, reference, reward, value).' },
    ],
  },
  {
    id: 'dpo',
    source: 'dpo',
    objective: 'dpo',
    runnerUp: 'rlhf-ppo',
    runnerUpWhen: `With ${n(PPO_MIN_PAIRS)}+ pairs and GPUs for four models: a learned reward and online sampling.`,
    test: (c) => c.input.data === 'preferences' && c.input.sft === 'yes',
    reasons: () => [
      {
        input: 'data',
        text: 'DPO trains on preference pairs with a classification-style loss: no reward model, no RL.',
      },
      { input: 'sft', text: 'It starts from an instruction-tuned model, which you have.' },
    ],
  },
  {
    id: 'orpo',
    source: 'orpo',
    objective: 'orpo',
    runnerUp: 'dpo',
    runnerUpWhen: 'After a separate SFT stage, if you also have demonstrations.',
    test: (c) => c.input.data === 'preferences',
    reasons: () => [
      { input: 'sft', text: 'A base model: ORPO does SFT and preference alignment in one stage.' },
      { input: 'data', text: 'It trains on your pairs without a reference model.' },
    ],
  },
  {
    id: 'kto',
    source: 'kto',
    objective: 'kto',
    runnerUp: 'dpo',
    runnerUpWhen: 'When each prompt has a good and a bad answer you can pair.',
    test: (c) => c.input.data === 'binary-feedback',
    reasons: (c) => [
      { input: 'data', text: 'KTO learns from unpaired good/bad labels; DPO needs paired answers to the same prompt.' },
      ...(c.input.sft === 'no'
        ? [{ input: 'sft' as const, text: 'On a base model, SFT on the thumbs-up answers first.' }]
        : []),
    ],
  },
  {
    id: 'sft-alignment',
    source: 'instruction-tuning-sft',
    objective: 'sft',
    runnerUp: 'dpo',
    runnerUpWhen: "Once you collect preference pairs on the SFT model's answers.",
    test: (c) => c.input.goal === 'alignment' && c.input.data === 'demonstrations',
    reasons: () => [
      { input: 'data', text: 'Demonstrations teach behaviour by imitation: SFT is the first stage of alignment.' },
    ],
  },
  {
    id: 'sft-chat',
    source: 'instruction-tuning-sft',
    objective: 'sft',
    runnerUp: 'prompting',
    runnerUpWhen: 'If an instruction-tuned model passes your eval with a system prompt.',
    test: (c) => c.input.goal === 'chat' && c.input.data === 'demonstrations',
    reasons: (c) => [
      {
        input: 'sft',
        text:
          c.input.sft === 'no'
            ? 'A base model continues text; SFT on instruction-answer pairs teaches it to follow instructions.'
            : 'SFT adapts an instruction-tuned model to your instructions and style.',
      },
      { input: 'examples', text: `${n(c.input.examples)} curated demonstrations are enough for instruction tuning.` },
    ],
  },
  {
    id: 'sft',
    source: 'instruction-tuning-sft',
    objective: 'sft',
    runnerUp: 'prompting',
    runnerUpWhen: 'When few-shot prompting (or constrained decoding for a schema) passes your eval.',
    test: (c) => c.input.data === 'demonstrations',
    reasons: (c) => [
      goal('Format, style and narrow skills are what SFT learns well from consistent demonstrations.'),
      { input: 'examples', text: `${n(c.input.examples)} demonstrations are enough to train on.` },
    ],
  },
  {
    id: 'fallback',
    source: 'fine-tuning-strategy',
    objective: 'prompting',
    runnerUp: 'sft',
    runnerUpWhen: `With ${n(MIN_EXAMPLES)}+ curated demonstrations.`,
    test: () => true,
    reasons: () => [goal('Start with prompting and an eval.')],
  },
];

export interface StrategyRule {
  id: string;
  /** Id of the card that explains the rule (checked against the deck: cited-cards.ts). */
  source: string;
  /** Strategies to try, best first; the first that fits the GPUs is recommended. */
  order: readonly TrainStrategy[];
  test: (objective: Objective, input: SelectorInput) => boolean;
}

export const NO_TRAINING: readonly Objective[] = ['prompting', 'rag'];

export const STRATEGY_RULES: readonly StrategyRule[] = [
  {
    id: 'capacity',
    source: 'full-fine-tuning',
    order: ['full', 'dora', 'lora', 'qlora'],
    test: (objective, input) =>
      input.preserve === 'low' &&
      (objective === 'continued-pretraining' || (COUNTED_DATA.includes(input.data) && input.examples >= LARGE_DATA)),
  },
  { id: 'adapters', source: 'lora-learns-less-forgets-less', order: ['lora', 'qlora'], test: () => true },
];
