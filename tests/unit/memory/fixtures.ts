// Shared by the memory model's tests. Custom architectures used by the tests live with the published figures in the
// library.
import { type Estimate, estimateMemory, type TrainingInput } from '../../../src/lib/memory/index.ts';

export { GPT3_175B, LLAMA_65B } from '../../../src/lib/memory/published.ts';

/** The estimate for a valid input; throws with the errors when the input is invalid (a test bug). */
export function est(input: TrainingInput): Estimate {
  const r = estimateMemory(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.estimate;
}
