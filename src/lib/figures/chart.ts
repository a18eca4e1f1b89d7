// Pure geometry of the calculator's charts (no DOM): nice axis ticks, scales, the curve's path, the GPU line, the
// marked point, and horizontal bars. Coordinates are in CSS pixels of a chart `width` wide, so labels keep their size
// on a phone and on a desktop (the island measures its box and lays the chart out again when it changes).

export interface Tick {
  /** the value in the axis' own unit (GB, GiB, tokens, sequences) */
  value: number;
  /** the position along the axis, in pixels */
  pos: number;
  label: string;
}

/** Steps of 1, 2 or 5 × 10^k: the ticks from 0 to the first multiple of the step at or past `max`, about `target`
 *  of them. */
export function niceTicks(max: number, target = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / Math.max(1, target);
  const mag = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((m) => m * mag >= rough) ?? 10) * mag;
  const n = Math.ceil(max / step - 1e-9);
  // k × step, rounded to the step's decimals (0.1 × 3 is 0.30000000000000004 in floating point)
  const digits = Math.max(0, -Math.floor(Math.log10(step)));
  return Array.from({ length: n + 1 }, (_, k) => Number((k * step).toFixed(digits)));
}

/** A tick label with the step's decimals: 0, 20, 40 or 0, 0.5, 1.0. */
export function tickLabel(v: number, ticks: readonly number[]): string {
  const step = (ticks[1] ?? 1) - (ticks[0] ?? 0);
  const digits = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Tokens as the axis shows them: 256, 512, 1K … 128K (K = 1,024, as context lengths are named). */
export function tokensLabel(t: number): string {
  return t >= 1024 && t % 1024 === 0 ? `${t / 1024}K` : t.toLocaleString('en-US');
}

export interface Plot {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface LineChartInput {
  width: number;
  height: number;
  /** the samples: x in the swept unit, bytes per GPU */
  points: readonly { x: number; bytes: number }[];
  current: { x: number; bytes: number };
  /** the GPU's usable bytes (the line), or null */
  limit: number | null;
  /** bytes per axis unit: BYTES_PER_UNIT[unit] (src/lib/memory/format.ts); passed in so the chart's chunk does not
   *  share a module with the plan tools' (one module in two lazy chunks is split into a third file) */
  perUnit: number;
  /** log2 for sequence lengths (powers of two), linear for micro-batches */
  scale: 'log2' | 'linear';
}

export interface LineChart {
  plot: Plot;
  xTicks: Tick[];
  yTicks: Tick[];
  /** SVG path data through every point, in order */
  path: string;
  dots: { x: number; y: number; over: boolean }[];
  marker: { x: number; y: number };
  /** the GPU line's height, or null without a GPU */
  limitY: number | null;
}

/** Room for the y labels (e.g. "160"), the unit above them, the x labels and the x axis title below. */
export const PAD = { left: 40, right: 20, top: 26, bottom: 40 };
/** The least room between two x labels, in pixels ("128K" at 12 px is about 30). */
const LABEL_GAP = 40;
const r1 = (v: number) => Math.round(v * 10) / 10;

export function lineChart(c: LineChartInput): LineChart {
  const plot = { left: PAD.left, top: PAD.top, right: c.width - PAD.right, bottom: c.height - PAD.bottom };
  const per = c.perUnit;
  const xs = c.points.map((p) => p.x);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const f = c.scale === 'log2' ? Math.log2 : (v: number) => v;
  const span = f(hi) - f(lo) || 1;
  const sx = (v: number) => r1(plot.left + ((f(v) - f(lo)) / span) * (plot.right - plot.left));
  const peak = Math.max(...c.points.map((p) => p.bytes), c.limit ?? 0) / per;
  const yValues = niceTicks(peak, Math.max(2, Math.floor((plot.bottom - plot.top) / 36)));
  const top = yValues.at(-1) as number;
  const sy = (bytes: number) => r1(plot.bottom - (bytes / per / top) * (plot.bottom - plot.top));
  const yTicks = yValues.map((v) => ({ value: v, pos: sy(v * per), label: tickLabel(v, yValues) }));
  // x ticks: the powers of two of a sequence sweep, or nice whole numbers of a micro-batch sweep (no half sequences)
  const candidates =
    c.scale === 'log2'
      ? xs.filter((v) => Number.isInteger(Math.log2(v)))
      : [
          lo,
          ...niceTicks(hi, Math.max(2, Math.floor((plot.right - plot.left) / LABEL_GAP))).filter(
            (v) => v > lo && Number.isInteger(v),
          ),
          hi,
        ];
  // left to right, a label only where it clears the one before it
  const xTicks: Tick[] = [];
  for (const v of candidates) {
    if (v > hi || sx(v) - (xTicks.at(-1)?.pos ?? -Infinity) < LABEL_GAP) continue;
    xTicks.push({ value: v, pos: sx(v), label: c.scale === 'log2' ? tokensLabel(v) : v.toLocaleString('en-US') });
  }
  const dots = c.points.map((p) => ({ x: sx(p.x), y: sy(p.bytes), over: c.limit !== null && p.bytes > c.limit }));
  const path = dots.map((d, i) => `${i ? 'L' : 'M'}${d.x} ${d.y}`).join(' ');
  return {
    plot,
    xTicks,
    yTicks,
    path,
    dots,
    marker: { x: sx(c.current.x), y: sy(c.current.bytes) },
    limitY: c.limit === null ? null : sy(c.limit),
  };
}

export interface BarsInput {
  width: number;
  values: readonly number[];
  /** room on the left for the row labels and on the right for the values, in pixels */
  labelWidth: number;
  valueWidth: number;
  rowHeight: number;
}

/** Horizontal bars from a common left edge, each as long as its share of the largest value. */
export function bars(b: BarsInput): { x: number; y: number; w: number }[] {
  const max = Math.max(...b.values, 0) || 1;
  const span = Math.max(0, b.width - b.labelWidth - b.valueWidth);
  return b.values.map((v, i) => ({ x: b.labelWidth, y: i * b.rowHeight, w: r1((v / max) * span) }));
}
