// The time model against published throughput (the same rows /about/memory/ prints).
import { describe, expect, it } from 'vitest';
import {
  FLOPS_TOLERANCE,
  flopsChecks,
  MIN_CHECKED_TOKENS,
  TIME_FACTOR,
  timeChecks,
} from '../../../src/lib/cost/index.ts';

describe('FLOPs per token against published model FLOPs', () => {
  it.each(flopsChecks().map((c) => [c.figure.id, c] as const))(`%s: within ${FLOPS_TOLERANCE * 100}%`, (_, c) => {
    expect(Math.abs(c.error)).toBeLessThanOrEqual(FLOPS_TOLERANCE);
  });

  it('reproduces PaLM’s 46.2% MFU from its 238.3K tokens/s', () => {
    const palm = flopsChecks().find((c) => c.figure.id === 'palm-540b');
    const mfu = ((palm?.ours ?? 0) * 238.3e3) / (6144 * 275e12);
    expect(mfu).toBeCloseTo(0.462, 3);
  });
});

describe('step time against Qwen’s published table', () => {
  const rows = timeChecks();

  it('holds every 7B and 14B cell, three of them the defaults', () => {
    expect(rows).toHaveLength(27);
    expect(rows.filter((r) => r.isDefault).map((r) => r.run.id)).toEqual([
      'qwen-7b-lora-2048',
      'qwen-7b-qlora-2048',
      'qwen-7b-full-1024',
    ]);
    for (const r of rows.filter((x) => x.isDefault)) expect(r.ratio).toBeCloseTo(1, 9);
  });

  it.each(rows.filter((r) => r.checked && !r.isDefault).map((r) => [r.run.id, r] as const))(
    `%s: within a factor of ${TIME_FACTOR}`,
    (_, r) => {
      expect(r.ratio).toBeLessThanOrEqual(TIME_FACTOR);
      expect(r.ratio).toBeGreaterThanOrEqual(1 / TIME_FACTOR);
    },
  );

  it(`below ${MIN_CHECKED_TOKENS} tokens per micro-batch the estimate is too fast, as the page says`, () => {
    const short = rows.filter((r) => !r.checked);
    expect(short.length).toBe(10);
    for (const r of short) expect(r.ratio, r.run.id).toBeLessThan(1);
  });
});
