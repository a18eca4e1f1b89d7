// "Make it fit" (src/lib/memory/make-fit.ts): the changes, cheapest first, each with what the run then needs.
import { describe, expect, it } from 'vitest';
import { estimateMemory, type TrainingInput } from '../../../src/lib/memory/index.ts';
import { makeItFit } from '../../../src/lib/memory/make-fit.ts';
import { requiredBytes } from '../../../src/lib/memory/post-training.ts';
import { findGpu } from '../../../src/lib/memory/presets.ts';

const A100 = (findGpu('a100-80gb')?.usableBytes ?? 0) as number;

/** What the run needs with the changes up to and including the i-th applied (sequence and gpus apply alone). */
function neededAfter(input: TrainingInput, patches: Partial<TrainingInput>[]): number {
  const r = estimateMemory(Object.assign({}, input, ...patches));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return requiredBytes(r.estimate, A100);
}

describe('make it fit', () => {
  it('70B LoRA on one A100 80GB: checkpointing, chunked loss, 8-bit AdamW, then QLoRA fits with room', () => {
    const input = { model: 'llama-3.1-70b', method: 'lora', seq: 4096, batch: 4, loss: 'fp32' } as const;
    const a = makeItFit(input, 'a100-80gb');
    expect(a.fits).toBe(false);
    expect(a.usableBytes).toBe(A100);
    expect(a.changes.map((c) => [c.id, c.patch, c.fits])).toEqual([
      ['checkpointing', { gradCheckpointing: true }, false],
      ['chunked-loss', { loss: 'chunked' }, false],
      ['optimizer-8bit', { optimizer: 'adamw-8bit' }, false],
      ['qlora', { method: 'qlora' }, true],
    ]);
    // each figure is the model's estimate of the run with that change and the ones before it
    a.changes.forEach((c, i) => {
      expect(c.neededBytes).toBe(
        neededAfter(
          input,
          a.changes.slice(0, i + 1).map((x) => x.patch),
        ),
      );
    });
    expect(a.changes.map((c) => Math.round(c.neededBytes / 1e9))).toEqual([207, 180, 180, 77]);
    expect(a.room).toEqual({ maxBatch: 5, maxSeq: 5276 });
  });

  it('70B full fine-tuning: no checkpointing (the optimizer step sets the peak); then a shorter sequence or 2 GPUs', () => {
    const input = { model: 'llama-3.1-70b', method: 'full' } as const;
    const a = makeItFit(input, 'a100-80gb');
    expect(a.changes.map((c) => [c.id, c.patch, c.fits])).toEqual([
      ['optimizer-8bit', { optimizer: 'adamw-8bit' }, false],
      ['qlora', { method: 'qlora' }, false],
      ['sequence', { seq: 1604 }, true],
      ['gpus', { gpus: 2, sharding: 'zero3' }, true],
    ]);
    const kept = [{ optimizer: 'adamw-8bit' }, { method: 'qlora' }] as const;
    expect(a.changes[2]?.neededBytes).toBe(neededAfter(input, [...kept, { seq: 1604 }]));
    expect(neededAfter(input, [...kept, { seq: 1605 }])).toBeGreaterThan(A100);
    expect(a.changes[3]?.neededBytes).toBe(neededAfter(input, [...kept, { gpus: 2, sharding: 'zero3' }]));
    expect(a.room).toBeNull();
  });

  it('a smaller micro-batch keeps the effective batch through accumulation (24 = 12 × 2 → 4 × 6)', () => {
    const input = {
      model: 'llama-3.1-8b',
      method: 'qlora',
      batch: 12,
      accumulation: 2,
      seq: 8192,
      gradCheckpointing: true,
      optimizer: 'adamw-8bit',
    } as const;
    const a = makeItFit(input, 'rtx-4090');
    expect(a.changes.map((c) => [c.id, c.patch, c.fits])).toEqual([
      ['micro-batch', { batch: 4, accumulation: 6 }, true],
    ]);
    // 8 and 6 divide 24 too but do not fit: 4 is the largest micro-batch that does
    expect(a.room).toEqual({ maxBatch: 4, maxSeq: 8731 });
  });

  it('a run that fits gets no changes, only its room', () => {
    const a = makeItFit({ model: 'llama-3.1-8b', method: 'qlora' }, 'a100-80gb');
    expect(a).toMatchObject({ fits: true, changes: [], room: { maxBatch: 7, maxSeq: 15_337 } });
  });

  it('refuses an unknown GPU and invalid input', () => {
    expect(() => makeItFit({ model: 'llama-3.1-8b', method: 'qlora' }, 'h900')).toThrow('unknown GPU "h900"');
    expect(() => makeItFit({ model: 'llama-3.1-8b', method: 'qlora', seq: 0 }, 'a100-80gb')).toThrow();
  });
});
