// Time and cost of a supervised fine-tuning run: tokens/s per GPU = utilisation × peak FLOP/s ÷ FLOPs per token
// (flops.ts), times the data-parallel GPUs; time = dataset tokens × epochs ÷ tokens/s; cost = hours × GPUs × price.
// The utilisation is the share of the peak spent on the counted FLOPs, recomputation included (PaLM's hardware FLOPs
// utilisation; the same as MFU without checkpointing). Its default per method is measured from a published run.
import type { MethodId } from '../memory/types.ts';
import { type FlopsInput, flopsPerToken, type FlopsPerToken } from './flops.ts';
import { gpuCompute } from './gpus.ts';
import { type Measurement, UTILISATION_RUNS } from './measured.ts';

/** What one measured step says about utilisation: its executed FLOP/s over the GPUs' peak. */
export function measuredUtilisation(m: Measurement): number {
  const f = flopsPerToken(m);
  const peak = gpuCompute(m.gpu)?.peakFlops ?? 0;
  return (m.tokensPerGpuStep * f.total) / m.secondsPerStep / peak;
}

/** The published run a method's default utilisation is measured from (DoRA takes LoRA's: no DoRA timing is
 *  published). */
export function utilisationRun(method: MethodId): Measurement {
  return UTILISATION_RUNS[method === 'dora' ? 'lora' : method];
}

/** The utilisation assumed for a method when none is given. */
export function defaultUtilisation(method: MethodId): number {
  return measuredUtilisation(utilisationRun(method));
}

export interface TimeInput extends FlopsInput {
  gpus: number;
  /** GPU preset id */
  gpu: string;
  /** tokens in one pass over the data set */
  datasetTokens: number;
  epochs: number;
  /** 0 < u ≤ 1; null: the method's default */
  utilisation: number | null;
  /** US dollars per GPU-hour; null: the GPU's listed price (gpus.ts), when it has one */
  usdPerHour: number | null;
}

export interface TimeEstimate {
  flops: FlopsPerToken;
  peakFlops: number;
  utilisation: number;
  utilisationGiven: boolean;
  tokensPerSecondPerGpu: number;
  tokensPerSecond: number;
  secondsPerEpoch: number;
  seconds: number;
  gpuHours: number;
  /** null when no price is given and the GPU has no listed one */
  usdPerHour: number | null;
  priceGiven: boolean;
  costUsd: number | null;
}

export type TimeResult = { ok: true; estimate: TimeEstimate } | { ok: false; message: string };

export function estimateTime(x: TimeInput): TimeResult {
  const gpu = gpuCompute(x.gpu);
  if (!gpu || gpu.peakFlops <= 0) {
    return { ok: false, message: `no published peak throughput for the GPU ${JSON.stringify(x.gpu)}` };
  }
  if (x.utilisation !== null && !(x.utilisation > 0 && x.utilisation <= 1)) {
    return { ok: false, message: `utilisation must be above 0 and at most 1 (got ${x.utilisation})` };
  }
  const flops = flopsPerToken(x);
  const utilisation = x.utilisation ?? defaultUtilisation(x.method);
  const tokensPerSecondPerGpu = (utilisation * gpu.peakFlops) / flops.total;
  const tokensPerSecond = tokensPerSecondPerGpu * x.gpus;
  const secondsPerEpoch = x.datasetTokens / tokensPerSecond;
  const seconds = secondsPerEpoch * x.epochs;
  const gpuHours = (seconds / 3600) * x.gpus;
  const usdPerHour = x.usdPerHour ?? gpu.usdPerHour;
  return {
    ok: true,
    estimate: {
      flops,
      peakFlops: gpu.peakFlops,
      utilisation,
      utilisationGiven: x.utilisation !== null,
      tokensPerSecondPerGpu,
      tokensPerSecond,
      secondsPerEpoch,
      seconds,
      gpuHours,
      usdPerHour,
      priceGiven: x.usdPerHour !== null,
      costUsd: usdPerHour === null ? null : gpuHours * usdPerHour,
    },
  };
}
