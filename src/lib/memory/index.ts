// Public entry of the memory model: everything the site, the CLI and the islands use goes through here.
export * from './types.ts';
export { MODEL_PRESETS, SELECTOR_MODEL_PRESETS, GPU_PRESETS, findModel, findGpu } from './presets.ts';
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
  LOSS_CHUNK_TOKENS,
  ZERO_REDUCE_BUCKET,
  phaseParts,
} from './estimate.ts';
export { fitsGpu, gpuFitTable, maxMicroBatch, maxSequence, type GpuFit } from './fit.ts';
export { makeItFit, type FitAdvice, type FitChange, type FitChangeId } from './make-fit.ts';
export { formatBytes, toUnit, BYTES_PER_UNIT, type ByteUnit } from './format.ts';
export { countParams, activeParams, adapterParams, paramBreakdown, blockLinears, adaptedLinears } from './params.ts';
export {
  PARAMS,
  INPUT_PARAMS,
  ARCH_PARAMS,
  CUSTOM_MODEL,
  NO_GPU,
  DEFAULTS,
  LIMITS,
  allowedText,
  appliesTo,
  labelledMessage,
  param,
  paramByUrl,
  paramOfField,
  validateArchitecture,
  type ParamSpec,
  type ParamGroup,
  type ParamType,
} from './parameters.ts';
export { normalize } from './estimate.ts';
export { resolveArchitecture, type Arch } from './params.ts';
export {
  decodeRaw,
  decodeState,
  encodeParams,
  encodeState,
  paramName,
  parseRaw,
  rawDefaults,
  readQuery,
  DEFAULT_STATE,
  DEFAULT_CUSTOM,
  type CalculatorState,
  type Notice,
  type RawParams,
} from './url-state.ts';
export { COMPONENT_LABELS, calculatorFields, FORM_GROUPS, type CalculatorField } from './fields.ts';
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
export { computeView, controlDefaults, controlsFromSearch, readControls, type CalculatorView } from './view.ts';
export {
  LEDGER,
  BAND_MIN_RUNS,
  compareRun,
  errorBand,
  errorBandText,
  ledgerResults,
  ledgerStats,
  settingsText,
  type ErrorBand,
  type LedgerBasis,
  type LedgerResult,
  type LedgerRun,
  type LedgerStats,
} from './ledger.ts';
