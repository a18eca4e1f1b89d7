// The time and cost of a calculator state: the memory model's resolved input (its architecture, method and the time
// and cost parameters of the table: tokens, epochs, priceCents, mfu), as the CLI and the calculator read them.
import { param } from '../memory/parameters.ts';
import { PAIRED } from '../memory/post-training.ts';
import { findGpu } from '../memory/presets.ts';
import type { Estimate, MethodId, NormalizedInput } from '../memory/types.ts';
import { gpuCompute, PRICE_LIST } from './gpus.ts';
import { defaultUtilisation, estimateTime, type TimeEstimate, utilisationRun } from './time.ts';
import { trainerForwards } from './trainers.ts';

/** Where an assumed figure comes from: a title and a link. */
export interface FigureSource {
  label: string;
  url: string;
}

export type StateTime =
  | {
      ok: true;
      estimate: TimeEstimate;
      datasetTokens: number;
      /** the examples and their mean tokens the dataset tokens were counted from (null: given as tokens) */
      fromExamples: { examples: number; exampleTokens: number } | null;
      epochs: number;
      gpu: string;
      trainer: NormalizedInput['trainer'];
      /** a pair's chosen and rejected sequences both count as trained tokens (DPO, ORPO, SimPO) */
      paired: boolean;
      /** the published run the default utilisation is measured from (null when the reader gave one) */
      utilisationFrom: FigureSource | null;
      /** the price list and the GPU's entry on it (null when the reader gave a price or the list has none) */
      priceFrom: (FigureSource & { read: string; says: string }) | null;
    }
  /** the settings ask for a time (a dataset size is given) but it cannot be computed */
  | { ok: false; message: string };

/** Tokens in one epoch: the dataset tokens when given, else examples × their mean tokens (0: no size given). The
 *  product may pass the 9 digits one field holds, so a large corpus can be given as examples × mean length. */
export function datasetTokens(i: NormalizedInput): number {
  return i.tokens > 0 ? i.tokens : i.examples * i.exampleTokens;
}

/** Whether the input gives a dataset size (the time estimate is asked for). */
export function wantsTime(i: NormalizedInput): boolean {
  return datasetTokens(i) > 0;
}

const label = (id: string, value: string): string => param(id)?.values?.find(([v]) => v === value)?.[1] ?? value;

/** null when no dataset size is given. */
export function stateTime(e: Estimate, gpu: string | null): StateTime | null {
  const i = e.input;
  if (!wantsTime(i)) return null;
  const extraForwards = trainerForwards(i);
  if (!extraForwards) {
    return {
      ok: false,
      message:
        `the time estimate does not cover ${label('trainer', i.trainer)}: its steps generate completions token by ` +
        'token, at a speed set by the decoding engine (generate or vLLM), not by the FLOPs counted here',
    };
  }
  if (!gpu || !findGpu(gpu)) return { ok: false, message: 'choose a GPU for the time estimate' };
  const { epochs, mfu, priceCents } = i;
  const tokens = datasetTokens(i);
  const r = estimateTime({
    arch: e.arch,
    method: i.method,
    rank: i.rank,
    targets: i.targets,
    seq: i.seq,
    gradCheckpointing: i.gradCheckpointing,
    extraForwards,
    gpus: i.gpus,
    gpu,
    datasetTokens: tokens,
    epochs,
    utilisation: mfu > 0 ? mfu / 100 : null,
    usdPerHour: priceCents > 0 ? priceCents / 100 : null,
  });
  if (!r.ok) return r;
  const run = utilisationRun(i.method);
  const listed = gpuCompute(gpu);
  return {
    ok: true,
    estimate: r.estimate,
    datasetTokens: tokens,
    fromExamples: i.tokens > 0 ? null : { examples: i.examples, exampleTokens: i.exampleTokens },
    epochs,
    gpu,
    trainer: i.trainer,
    paired: PAIRED.includes(i.trainer),
    utilisationFrom: r.estimate.utilisationGiven ? null : { label: run.label, url: run.source.url },
    priceFrom:
      r.estimate.priceGiven || !listed || listed.usdPerHour === null
        ? null
        : { label: PRICE_LIST.title, url: PRICE_LIST.url, read: PRICE_LIST.read, says: listed.price },
  };
}

/** How to count the dataset tokens, and what 0 stands for in the price and utilisation fields, for this trainer,
 *  sequence length (null while invalid), method and GPU, by parameter id: sentences starting with the field's label. */
export function costHints(
  method: MethodId,
  gpu: string | null,
  trainer: NormalizedInput['trainer'],
  seq: number | null,
): Record<string, string> {
  const c = gpu ? gpuCompute(gpu) : undefined;
  const price = !c
    ? 'the GPU’s listed price (choose a GPU)'
    : c.usdPerHour === null
      ? `no price (${c.price})`
      : `the listed ${usdText(c.usdPerHour)} per GPU-hour (${PRICE_LIST.short}, read ${PRICE_LIST.read})`;
  const u = `${label('method', method)}’s default, ${shareText(defaultUtilisation(method))}, measured on ${utilisationRun(method).label}`;
  const says = (id: string, text: string) => `${param(id)?.label ?? id}: ${text}.`;
  const lower = (id: string) => (param(id)?.label ?? id).toLowerCase();
  const paired = PAIRED.includes(trainer);
  const padded = `${paired ? '2 × ' : ''}${seq === null ? 'the sequence length' : seq.toLocaleString('en-US')}`;
  const tokens =
    `${paired ? 'pairs × the mean length of a chosen plus a rejected sequence' : 'examples × their mean length'}` +
    ` after packing, or ${paired ? 'pairs' : 'examples'} × ${padded} when padded; 0 = ${lower('examples')} × ${lower('exampleTokens')}` +
    ', no time estimate when those are 0 too';
  return {
    exampleTokens: says(
      'exampleTokens',
      `${paired ? 'a chosen plus a rejected sequence' : 'prompt and completion together'}, or ${padded} when padded`,
    ),
    tokens: says('tokens', tokens),
    priceCents: says('priceCents', `0 = ${price}`),
    mfu: says('mfu', `0 = ${u}`),
  };
}

/** "6.2 h", "45 min", "3.1 days" */
export function durationText(seconds: number): string {
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min`;
  if (seconds < 48 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} days`;
}

/** "49.3 G": FLOPs in billions, one decimal (the panel, the CLI and /about/memory/ follow it with "FLOPs"). */
export const gigaText = (flops: number): string => `${(flops / 1e9).toFixed(1)} G`;

/** "35.2%": a share (0.352) as a percentage with one decimal. */
export const shareText = (share: number): string => `${(share * 100).toFixed(1)}%`;

/** "12.9", "1,234.5": GPU-hours with one decimal. */
export const gpuHoursText = (hours: number): string =>
  hours.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "$35.06", "$1,234" */
export function usdText(usd: number): string {
  return usd >= 1000
    ? `$${Math.round(usd).toLocaleString('en-US')}`
    : `$${usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
