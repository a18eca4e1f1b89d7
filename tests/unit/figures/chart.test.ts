import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bars, lineChart, niceTicks, PAD, tickLabel, tokensLabel } from '../../../src/lib/figures/chart.ts';

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 × 10^k from 0 to the first tick at or past the maximum', () => {
    expect(niceTicks(23.6)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(niceTicks(80, 4)).toEqual([0, 20, 40, 60, 80]);
    expect(niceTicks(0.8, 4)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(143.8, 5)).toEqual([0, 50, 100, 150]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it('covers the range, tightly, in even nice steps', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), fc.integer({ min: 2, max: 10 }), (max, target) => {
        const t = niceTicks(max, target);
        const step = (t[1] as number) - (t[0] as number);
        expect(t[0]).toBe(0);
        expect(t.at(-1)).toBeGreaterThanOrEqual(max * (1 - 1e-9));
        expect((t.at(-1) as number) - step).toBeLessThan(max);
        const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
        expect([1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-6)).toBe(true);
        for (let k = 1; k < t.length; k++) expect((t[k] as number) - (t[k - 1] as number)).toBeCloseTo(step, 9);
      }),
    );
  });
});

describe('axis labels', () => {
  it('shows the step’s decimals, and tokens in K of 1,024', () => {
    expect(tickLabel(20, [0, 5, 10])).toBe('20');
    expect(tickLabel(0.4, [0, 0.2, 0.4])).toBe('0.4');
    expect(tickLabel(1, [0, 0.5, 1])).toBe('1.0');
    expect(tickLabel(1000, [0, 500, 1000])).toBe('1,000');
    expect([256, 512, 1024, 4096, 131_072, 3000].map(tokensLabel)).toEqual(['256', '512', '1K', '4K', '128K', '3,000']);
  });
});

describe('lineChart', () => {
  const points = [
    { x: 256, bytes: 10e9 },
    { x: 512, bytes: 12e9 },
    { x: 1024, bytes: 16e9 },
  ];

  it('lays out a known case exactly', () => {
    const g = lineChart({
      width: 400,
      height: 230,
      points,
      current: { x: 512, bytes: 12e9 },
      limit: 20e9,
      perUnit: 1e9,
      scale: 'log2',
    });
    expect(g.plot).toEqual({ left: 40, top: 26, right: 380, bottom: 190 });
    expect(g.yTicks.map((t) => [t.label, t.pos])).toEqual([
      ['0', 190],
      ['5', 149],
      ['10', 108],
      ['15', 67],
      ['20', 26],
    ]);
    expect(g.xTicks.map((t) => [t.label, t.pos])).toEqual([
      ['256', 40],
      ['512', 210],
      ['1K', 380],
    ]);
    expect(g.path).toBe('M40 108 L210 91.6 L380 58.8');
    expect(g.marker).toEqual({ x: 210, y: 91.6 });
    expect(g.limitY).toBe(26);
    expect(g.dots.map((d) => d.over)).toEqual([false, false, false]);
  });

  it('counts in GiB when the unit says so, and marks the points over the GPU line', () => {
    const GiB = 2 ** 30;
    const g = lineChart({
      width: 320,
      height: 230,
      points: [
        { x: 1, bytes: 3 * GiB },
        { x: 2, bytes: 5 * GiB },
        { x: 3, bytes: 7 * GiB },
      ],
      current: { x: 1, bytes: 3 * GiB },
      limit: 6 * GiB,
      perUnit: GiB,
      scale: 'linear',
    });
    expect(g.yTicks.map((t) => t.label)).toEqual(['0', '2', '4', '6', '8']);
    expect(g.dots.map((d) => d.over)).toEqual([false, false, true]);
    expect(g.xTicks.map((t) => t.label)).toEqual(['1', '2', '3']);
  });

  it('keeps every point in the plot, the current point on the curve and the x labels apart', () => {
    const arb = fc
      .record({
        width: fc.integer({ min: 200, max: 900 }),
        xs: fc.uniqueArray(fc.integer({ min: 1, max: 20 }), { minLength: 2, maxLength: 14 }),
        bytes: fc.array(fc.double({ min: 1e8, max: 2e11, noNaN: true }), { minLength: 14, maxLength: 14 }),
        pick: fc.nat(),
        limit: fc.option(fc.double({ min: 1e9, max: 2e11, noNaN: true })),
        log: fc.boolean(),
      })
      .map((r) => {
        const xs = [...r.xs].sort((a, b) => a - b).map((x) => (r.log ? 2 ** (x + 7) : x));
        const pts = xs.map((x, i) => ({ x, bytes: r.bytes[i] as number }));
        return { ...r, pts, current: pts[r.pick % pts.length] as { x: number; bytes: number } };
      });
    fc.assert(
      fc.property(arb, (r) => {
        const g = lineChart({
          width: r.width,
          height: 230,
          points: r.pts,
          current: r.current,
          limit: r.limit,
          perUnit: 1e9,
          scale: r.log ? 'log2' : 'linear',
        });
        for (const d of g.dots) {
          expect(d.x).toBeGreaterThanOrEqual(g.plot.left);
          expect(d.x).toBeLessThanOrEqual(g.plot.right);
          expect(d.y).toBeGreaterThanOrEqual(g.plot.top);
          expect(d.y).toBeLessThanOrEqual(g.plot.bottom);
        }
        expect(g.dots).toContainEqual(expect.objectContaining(g.marker));
        if (r.limit !== null) expect(g.limitY).toBeGreaterThanOrEqual(g.plot.top);
        for (let k = 1; k < g.xTicks.length; k++)
          expect((g.xTicks[k]?.pos as number) - (g.xTicks[k - 1]?.pos as number)).toBeGreaterThanOrEqual(40);
        expect(g.xTicks.length).toBeGreaterThan(0);
        expect(g.path.split(' L')).toHaveLength(r.pts.length);
      }),
    );
  });

  it('leaves room for the labels', () => {
    expect(PAD.left).toBeGreaterThanOrEqual(36);
  });
});

describe('bars', () => {
  it('sizes each bar by its share of the largest value', () => {
    expect(bars({ width: 400, values: [5, 10, 2.5], labelWidth: 100, valueWidth: 100, rowHeight: 30 })).toEqual([
      { x: 100, y: 0, w: 100 },
      { x: 100, y: 30, w: 200 },
      { x: 100, y: 60, w: 50 },
    ]);
  });
});
