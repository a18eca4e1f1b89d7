/**
 * Types of the method selector. Pure TypeScript: no DOM, no astro:*.
 *
 * The input mirrors the URL contract exactly: goal, data, examples, tokens, quality, eval, sft, model, gpu, gpus,
 * preserve. Values are the URL spellings so that parse/serialize is lossless.
 */

export const GOALS = [
  'format',
  'style',
  'task',
  'chat',
  'knowledge',
  'fresh-facts',
  'alignment',
  'verifiable',
] as const;
export const DATA_KINDS = ['none', 'few', 'demonstrations', 'preferences', 'binary-feedback', 'corpus'] as const;
export const QUALITIES = ['curated', 'noisy'] as const;
export const YES_NO = ['yes', 'no'] as const;
export const PRESERVE_LEVELS = ['low', 'medium', 'high'] as const;

export type Goal = (typeof GOALS)[number];
export type DataKind = (typeof DATA_KINDS)[number];
export type Quality = (typeof QUALITIES)[number];
export type YesNo = (typeof YES_NO)[number];
export type Preserve = (typeof PRESERVE_LEVELS)[number];

/** The selector's answers. Every field is present after `normalizeInput`. */
export interface SelectorInput {
  goal: Goal;
  data: DataKind;
  /** Count of demonstrations, preference pairs or binary labels (used when data is one of those). */
  examples: number;
  /** Corpus size in tokens (used when data = corpus). */
  tokens: number;
  quality: Quality;
  /** A held-out evaluation set with a task metric exists. */
  eval: YesNo;
  /** The model is already instruction-tuned (SFT'd). */
  sft: YesNo;
  /** A model preset id of the memory model. */
  model: string;
  /** A GPU preset id of the memory model. */
  gpu: string;
  /** Number of GPUs. */
  gpus: number;
  /** How much general capability must be preserved. */
  preserve: Preserve;
}

export type InputKey = keyof SelectorInput;
export const INPUT_KEYS: readonly InputKey[] = [
  'goal',
  'data',
  'examples',
  'tokens',
  'quality',
  'eval',
  'sft',
  'model',
  'gpu',
  'gpus',
  'preserve',
];

export const OBJECTIVES = [
  'prompting',
  'rag',
  'sft',
  'continued-pretraining',
  'dpo',
  'orpo',
  'kto',
  'rlhf-ppo',
  'grpo',
] as const;
export type Objective = (typeof OBJECTIVES)[number];

export const STRATEGIES = ['full', 'lora', 'dora', 'qlora', 'none', 'does-not-fit'] as const;
export type Strategy = (typeof STRATEGIES)[number];
/** The strategies that train weights (and so have a memory estimate), in the memory table's order. */
export const TRAIN_STRATEGIES = ['full', 'lora', 'dora', 'qlora'] as const;
export type TrainStrategy = (typeof TRAIN_STRATEGIES)[number];

export const PREREQUISITES = ['eval-set', 'curate-data'] as const;
export type Prerequisite = (typeof PREREQUISITES)[number];

/** A reason always names the answer (input) it comes from. */
export interface Reason {
  input: InputKey;
  text: string;
}

export interface RunnerUp {
  objective: Objective;
  strategy: Strategy;
  /** When the runner-up would win. */
  when: string;
}

export interface StrategyRunnerUp {
  strategy: Strategy;
  when: string;
}

/** A single input change that changes the answer (computed by re-running the engine). */
export interface Flip {
  input: InputKey;
  /** The changed value, as the URL would spell it. */
  value: string;
  /** The answers to change (a data change may also set a count); apply with `{ ...input, ...patch }`. */
  patch: Partial<SelectorInput>;
  objective: Objective;
  strategy: Strategy;
  text: string;
}

/** Per-GPU memory figure for the recommended (or, if nothing fits, the smallest) configuration. */
export interface MemoryFigure {
  method: TrainStrategy;
  sharding: string;
  batch: number;
  /** Bytes per GPU for training, as the calculator computes it for `calculator` state. */
  trainingBytes: number;
  /** Extra bytes per GPU for frozen companion models (reference, reward, value) the calculator does not show. */
  extraBytes: number;
  extraNote: string;
  perGpuBytes: number;
  usableBytes: number;
  fits: boolean;
}

/** A card the answer links to (its title comes from the deck at build time). */
export interface CardRef {
  slug: string;
}

export interface Recommendation {
  input: SelectorInput;
  /** Id of the objective rule that fired (see OBJECTIVE_RULES). */
  rule: string;
  objective: Objective;
  strategy: Strategy;
  /** Unmet prerequisites, in the order to do them: eval-set first. */
  prerequisites: Prerequisite[];
  reasons: Reason[];
  runnerUp: RunnerUp;
  strategyRunnerUp: StrategyRunnerUp | null;
  flips: Flip[];
  memory: MemoryFigure | null;
  /** Calculator URL state (parameter name → value), null when nothing is trained. */
  calculator: Record<string, string> | null;
  cards: CardRef[];
  /** One-line headline, e.g. "SFT with LoRA". */
  headline: string;
}
