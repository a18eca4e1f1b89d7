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

  it('lists the changes that make a run fit the chosen GPU, each with every URL value it sets', () => {
    const run = {
      ...controlDefaults(),
      model: 'llama-3.1-70b',
      method: 'lora',
      seq: '4096',
      batch: '4',
      loss: 'fp32',
      gpu: 'a100-80gb',
    };
    const over = computeView(run);
    const fit = over.result?.fit ?? [];
    expect(fit.map((s) => [s.label, s.set, s.fits])).toEqual([
      ['Turn on gradient checkpointing', { 'grad-checkpointing': '1' }, false],
      ['Use the chunked cross-entropy loss', { 'grad-checkpointing': '1', loss: 'chunked' }, false],
      ['Use 8-bit AdamW', { 'grad-checkpointing': '1', loss: 'chunked', optimizer: 'adamw-8bit' }, false],
      [
        'Train with QLoRA (4-bit base weights)',
        { 'grad-checkpointing': '1', loss: 'chunked', optimizer: 'adamw-8bit', method: 'qlora' },
        true,
      ],
    ]);
    // Needs fall step by step, and the last one is what the calculator then shows.
    for (let k = 1; k < fit.length; k++) expect(fit[k]?.total).toBeLessThan(fit[k - 1]?.total ?? 0);
    const applied = computeView({ ...run, ...fit.at(-1)?.set });
    expect(applied.result?.total).toBe(fit.at(-1)?.total);
    expect(applied.result?.fit).toBeNull();
    // A run that fits, or no GPU chosen: no list.
    expect(computeView({ ...controlDefaults(), gpu: 'a100-80gb' }).result?.fit).toBeNull();
    expect(
      computeView({ ...controlDefaults(), model: 'llama-3.1-70b', method: 'full', gpu: 'none' }).result?.fit,
    ).toBeNull();
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
