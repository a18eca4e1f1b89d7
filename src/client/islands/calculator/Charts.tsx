/**
 * The calculator's charts (issue #13 "Pictures"): the peak per GPU against the sequence length and against the
 * micro-batch, with the chosen GPU's usable memory as a line and the current run marked, and the phases of one step.
 * Plain SVG laid out by src/lib/figures/chart.ts at the box's own width (labels keep their size on a phone), the
 * points from src/lib/memory/sweep.ts (the same estimate as the total), each chart with its points as a table in a
 * <details> for screen readers and anyone who wants the numbers. A chunk of its own, loaded once the memory model is
 * (ChartsSlot.tsx): the page that loads first never carries it.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { bars, lineChart, PAD } from '../../../lib/figures/chart.ts';
import { type Sweep, type SweepParam, sweepMemory } from '../../../lib/memory/sweep.ts';
// Through the engine, whose chunk is loaded by then: imported directly, they would be split into a chunk of their own.
import { BYTES_PER_UNIT, decodeRaw } from './engine.ts';
import type { CalculatorView } from '../../../lib/memory/view.ts';

export interface ChartsProps {
  view: CalculatorView;
  /** the chosen GPU's name, or undefined without one */
  gpu?: string;
  fmt: (bytes: number) => string;
}

type Result = NonNullable<CalculatorView['result']>;

const HEIGHT = 230;
const n = (v: number) => v.toLocaleString('en-US');
const AXIS: Record<SweepParam, { title: string; axis: string; column: string; what: (v: number) => string }> = {
  seq: {
    title: 'Peak memory per GPU against the sequence length',
    axis: 'Sequence length, tokens (K = 1,024)',
    column: 'Sequence length (tokens)',
    what: (v) => `${n(v)} tokens`,
  },
  batch: {
    title: 'Peak memory per GPU against the micro-batch',
    axis: 'Micro-batch, sequences per GPU',
    column: 'Micro-batch',
    what: (v) => `${n(v)} ${v === 1 ? 'sequence' : 'sequences'} per pass`,
  },
};

function SweepChart({
  s,
  width,
  unit,
  gpu,
  fmt,
  most,
  embed,
}: {
  s: Sweep;
  embed: boolean;
  width: number;
  unit: CalculatorView['unit'];
  gpu?: string;
  fmt: (bytes: number) => string;
  /** the largest value that fits the GPU (fit.ts), for the description */
  most: number | null;
}) {
  const a = AXIS[s.param];
  const g = lineChart({
    width,
    height: HEIGHT,
    points: s.points,
    current: s.current,
    limit: s.limit,
    perUnit: BYTES_PER_UNIT[unit],
    scale: s.param === 'seq' ? 'log2' : 'linear',
  });
  const first = s.points[0] ?? s.current;
  const last = s.points.at(-1) ?? s.current;
  // A colocated vLLM engine takes its share first: the line is what is left for training.
  const vllm = s.vllmShare > 0 ? `, beside vLLM’s ${Math.round(s.vllmShare * 100)}%` : '';
  const limitText = s.limit !== null && gpu ? `Usable on the ${gpu}${vllm}: ${fmt(s.limit)}` : '';
  // on the chart itself a short label, on the side away from the marked point's
  const desc =
    `From ${fmt(first.bytes)} at ${a.what(first.x)} to ${fmt(last.bytes)} at ${a.what(last.x)}; ` +
    `the current run, ${a.what(s.current.x)}, needs ${fmt(s.current.bytes)}.` +
    (limitText ? ` ${limitText}` : '') +
    (gpu && most !== null ? (most > 0 ? `, enough for up to ${a.what(most)}.` : ', not enough for any.') : '');
  const { plot, marker } = g;
  // The GPU line's label sits at the left end, where the curve (never falling) is lowest: above the line when the
  // curve starts under it, below it otherwise. The marker's label sits above the point, on the side with room, and
  // below it when that would meet the line's label.
  const right = marker.x > plot.left + (plot.right - plot.left) * 0.6;
  const startsUnder = s.limit !== null && first.bytes <= s.limit;
  const limitY = g.limitY ?? 0;
  const limitTextY = startsUnder && limitY > plot.top + 16 ? limitY - 6 : limitY + 15;
  const markTextY =
    !right && g.limitY !== null && marker.x < plot.left + 150 && Math.abs(marker.y - 9 - limitTextY) < 14
      ? marker.y + 20
      : Math.max(plot.top + 10, marker.y - 9);
  return (
    <figure class="vc-chart">
      <figcaption class="vc-chart-h">{a.title}</figcaption>
      {/* Named by what it shows, in numbers; the figure's caption is its title. The name leaves out the form's labels
          ("Sequence length", "Micro-batch"), which name their fields alone (tests/e2e/charts.spec.ts). */}
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} width="100%" height={HEIGHT} role="img" aria-label={desc}>
        <text class="vc-ch-unit" x={0} y={14}>
          {unit} per GPU
        </text>
        {g.yTicks.map((t) => (
          <g key={t.value}>
            <line class="vc-ch-grid" x1={plot.left} x2={plot.right} y1={t.pos} y2={t.pos} />
            <text class="vc-ch-tick" x={plot.left - 6} y={t.pos + 4} text-anchor="end">
              {t.label}
            </text>
          </g>
        ))}
        {g.xTicks.map((t) => (
          <g key={t.value}>
            <line class="vc-ch-grid" x1={t.pos} x2={t.pos} y1={plot.top} y2={plot.bottom} />
            <text class="vc-ch-tick" x={t.pos} y={plot.bottom + 16} text-anchor="middle">
              {t.label}
            </text>
          </g>
        ))}
        <text class="vc-ch-unit" x={(plot.left + plot.right) / 2} y={HEIGHT - 4} text-anchor="middle">
          {a.axis}
        </text>
        {g.limitY !== null && (
          <>
            <line class="vc-ch-limit" x1={plot.left} x2={plot.right} y1={g.limitY} y2={g.limitY} />
            <text class="vc-ch-limit-t" x={plot.left + 4} y={limitTextY}>
              {s.limit !== null && `${fmt(s.limit)} ${vllm ? 'left beside vLLM' : 'usable'}`}
            </text>
          </>
        )}
        <path class="vc-ch-line" d={g.path} />
        {g.dots.map((d, i) => (
          <circle key={i} class={d.over ? 'vc-ch-dot vc-ch-over' : 'vc-ch-dot'} cx={d.x} cy={d.y} r={2.5} />
        ))}
        <circle class="vc-ch-mark" cx={marker.x} cy={marker.y} r={5.5} />
        <text class="vc-ch-mark-t" x={marker.x + (right ? -8 : 8)} y={markTextY} text-anchor={right ? 'end' : 'start'}>
          {fmt(s.current.bytes)}
        </text>
      </svg>
      {/* In a <details> (closed: the chart above says it); an embed folds nothing and keeps the table for screen
          readers only */}
      <Fold embed={embed}>
        <table class="vc-table">
          <caption class="vc-sr">{a.title}</caption>
          <thead>
            <tr>
              <th scope="col">{a.column}</th>
              <th scope="col">Peak per GPU</th>
              {s.limit !== null && <th scope="col">Fits?</th>}
            </tr>
          </thead>
          <tbody>
            {s.points.map((p) => (
              <tr key={p.x} class={p.x === s.current.x ? 'vc-current' : undefined}>
                <th scope="row">
                  {n(p.x)}
                  {p.x === s.current.x ? ' (current)' : ''}
                </th>
                <td>{fmt(p.bytes)}</td>
                {s.limit !== null && <td>{p.bytes <= s.limit ? 'Yes' : 'No'}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </Fold>
    </figure>
  );
}

function Fold({ embed, children }: { embed: boolean; children: ComponentChildren }) {
  return embed ? (
    <div class="vc-sr">{children}</div>
  ) : (
    <details class="vc-chart-data">
      <summary>The points as a table</summary>
      {children}
    </details>
  );
}

const ROW = 30;
const LABEL_W = 112;
const VALUE_W = 112;

/** Horizontal bars of the bytes allocated at each phase; the one that sets the peak is marked. PhaseTable (below it)
 *  is the same figures as a table, so the picture is one image to a screen reader. */
function PhaseChart({ result, width, fmt }: { result: Result; width: number; fmt: (bytes: number) => string }) {
  const rows = bars({
    width,
    values: result.phases.map((p) => p.bytes),
    labelWidth: LABEL_W,
    valueWidth: VALUE_W,
    rowHeight: ROW,
  });
  const peak = result.phases.find((p) => p.id === result.peakPhase);
  const h = result.phases.length * ROW;
  return (
    <figure class="vc-chart">
      <figcaption class="vc-chart-h">Which phase of a step sets the peak</figcaption>
      <svg
        viewBox={`0 0 ${width} ${h}`}
        width="100%"
        height={h}
        role="img"
        aria-label={`Tensors allocated in each phase of one step; the peak is at the ${peak?.label.toLowerCase()} phase, ${peak ? fmt(peak.bytes) : ''}. The table below lists every phase.`}
      >
        {result.phases.map((p, i) => {
          const r = rows[i] as { x: number; y: number; w: number };
          const top = p.id === result.peakPhase;
          return (
            <g key={p.id} class={top ? 'vc-ch-peak' : undefined}>
              <text class="vc-ch-tick" x={LABEL_W - 8} y={r.y + 19} text-anchor="end">
                {p.label}
              </text>
              <rect class="vc-ch-bar" x={r.x} y={r.y + 5} width={Math.max(1, r.w)} height={ROW - 10} rx={3} />
              <text class="vc-ch-tick" x={r.x + r.w + 6} y={r.y + 19}>
                {fmt(p.bytes)}
                {top ? ' peak' : ''}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

export function Charts({ view, gpu, fmt }: ChartsProps) {
  const box = useRef<HTMLDivElement>(null);
  // Laid out for the box's width in pixels, so text stays at its CSS size; re-laid out when the box changes.
  const [width, setWidth] = useState(0);
  // Embeds fold nothing away (embed-options.ts): the island marks its root, so the page need not pass a flag.
  const [embed, setEmbed] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setWidth(Math.round(el.clientWidth));
    measure();
    setEmbed(!!el.closest('.vc-embed'));
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const result = view.result;
  const sweeps = useMemo(() => {
    const { state } = decodeRaw(Object.fromEntries(new URLSearchParams(view.query)));
    return {
      seq: sweepMemory(state.input, 'seq', view.gpu),
      // past the largest micro-batch that fits, so the chart shows where it stops fitting
      batch: sweepMemory(state.input, 'batch', view.gpu, (result?.maxBatch ?? 0) + 1),
    };
  }, [view.query, view.gpu]);
  const w = Math.max(width, PAD.left + PAD.right + 120);
  return (
    <div class="vc-charts" ref={box}>
      {result && width > 0 && (
        <>
          {sweeps.seq && (
            <SweepChart
              s={sweeps.seq}
              width={w}
              unit={view.unit}
              gpu={gpu}
              fmt={fmt}
              most={result.maxSeq}
              embed={embed}
            />
          )}
          {sweeps.batch && (
            <SweepChart
              s={sweeps.batch}
              width={w}
              unit={view.unit}
              gpu={gpu}
              fmt={fmt}
              most={result.maxBatch}
              embed={embed}
            />
          )}
          <PhaseChart result={result} width={w} fmt={fmt} />
        </>
      )}
    </div>
  );
}
