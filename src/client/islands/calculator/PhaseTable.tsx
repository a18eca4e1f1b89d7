/**
 * The phases of one training step (src/lib/memory: forward, loss, backward start, backward end, optimizer step), each
 * with the bytes allocated at its peak, and which one sets the estimate. A plain table: readable without CSS or JS,
 * announced row by row by screen readers.
 */
import type { CalculatorView } from '../../../lib/memory/view.ts';

type Result = NonNullable<CalculatorView['result']>;

export default function PhaseTable({ result, fmt }: { result: Result; fmt: (bytes: number) => string }) {
  return (
    <table class="vc-table vc-phases">
      <caption>
        Phases of one step: tensors allocated at each (the largest sets the estimate)
        {result.managed > 0 ? '; paged optimizer state in managed memory is counted in the total only' : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">Phase</th>
          <th scope="col">Allocated</th>
          <th scope="col">Peak?</th>
        </tr>
      </thead>
      <tbody>
        {result.phases.map((p) => (
          <tr key={p.id} class={p.id === result.peakPhase ? 'vc-current' : undefined}>
            <th scope="row">{p.label}</th>
            <td>{fmt(p.bytes)}</td>
            <td>{p.id === result.peakPhase ? 'Peak' : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
