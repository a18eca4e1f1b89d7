// `npm run gen:selector-memory`: writes the selector's copy of the memory model, src/lib/selector/memory-table.ts and
// model-gpu-presets.ts, from src/lib/memory. Run it after changing the memory model; the unit tests fail until the
// files are fresh (tests/unit/selector/memory-table.test.ts). The selector ships this compact table instead of the
// memory model itself to keep the island within the page's 15 kB JS budget.
//
// Per GPU, the memory model's estimate is exactly linear in 1/N (ZeRO-3/FSDP shards weights, gradients and optimizer
// states; activations, logits and the gathered blocks do not depend on N) and in the micro-batch (activations and
// logits scale with tokens), with the allocator reserve a fixed fraction of both. So for each model and method the
// table keeps seven numbers (MB, at the selector's assumptions), from which memory-figures.ts rebuilds any N and
// batch:
//   n1  per-GPU bytes on 1 GPU, micro-batch 1          ddp  the same on N > 1 GPUs without sharding (DDP)
//   z0, z1  sharded per-GPU bytes = z0 + z1 / N        seq  extra bytes per extra sequence in the micro-batch
//   w   the weights component (unsharded)               go   gradients + optimizer components (unsharded)
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { estimateMemory, GPU_PRESETS, SELECTOR_MODEL_PRESETS } from '../src/lib/memory/index.ts';
import { shardingOptions, trainingInputFor } from '../src/lib/selector/memory-inputs.ts';
import { TRAIN_STRATEGIES, type TrainStrategy } from '../src/lib/selector/types.ts';

/** The command that regenerates the files (named in the freshness test's message). */
export const GENERATE_COMMAND = 'npm run gen:selector-memory';

const MB = 1e6;
const q = (s: string) => `'${s.replace(/['\\]/g, '\\$&')}'`;
const HEADER = `// biome-ignore-all format: generated table layout
// GENERATED from src/lib/memory by scripts/gen-selector-memory.ts: do not edit.
// After changing the memory model, regenerate with \`${GENERATE_COMMAND}\`.
// Layout and meaning: see scripts/gen-selector-memory.ts.`;

function perGpu(model: string, method: TrainStrategy, gpus: number, sharding: string, batch: number) {
  const r = estimateMemory(trainingInputFor(method, model, gpus, sharding as never, batch));
  if (!r.ok) throw new Error(`${model} ${method}: ${JSON.stringify(r.errors)}`);
  return r.estimate;
}

/**
 * 23 numbers (MB) per model, in MEMORY_MODELS order: w (16-bit weights), wq (QLoRA weights), go (gradients and
 * optimizer states of full fine-tuning), then for full, lora, dora, qlora: n1, ddp − n1, z0, z1, seq.
 */
export function memoryRows(): number[][] {
  const rows: number[][] = [];
  for (const m of SELECTOR_MODEL_PRESETS) {
    const head: number[] = [];
    const body: number[] = [];
    for (const method of TRAIN_STRATEGIES) {
      const shard = shardingOptions(method, 2).at(-1) ?? 'zero3';
      const one = perGpu(m.id, method, 1, 'none', 1);
      const ddp = perGpu(m.id, method, 2, 'none', 1).perGpuBytes;
      const f2 = perGpu(m.id, method, 2, shard, 1).perGpuBytes;
      const f4 = perGpu(m.id, method, 4, shard, 1).perGpuBytes;
      const z1 = 4 * (f2 - f4);
      const z0 = f2 - z1 / 2;
      const seq = perGpu(m.id, method, 1, 'none', 2).perGpuBytes - one.perGpuBytes;
      const c = one.components;
      if (method === 'full') head.push(c.weights, 0, c.gradients + c.optimizer);
      else if (method === 'qlora') head[1] = c.weights;
      else if (Math.abs(c.weights - (head[0] ?? 0)) > MB)
        throw new Error(`${m.id}: ${method} weights differ from full`);
      body.push(one.perGpuBytes, ddp - one.perGpuBytes, z0, z1, seq);
    }
    rows.push([...head, ...body].map((x) => Math.round(x / MB)));
  }
  return rows;
}

/** Source text of src/lib/selector/model-gpu-presets.ts. */
export function presetsSource(): string {
  const models = SELECTOR_MODEL_PRESETS.map((m) => `  [${q(m.id)}, ${q(m.name)}],`).join('\n');
  const gpus = GPU_PRESETS.map((g) => `  [${q(g.id)}, ${q(g.name)}, ${g.memoryGB}, ${g.usableBytes}],`).join('\n');
  return `${HEADER}

/** [id, name] of the memory model's presets. */
export const MEMORY_MODELS: readonly (readonly [string, string])[] = [
${models}
];

/** [id, name, marketed GB, usable bytes] of the memory model's GPUs. */
export const MEMORY_GPUS: readonly (readonly [string, string, number, number])[] = [
${gpus}
];
`;
}

/** Source text of src/lib/selector/memory-table.ts. */
export function memoryTableSource(): string {
  const rows = memoryRows()
    .map(
      (r, i) =>
        `  // ${SELECTOR_MODEL_PRESETS[i]?.id}\n  ${r.slice(0, 3).join(', ')},\n  ${[0, 1, 2, 3].map((k) => r.slice(3 + 5 * k, 8 + 5 * k).join(', ')).join(',  ')},`,
    )
    .join('\n');
  return `${HEADER} Model order: model-gpu-presets.ts.

/** Per model: w, wq, go, then for full, lora, dora, qlora: n1, ddp - n1, z0, z1, seq (MB). */
export const MEMORY_TABLE: readonly number[] = [
${rows}
];
`;
}

/** Each generated file (path from the project root) with its fresh text. */
export function generatedFiles(): { path: string; text: string }[] {
  return [
    { path: 'src/lib/selector/model-gpu-presets.ts', text: presetsSource() },
    { path: 'src/lib/selector/memory-table.ts', text: memoryTableSource() },
  ];
}

/** The generated files whose text on disk differs from a fresh run, under `root`. */
export function staleFiles(root: string): string[] {
  return generatedFiles()
    .filter(({ path, text }) => {
      try {
        return readFileSync(resolve(root, path), 'utf8') !== text;
      } catch {
        return true;
      }
    })
    .map((f) => f.path);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const stale = new Set(staleFiles(root));
  for (const { path, text } of generatedFiles()) {
    if (stale.has(path)) writeFileSync(resolve(root, path), text);
    console.log(`${stale.has(path) ? 'wrote' : 'up to date'}: ${path}`);
  }
}
