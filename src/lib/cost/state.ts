// The time and cost of a calculator state: the memory model's resolved input (its architecture, method and the time
// and cost parameters of the table: tokens, epochs, priceCents, mfu), as the CLI and the calculator read them.
import { type Estimate, findGpu, type NormalizedInput } from '../memory/index.ts';
import { estimateTime, type TimeEstimate } from './time.ts';

export type StateTime =
  | { ok: true; estimate: TimeEstimate; datasetTokens: number; epochs: number; gpu: string }
  /** the settings ask for a time (a dataset size is given) but it cannot be computed */
  | { ok: false; message: string };

/** Whether the input gives a dataset size (the time estimate is asked for). */
export function wantsTime(i: NormalizedInput): boolean {
  return i.tokens > 0;
}

/** null when no dataset size is given. */
export function stateTime(e: Estimate, gpu: string | null): StateTime | null {
  const i = e.input;
  if (!wantsTime(i)) return null;
  if (i.trainer !== 'sft') {
    return { ok: false, message: `the time estimate covers supervised fine-tuning (SFT) only, not ${i.trainer}` };
  }
  if (!gpu || !findGpu(gpu)) return { ok: false, message: 'choose a GPU for the time estimate' };
  const { tokens, epochs, mfu, priceCents } = i;
  const r = estimateTime({
    arch: e.arch,
    method: i.method,
    rank: i.rank,
    targets: i.targets,
    seq: i.seq,
    gradCheckpointing: i.gradCheckpointing,
    gpus: i.gpus,
    gpu,
    datasetTokens: tokens,
    epochs,
    utilisation: mfu > 0 ? mfu / 100 : null,
    usdPerHour: priceCents > 0 ? priceCents / 100 : null,
  });
  return r.ok ? { ok: true, estimate: r.estimate, datasetTokens: tokens, epochs, gpu } : r;
}

/** "6.2 h", "45 min", "3.1 days" */
export function durationText(seconds: number): string {
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min`;
  if (seconds < 48 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} days`;
}

/** "$35.06", "$1,234" */
export function usdText(usd: number): string {
  return usd >= 1000
    ? `$${Math.round(usd).toLocaleString('en-US')}`
    : `$${usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
