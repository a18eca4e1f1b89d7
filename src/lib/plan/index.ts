// Public entry of the plan: a starter plan exported from a calculator state, and trainer configs read back in.
export { exportPlan, planSummary, type PlanFile, type PlanSummary, unsupportedFormats } from './export.ts';
export {
  ConfigImportError,
  detectFormat,
  NO_EFFECT,
  type IgnoredKey,
  type ImportedSetting,
  importConfig,
  type ImportResult,
} from './import.ts';
export { modelByHubId, PLAN_MODELS, planModel, type PlanModel } from './models.ts';
export { FORMAT_NAMES, FORMATS, type FormatId, SETTINGS, type SettingRow } from './settings.ts';
export { AXOLOTL_VERSION, LLAMA_FACTORY_VERSION, starter, TRL_VERSION, type Starter } from './starter.ts';
export { TRAINER_PLANS, unsupported } from './trainers.ts';
