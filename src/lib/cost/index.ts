// Public entry of the time and cost model: FLOPs per token, GPU peaks and prices, the utilisation defaults, and the
// checks against published throughput.
export { flopsPerToken, type FlopsInput, type FlopsPerToken } from './flops.ts';
export { GPU_COMPUTE, PRICE_LIST, gpuCompute, type GpuCompute, type SourcedFigure } from './gpus.ts';
export {
  FLOPS_CHECKS,
  MIN_CHECKED_TOKENS,
  TIME_CHECKS,
  UTILISATION_RUNS,
  type FlopsFigure,
  type Measurement,
} from './measured.ts';
export {
  defaultUtilisation,
  estimateTime,
  measuredUtilisation,
  utilisationRun,
  type TimeEstimate,
  type TimeInput,
  type TimeResult,
} from './time.ts';
export { FLOPS_TOLERANCE, TIME_FACTOR, flopsChecks, timeChecks, type FlopsCheck, type TimeCheck } from './checks.ts';
export {
  costHints,
  durationText,
  gigaText,
  gpuHoursText,
  shareText,
  stateTime,
  usdText,
  datasetTokens,
  wantsTime,
  type FigureSource,
  type StateTime,
} from './state.ts';
export { GENERATING, trainerForwards } from './trainers.ts';
