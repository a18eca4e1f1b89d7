/**
 * The calculator's time and cost: tokens/s, time per epoch and in all, GPU-hours and cost, with the assumptions
 * they rest on (FLOPs per token and their parts, the utilisation and the price, with their sources). The figures
 * come from src/lib/cost/view.ts (timeView); this chunk loads with the memory model (engine.ts loadTime), apart
 * from it, since the cost lib's GPU table and published runs are not part of a memory estimate.
 */
import {
  durationText,
  gigaText as g,
  gpuHoursText,
  shareText,
  type StateTime,
  usdText,
} from '../../../lib/cost/state.ts';
// The memory model this chunk's lib shares with the engine stays in the engine's chunk when this chunk imports the
// engine itself (as PlanPanel.tsx does): otherwise the bundler splits the shared modules into a chunk of their own.
import './engine.ts';

export { timeView, type TimeView } from '../../../lib/cost/view.ts';

interface Props {
  t: StateTime;
  /** /about/memory/#time-and-cost */
  about: string;
}

const n0 = (x: number) => Math.round(x).toLocaleString('en-US');

export function TimePanel({ t, about }: Props) {
  const how = <a href={about}>How the time is computed</a>;
  if (!t.ok) {
    return (
      <div class="vc-time">
        <h3>Time and cost</h3>
        <p class="vc-note">No time estimate: {t.message}.</p>
        <p class="vc-note">{how}</p>
      </div>
    );
  }
  const x = t.estimate;
  const f = x.flops;
  const gpus = Math.round(x.tokensPerSecond / x.tokensPerSecondPerGpu);
  const rows: [string, string][] = [
    [
      'Tokens/s',
      `${n0(x.tokensPerSecondPerGpu)} per GPU${gpus > 1 ? `, ${n0(x.tokensPerSecond)} on ${gpus} GPUs` : ''}`,
    ],
    ['Per epoch', durationText(x.secondsPerEpoch)],
    [`In all (${t.epochs} epoch${t.epochs > 1 ? 's' : ''})`, durationText(x.seconds)],
    ['GPU-hours', gpuHoursText(x.gpuHours)],
    ['Cost', x.costUsd === null ? 'no listed price for this GPU: enter one' : usdText(x.costUsd)],
  ];
  const parts = [
    `weights ${g(f.weights)}`,
    `attention ${g(f.attention)}`,
    f.recompute > 0 && `recomputation ${g(f.recompute)}`,
    f.noGrad > 0 && `forward passes without gradients (reference, KL) ${g(f.noGrad)}`,
  ].filter(Boolean);
  const peak = `Utilisation ${shareText(x.utilisation)} of ${n0(x.peakFlops / 1e12)} TFLOP/s`;
  return (
    <div class="vc-time">
      <h3>Time and cost</h3>
      <table class="vc-table">
        <caption class="vc-sr">Time and cost of the run</caption>
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul class="vc-note">
        <li>{`${t.fromExamples ? `${n0(t.fromExamples.examples)} ${t.paired ? 'pairs' : 'examples'} × ${n0(t.fromExamples.exampleTokens)} tokens = ` : ''}${n0(t.datasetTokens)} tokens per epoch${t.paired ? ', chosen and rejected sequences both counted' : ''}.`}</li>
        <li>{`${g(f.total)}FLOPs per token: ${parts.join(', ')}.`}</li>
        <li>
          {t.utilisationFrom ? (
            <>
              {peak}: the method’s default, measured on <a href={t.utilisationFrom.url}>{t.utilisationFrom.label}</a>.
            </>
          ) : (
            `${peak}: yours.`
          )}
        </li>
        {x.usdPerHour !== null && (
          <li>
            {t.priceFrom ? (
              <>
                {usdText(x.usdPerHour)} per GPU-hour: <a href={t.priceFrom.url}>{t.priceFrom.label}</a> (
                {t.priceFrom.says}), read {t.priceFrom.read}.
              </>
            ) : (
              `${usdText(x.usdPerHour)} per GPU-hour: yours.`
            )}
          </li>
        )}
        <li>{how}</li>
      </ul>
    </div>
  );
}
