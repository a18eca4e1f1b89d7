// biome-ignore-all format: generated table layout
// GENERATED from src/lib/memory by scripts/gen-selector-memory.ts: do not edit.
// After changing the memory model, regenerate with `npm run gen:selector-memory`.
// Layout and meaning: see scripts/gen-selector-memory.ts.

/** [id, name] of the memory model's presets. */
export const MEMORY_MODELS: readonly (readonly [string, string])[] = [
  ['llama-2-7b', 'Llama-2 7B'],
  ['llama-2-13b', 'Llama-2 13B'],
  ['llama-2-70b', 'Llama-2 70B'],
  ['llama-3.1-8b', 'Llama-3.1 8B'],
  ['llama-3.1-70b', 'Llama-3.1 70B'],
  ['llama-3.2-1b', 'Llama-3.2 1B'],
  ['llama-3.2-3b', 'Llama-3.2 3B'],
  ['mistral-7b', 'Mistral 7B (v0.1)'],
  ['mixtral-8x7b', 'Mixtral 8x7B'],
  ['qwen2.5-0.5b', 'Qwen2.5 0.5B'],
  ['qwen2.5-1.5b', 'Qwen2.5 1.5B'],
  ['qwen2.5-7b', 'Qwen2.5 7B'],
  ['qwen2.5-14b', 'Qwen2.5 14B'],
  ['qwen2.5-32b', 'Qwen2.5 32B'],
  ['qwen2.5-72b', 'Qwen2.5 72B'],
  ['gemma-2-2b', 'Gemma-2 2B'],
  ['gemma-2-9b', 'Gemma-2 9B'],
  ['gemma-2-27b', 'Gemma-2 27B'],
  ['phi-3-mini', 'Phi-3-mini (4k)'],
];

/** [id, name, marketed GB, usable bytes] of the memory model's GPUs. */
export const MEMORY_GPUS: readonly (readonly [string, string, number, number])[] = [
  ['t4', 'NVIDIA T4', 16, 16106127360],
  ['l4', 'NVIDIA L4', 24, 24152899584],
  ['rtx-3090', 'NVIDIA GeForce RTX 3090', 24, 25769803776],
  ['rtx-4090', 'NVIDIA GeForce RTX 4090', 24, 25757220864],
  ['a10g', 'NVIDIA A10G', 24, 24146608128],
  ['a6000', 'NVIDIA RTX A6000', 48, 51527024640],
  ['a100-40gb', 'NVIDIA A100 40GB', 40, 42949672960],
  ['a100-80gb', 'NVIDIA A100 80GB', 80, 85899345920],
  ['h100-80gb', 'NVIDIA H100 80GB', 80, 85520809984],
  ['h200', 'NVIDIA H200', 141, 150754820096],
  ['b200', 'NVIDIA B200', 180, 192265846784],
];
