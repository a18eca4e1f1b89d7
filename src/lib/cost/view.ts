// The calculator's time and cost, from its controls in one pure, serializable step: a sibling of the memory view
// (src/lib/memory/view.ts), computed from the same decoded controls, so the island can load it in a chunk of its own.
import { estimateMemory } from '../memory/estimate.ts';
import { DEFAULTS, param } from '../memory/parameters.ts';
import type { RawParams } from '../memory/url-state.ts';
import { decodeApplicable } from '../memory/view.ts';
import { costHints, durationText, type StateTime, stateTime, usdText } from './state.ts';

export interface TimeView {
  /** how to count the dataset tokens, and what 0 stands for in the price and utilisation fields, by URL name */
  hints: Record<string, string>;
  /** null without a dataset size, or while an input is invalid (its field says why) */
  time: StateTime | null;
  /** the time and cost in a few words ("6.2 h · $35.06"), for the phone summary bar; null without a time */
  summary: string | null;
}

export function timeView(controls: RawParams): TimeView {
  const { state, errors } = decodeApplicable(controls);
  const i = state.input;
  // The sequence length the padded count uses: the default when not given, none while the field is invalid.
  const seq = errors.some((e) => e.field === 'seq') ? null : (i.seq ?? DEFAULTS.seq);
  const hints = Object.fromEntries(
    Object.entries(costHints(i.method, state.gpu, i.trainer ?? 'sft', seq)).map(([id, text]) => [
      param(id)?.url ?? id,
      text,
    ]),
  );
  const r = errors.length ? null : estimateMemory(i);
  const time = r?.ok ? stateTime(r.estimate, state.gpu) : null;
  const x = time?.ok ? time.estimate : null;
  const summary = x && `${durationText(x.seconds)}${x.costUsd === null ? '' : ` · ${usdText(x.costUsd)}`}`;
  return { hints, time, summary };
}
