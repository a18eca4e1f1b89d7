// Public entry of the memory model: everything the site, the CLI and the islands use goes through here.
export * from './types.ts';
export { MODEL_PRESETS, GPU_PRESETS, findModel, findGpu } from './presets.ts';
export {
  estimateMemory,
  statesBytes,
  nf4BitsPerParam,
  optimizerStateBytes,
  blockSavedBytesPerToken,
  CUDA_CONTEXT_BYTES,
  ALLOCATOR_RESERVE_FRACTION,
  BNB_MIN_8BIT_SIZE,
  BNB_OPTIMIZER_BLOCK,
  LOSS_CHUNKS,
} from './estimate.ts';
export { fitsGpu, gpuFitTable, maxMicroBatch, maxSequence, type GpuFit } from './fit.ts';
export { formatBytes, toUnit, BYTES_PER_UNIT, type ByteUnit } from './format.ts';
export { countParams, activeParams, adapterParams, paramBreakdown, blockLinears, adaptedLinears } from './params.ts';
export { DEFAULTS, LIMITS, validateArchitecture } from './validate.ts';
export {
  decodeState,
  encodeState,
  paramName,
  DEFAULT_STATE,
  DEFAULT_CUSTOM,
  type CalculatorState,
} from './url-state.ts';
export {
  vramFigure,
  vramHtml,
  VramPropError,
  VRAM_PROPS,
  VRAM_SHOW,
  type VramFigure,
  type VramShow,
} from './vram-props.ts';
export {
  PUBLISHED_FIGURES,
  compareFigure,
  QLORA_65B_INPUT,
  GPT3_175B,
  LLAMA_65B,
  type PublishedFigure,
  type Comparison,
} from './published.ts';
export { computeView, controlDefaults, controlsFromSearch, type CalculatorView } from './view.ts';
