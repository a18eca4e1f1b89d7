import { describe, expect, it } from 'vitest';
import { computeView, controlDefaults, controlsFromSearch, GPU_PRESETS } from '../../../src/lib/memory/index.ts';

describe('calculator view', () => {
  const defaults = controlDefaults();

  it('starts from the documented defaults', () => {
    expect(defaults).toMatchObject({
      model: 'llama-3.1-8b',
      method: 'qlora',
      precision: 'mixed-bf16',
      optimizer: 'adamw',
      rank: '8',
      targets: 'qv',
      seq: '2048',
      batch: '1',
      'grad-checkpointing': '0',
      attention: 'flash',
      gpus: '1',
      sharding: 'none',
      'double-quant': '0',
      gpu: 'rtx-4090',
      unit: 'GB',
    });
  });

  it('computes the total, the fit table and the limits for the chosen GPU', () => {
    const v = computeView(defaults);
    expect(v.errors).toEqual({});
    expect(v.query).toBe('model=llama-3.1-8b&method=qlora');
    expect(v.result?.fits.map((f) => f.id)).toEqual(GPU_PRESETS.map((g) => g.id));
    const sum = Object.values(v.result?.components ?? {}).reduce((s, x) => s + x, 0);
    expect(v.result?.total).toBeCloseTo(sum, 3);
    expect(v.result?.maxBatch).toBeGreaterThanOrEqual(1);
    expect(v.result?.maxSeq).toBeGreaterThan(2048);
  });

  it('reports errors by URL parameter name and shows no figure', () => {
    const v = computeView({ ...defaults, rank: '0', seq: 'abc' });
    expect(v.result).toBeNull();
    expect(Object.keys(v.errors).sort()).toEqual(['rank', 'seq']);
    // Links carry valid values only: the invalid ones are dropped (and listed in errors).
    expect(v.query).toBe('model=llama-3.1-8b&method=qlora');
    expect(v.errors).toEqual({
      rank: 'LoRA rank: must be a whole number from 1 to 4,096 (got 0)',
      seq: 'Sequence length: must be a whole number from 1 to 2,097,152 (got "abc")',
    });
  });

  it('maps custom-architecture errors to their parameters', () => {
    const v = computeView({ ...defaults, model: 'custom', heads: '32', 'kv-heads': '5' });
    expect(v.errors['kv-heads']).toMatch(/divide/);
  });

  it('reads a query over the defaults, with preset= as an alias of model=', () => {
    const q = controlsFromSearch('?preset=gemma-2-9b&method=lora&gpu=none&junk=1', defaults);
    expect(q.model).toBe('gemma-2-9b');
    expect(q.gpu).toBe('none');
    expect(q).not.toHaveProperty('junk');
    const v = computeView(q);
    expect(v.gpu).toBeNull();
    expect(v.result?.maxBatch).toBeNull();
  });
});
