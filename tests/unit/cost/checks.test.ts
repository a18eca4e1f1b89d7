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

describe('step time against Qwen’s and torchtune’s published runs', () => {
  const rows = timeChecks();

  it('holds every 7B and 14B cell of Qwen’s table and the nine runs of torchtune’s, three Qwen cells the defaults', () => {
    expect(rows).toHaveLength(36);
    expect(rows.filter((r) => r.run.id.startsWith('torchtune-'))).toHaveLength(9);
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

  it('checks runs of both sources', () => {
    const checked = rows.filter((r) => r.checked && !r.isDefault);
    expect(checked.filter((r) => r.run.id.startsWith('qwen-')).length).toBe(14);
    expect(checked.filter((r) => r.run.id.startsWith('torchtune-')).map((r) => r.run.id)).toEqual([
      'torchtune-3b-packed-dataset',
    ]);
  });

  it('shows torchtune’s compiled runs unchecked, each faster than predicted (the model has no term for compile)', () => {
    const compiled = rows.filter((r) => r.run.excluded);
    expect(compiled).toHaveLength(8);
    for (const r of compiled) {
      expect(r.checked, r.run.id).toBe(false);
      expect(r.run.excluded, r.run.id).toMatch(/torch\.compile/);
      expect(r.ratio, r.run.id).toBeGreaterThan(1);
    }
  });

  it('derives a step time from published tokens per second: the tokens of a step over the rate', () => {
    const packed = rows.find((r) => r.run.id === 'torchtune-3b-packed-dataset');
    expect(packed?.run.tokensPerSecond).toBe(7075);
    expect(packed?.run.secondsPerStep).toBeCloseTo(8192 / 7075, 12);
  });

  it('states every published figure with its unit in the source’s words, at a tag or commit', () => {
    for (const r of rows) {
      // Qwen's cells are its table's s/iter as printed; torchtune's rows name their tokens per second.
      if (r.run.tokensPerSecond)
        expect(r.run.source.says, r.run.id).toContain(`${r.run.tokensPerSecond} tokens per second`);
      else expect(r.run.source.says, r.run.id).toContain('s/iter');
      expect(r.run.source.url, r.run.id).toMatch(
        /^https:\/\/github\.com\/[^/]+\/[^/]+\/blob\/(v\d[\w.-]*|[0-9a-f]{40})\//,
      );
    }
  });

  it(`below ${MIN_CHECKED_TOKENS} tokens per micro-batch the estimate is too fast, as the page says`, () => {
    const short = rows.filter((r) => !r.checked && !r.run.excluded);
    expect(short.length).toBe(10);
    for (const r of short) expect(r.ratio, r.run.id).toBeLessThan(1);
  });
});
