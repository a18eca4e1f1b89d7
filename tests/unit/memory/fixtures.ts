// Shared by the memory model's tests. Custom architectures used by the tests live with the published figures in the
// library.
import {
  type Estimate,
  estimateMemory,
  type NormalizedInput,
  type TrainingInput,
} from '../../../src/lib/memory/index.ts';

export { GPT3_175B, LLAMA_65B } from '../../../src/lib/memory/published.ts';

/** The estimate for a valid input; throws with the errors when the input is invalid (a test bug). */
export function est(input: TrainingInput): Estimate {
  const r = estimateMemory(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.estimate;
}

/** What normalize() fills in for the trainer and step settings a test does not give (pinned once for every test). */
export const STEP_DEFAULTS: Partial<NormalizedInput> = {
  trainer: 'sft',
  reference: 'model',
  klPenalty: false,
  generations: 8,
  completion: 512,
  vllmShare: 0,
  loss: 'chunked',
  loraDropout: 0,
  adapterFp32: true,
  expertAdapters: true,
  quantSavesInput: false,
  quantizeHead: false,
  trainHead: false,
  trainEmbeddings: false,
  optimizerImpl: 'foreach',
  accumulation: 1,
  offload: 'none',
  // the time and cost inputs (src/lib/cost/), which the memory model carries but does not use
  tokens: 0,
  examples: 0,
  exampleTokens: 0,
  epochs: 3,
  priceCents: 0,
  mfu: 0,
};
