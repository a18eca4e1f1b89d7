/**
 * "Make it fit": when the run does not fit the chosen GPU, the changes that would make it fit, cheapest first, each
 * with what the run then needs and a button that applies it (with the changes before it). The steps come from
 * src/lib/memory/make-fit.ts through computeView; this file loads with the memory model (engine.ts), since only an
 * estimate from it can be over the GPU (the page's build-time view fits its GPU).
 */
import type { FitStep } from '../../../lib/memory/view.ts';

interface Props {
  steps: FitStep[];
  gpu: string;
  fmt: (bytes: number) => string;
  onApply: (set: Record<string, string>) => void;
}

export function FitList({ steps, gpu, fmt, onApply }: Props) {
  if (steps.length === 0) return <p class="vc-note">No change the calculator knows makes this run fit the {gpu}.</p>;
  return (
    <div class="vc-fit">
      <h3>Make it fit the {gpu}</h3>
      <ol>
        {steps.map((s) => (
          <li key={s.label}>
            <span>
              {s.label}: <strong>{fmt(s.total)}</strong>
              <span class={s.fits ? 'vc-ok' : 'vc-bad'}>{s.fits ? ' fits' : ' not yet'}</span>
            </span>{' '}
            <button type="button" onClick={() => onApply(s.set)}>
              Apply
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
