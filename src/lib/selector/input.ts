/** The selector's answers: defaults, presets and normalization (the island loads them with the engine). */
import { MAX_COUNT, MAX_GPUS } from './limits.ts';
import { MEMORY_GPUS, MEMORY_MODELS } from './model-gpu-presets.ts';
import { CPT_MIN_TOKENS } from './thresholds.ts';
import { DATA_KINDS, GOALS, type InputKey, PRESERVE_LEVELS, QUALITIES, type SelectorInput, YES_NO } from './types.ts';

export const MODEL_IDS: readonly string[] = MEMORY_MODELS.map((m) => m[0]);
export const GPU_IDS: readonly string[] = MEMORY_GPUS.map((g) => g[0]);

const pick = (ids: readonly string[], wanted: string) => (ids.includes(wanted) ? wanted : (ids[0] ?? wanted));

export const DEFAULT_INPUT: SelectorInput = {
  goal: 'task',
  data: 'demonstrations',
  examples: 1000,
  // The smallest corpus the rules consider for continued pretraining.
  tokens: CPT_MIN_TOKENS,
  quality: 'curated',
  eval: 'no',
  sft: 'yes',
  model: pick(MODEL_IDS, 'llama-3.1-8b'),
  gpu: pick(GPU_IDS, 'rtx-4090'),
  gpus: 1,
  preserve: 'medium',
};

/** Starting answers for `<MethodSelectorIsland preset="…" />`. */
export const PRESETS: Record<string, Partial<SelectorInput>> = {
  default: {},
  alignment: { goal: 'alignment', data: 'preferences', examples: 10_000, model: 'mistral-7b', gpu: 'a100-80gb' },
  chat: { goal: 'chat', examples: 3000, sft: 'no' },
  knowledge: { goal: 'knowledge', data: 'corpus', tokens: 5e8, gpu: 'h100-80gb', gpus: 8, preserve: 'low' },
  verifiable: { goal: 'verifiable', examples: 5000, model: 'qwen2.5-7b', gpu: 'h100-80gb' },
  'fresh-facts': { goal: 'fresh-facts', data: 'none' },
};

function oneOf<T extends string>(values: readonly T[], v: unknown, fallback: T): T {
  return (values as readonly unknown[]).includes(v) ? (v as T) : fallback;
}

function count(v: unknown, fallback: number, min: number, max: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(max, Math.max(min, Math.floor(v))) : fallback;
}

/** Fills defaults and replaces invalid values by defaults (the URL codec reports them as notices). */
export function normalizeInput(raw?: Partial<SelectorInput> | null): SelectorInput {
  const d = DEFAULT_INPUT;
  const r = (raw ?? {}) as Partial<Record<InputKey, unknown>>;
  return {
    goal: oneOf(GOALS, r.goal, d.goal),
    data: oneOf(DATA_KINDS, r.data, d.data),
    examples: count(r.examples, d.examples, 0, MAX_COUNT),
    tokens: count(r.tokens, d.tokens, 0, MAX_COUNT),
    quality: oneOf(QUALITIES, r.quality, d.quality),
    eval: oneOf(YES_NO, r.eval, d.eval),
    sft: oneOf(YES_NO, r.sft, d.sft),
    model: oneOf(MODEL_IDS, r.model, d.model),
    gpu: oneOf(GPU_IDS, r.gpu, d.gpu),
    gpus: count(r.gpus, d.gpus, 1, MAX_GPUS),
    preserve: oneOf(PRESERVE_LEVELS, r.preserve, d.preserve),
  };
}
