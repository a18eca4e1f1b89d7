import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GENERATE_COMMAND, staleFiles } from '../../../scripts/gen-selector-memory.ts';
import { estimateMemory, formatBytes, GPU_PRESETS, SELECTOR_MODEL_PRESETS } from '../../../src/lib/memory/index.ts';
import { gb, type Objective, TRAIN_STRATEGIES } from '../../../src/lib/selector/index.ts';
import { shardingOptions, trainingInputFor } from '../../../src/lib/selector/memory-inputs.ts';
import { figure } from '../../../src/lib/selector/memory-figures.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('memory table (the selector ships it instead of the memory model)', () => {
  it(`is up to date with src/lib/memory (regenerate with \`${GENERATE_COMMAND}\`)`, () => {
    const stale = staleFiles(root);
    expect(stale, `out of date with src/lib/memory: ${stale.join(', ')}; run \`${GENERATE_COMMAND}\``).toEqual([]);
  });

  it('rebuilds estimateMemory within 3 MB for every model, method, GPU count and batch', () => {
    const objectives: [Objective, number][] = [
      ['sft', 1],
      ['dpo', 2],
    ];
    let worst = 0;
    for (const m of SELECTOR_MODEL_PRESETS)
      for (const method of TRAIN_STRATEGIES)
        for (const gpus of [1, 2, 3, 4, 8, 16, 64])
          for (const sharding of shardingOptions(method, gpus))
            for (const [objective, batch] of objectives) {
              const e = estimateMemory(trainingInputFor(method, m.id, gpus, sharding, batch));
              expect(e.ok).toBe(true);
              if (!e.ok) continue;
              const f = figure(objective, method, m.id, 'h100-80gb', gpus, sharding);
              expect(f).not.toBeNull();
              const diff = Math.abs((f?.trainingBytes ?? 0) - e.estimate.perGpuBytes);
              worst = Math.max(worst, diff);
              expect(diff, `${m.id} ${method} ${gpus} ${sharding} b${batch}`).toBeLessThan(3e6);
            }
    expect(worst).toBeLessThan(3e6);
  });

  it('reference-model extras equal the weights component (sharded like it)', () => {
    for (const gpus of [1, 8]) {
      const sharding = shardingOptions('full', gpus).at(-1) ?? 'none';
      const e = estimateMemory(trainingInputFor('full', 'llama-3.1-8b', gpus, sharding, 2));
      const f = figure('dpo', 'full', 'llama-3.1-8b', 'h100-80gb', gpus, sharding);
      if (e.ok) expect(Math.abs((f?.extraBytes ?? 0) - e.estimate.components.weights)).toBeLessThan(1e6);
    }
  });

  it('uses the memory model GPU capacities and formats bytes like formatBytes', () => {
    for (const g of GPU_PRESETS)
      expect(figure('sft', 'lora', 'llama-3.2-1b', g.id, 1, 'none')?.usableBytes).toBe(g.usableBytes);
    for (const b of [0, 1e9, 20_649_123_456, 1.23e12]) expect(gb(b)).toBe(formatBytes(b, 'GB', 1));
  });
});
