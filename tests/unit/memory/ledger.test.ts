// The published-measurement ledger (src/lib/memory/ledger.ts): every run within its stated tolerance, the aggregate
// per method at the figures the model reaches today (a physics change that moves them must update them here, with the
// reason in its commit), and the error band the calculator shows.
import { describe, expect, it } from 'vitest';
import {
  BAND_MIN_RUNS,
  compareRun,
  errorBand,
  errorBandText,
  LEDGER,
  LEDGER_PROJECTS,
  type LedgerRun,
  ledgerResults,
  ledgerStats,
} from '../../../src/lib/memory/ledger.ts';
import { estimateMemory } from '../../../src/lib/memory/index.ts';

const counted = ledgerResults().filter((r) => !r.run.excluded);

describe('the ledger', () => {
  it('holds at least 30 counted runs, each with a unique id, an https source, a basis and a framework', () => {
    expect(counted.length).toBeGreaterThanOrEqual(30);
    expect(new Set(LEDGER.map((r) => r.id)).size).toBe(LEDGER.length);
    for (const r of LEDGER) {
      expect(r.url, r.id).toMatch(/^https:\/\/[^/\s]+\//);
      expect(['allocated', 'active', 'reserved', 'nvidia-smi'], r.id).toContain(r.basis);
      expect(r.framework.length, r.id).toBeGreaterThan(5);
      expect(r.published, r.id).toBeGreaterThan(0);
    }
  });

  it('writes every run in the calculator vocabulary (the model accepts each input)', () => {
    for (const r of LEDGER) expect(estimateMemory(r.input).ok, r.id).toBe(true);
  });

  it.each(counted.map((c) => [c.run.id, c] as const))('%s is within its tolerance', (_id, c) => {
    expect(Math.abs(c.error)).toBeLessThanOrEqual(c.run.tolerance);
  });

  it('keeps excluded runs, each with its reason, out of the aggregate only', () => {
    const excluded = LEDGER.filter((r) => r.excluded);
    expect(excluded.length).toBeGreaterThan(0);
    for (const r of excluded) expect(r.excluded?.length, r.id).toBeGreaterThan(40);
    expect(ledgerStats().count).toBe(LEDGER.length - excluded.length);
  });
});

describe('every run states its source', () => {
  // A repository's file moves at a branch; the figure is only checkable at the tag or commit it was read at.
  const pinned = /^https:\/\/github\.com\/[^/]+\/[^/]+\/blob\/(v\d[\w.-]*|[0-9a-f]{40})\//;
  it.each(LEDGER.map((r) => [r.id, r] as const))(
    '%s: a GitHub file at a tag or commit, its figure in `says`',
    (_id, r) => {
      if (r.url.startsWith('https://github.com/')) expect(r.url).toMatch(pinned);
      expect(r.url).not.toMatch(/\/blob\/(main|master)\//);
      const printed = [r.published.toFixed(2), r.published.toFixed(1), String(r.published)];
      expect(
        printed.some((p) => r.says.includes(`${p} ${r.unit}`)),
        r.says,
      ).toBe(true);
    },
  );
});

describe('two projects', () => {
  it('holds counted runs of LitGPT and torchtune, each project’s median within the target', () => {
    for (const p of LEDGER_PROJECTS) {
      const s = ledgerStats(undefined, p);
      expect(s.count, p).toBeGreaterThanOrEqual(5);
      expect(s.median, p).toBeLessThanOrEqual(0.08);
    }
    expect(LEDGER.every((r) => (LEDGER_PROJECTS as readonly string[]).includes(r.project))).toBe(true);
  });
  it('keeps torchtune’s compiled runs out with their reason, and its eager run of the same table in', () => {
    const flags = LEDGER.filter((r) => r.id.startsWith('torchtune-flags-'));
    expect(flags).toHaveLength(9);
    expect(flags.filter((r) => !r.excluded).map((r) => r.id)).toEqual(['torchtune-flags-packed']);
    for (const r of flags.slice(1)) expect(r.excluded, r.id).toMatch(/torch\.compile/);
  });
  it('reads peak active bytes as allocated (one CUDA stream), in GiB', () => {
    const r = LEDGER.find((x) => x.id === 'torchtune-flags-packed') as LedgerRun;
    const c = compareRun(r);
    expect(c.ours).toBeCloseTo(c.estimate.allocatedBytes / 2 ** 30, 9);
  });
});

describe('aggregate error (median and largest |error| per method and per project)', () => {
  // The physics by phases on the ledger; the target is median ≤ 8% and none over 20%.
  const expected = {
    all: { count: 51, median: 0.055, max: 0.186 },
    full: { count: 4, median: 0.091, max: 0.186 },
    lora: { count: 25, median: 0.033, max: 0.093 },
    qlora: { count: 22, median: 0.099, max: 0.17 },
    LitGPT: { count: 46, median: 0.06, max: 0.186 },
    torchtune: { count: 5, median: 0.039, max: 0.043 },
  };
  it('meets the target: median |error| at most 8%, no counted run over 20%', () => {
    expect(ledgerStats().median).toBeLessThanOrEqual(0.08);
    expect(ledgerStats().max).toBeLessThanOrEqual(0.2);
  });
  it.each(Object.entries(expected))('%s', (key, want) => {
    const project = (LEDGER_PROJECTS as readonly string[]).includes(key) ? (key as 'LitGPT' | 'torchtune') : undefined;
    const method = key === 'all' || project ? undefined : (key as 'full' | 'lora' | 'qlora');
    const s = ledgerStats(method, project);
    expect(s.count).toBe(want.count);
    expect(s.median).toBeCloseTo(want.median, 3);
    expect(s.max).toBeCloseTo(want.max, 3);
  });
});

describe('compareRun reads the basis and the unit of the source', () => {
  const base = LEDGER.find((r) => r.id === 'litgpt-rt-llama-2-7b-lora-mb1') as LedgerRun;
  const e = compareRun(base).estimate;
  it('allocated: tensors only, in decimal GB', () => {
    expect(compareRun(base).ours).toBeCloseTo(e.allocatedBytes / 1e9, 9);
  });
  it('reserved adds the allocator reserve; nvidia-smi is the whole per-GPU figure; GiB divides by 2³⁰', () => {
    const reserved = compareRun({ ...base, basis: 'reserved', unit: 'GiB' }).ours;
    expect(reserved).toBeCloseTo((e.allocatedBytes + e.details.allocatorReserveBytes) / 2 ** 30, 9);
    expect(compareRun({ ...base, basis: 'nvidia-smi' }).ours).toBeCloseTo(e.perGpuBytes / 1e9, 9);
  });
  it('names the run and the field of an input the model refuses', () => {
    expect(() => compareRun({ ...base, id: 'bad', input: { ...base.input, seq: 0 } })).toThrow(/^bad: seq: must be/);
  });
});

describe('the error band shown next to an estimate', () => {
  it('uses the runs of the same method when there are enough', () => {
    const b = errorBand('qlora');
    expect(b.method).toBe('qlora');
    expect(b.count).toBe(ledgerStats('qlora').count);
    expect(b.count).toBeGreaterThanOrEqual(BAND_MIN_RUNS);
  });
  it('falls back to every counted run for a method without published runs (DoRA)', () => {
    const b = errorBand('dora');
    expect(b.method).toBeNull();
    expect(b.count).toBe(ledgerStats().count);
  });
  it('says it in one sentence', () => {
    expect(errorBandText({ method: 'qlora', count: 9, median: 0.06, max: 0.141 })).toBe(
      'On 9 published QLoRA runs: median error 6%, largest 14%.',
    );
    expect(errorBandText({ method: null, count: 57, median: 0.2, max: 0.5 })).toBe(
      'On 57 published runs: median error 20%, largest 50%.',
    );
  });
});
