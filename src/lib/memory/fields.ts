// The calculator form, derived from the parameter table at build time and handed to the island as props, so the
// island's JavaScript holds no parameter list of its own (and the page stays within its JS budget).
import { CUSTOM_MODEL, NO_GPU, PARAMS, type ParamGroup } from './parameters.ts';
import { GPU_PRESETS, MODEL_PRESETS } from './presets.ts';
import type { ComponentId } from './types.ts';

export interface CalculatorField {
  /** URL name, also the form key */
  key: string;
  label: string;
  group: ParamGroup;
  kind: 'int' | 'bool' | 'select' | 'radios';
  /** [value, label] for select and radios */
  options?: [string, string][];
  /** methods the field applies to (absent: all); the island disables it for the others */
  methods?: string[];
  /** trainers the field applies to (absent: all); the island disables it for the others */
  trainers?: string[];
  /** the model presets the field applies to (absent: all; a custom architecture always); the island disables it for
   *  the others (expert adapters on dense models) */
  models?: string[];
  /** a preset list, shown on a row of its own */
  wide?: boolean;
}

/** The form's fieldsets in order, with their legends (the architecture's fields show inside Model, with a custom
 *  model; the display settings sit with the result). */
export const FORM_GROUPS: readonly (readonly [ParamGroup, string])[] = [
  ['model', 'Model'],
  ['method', 'Method'],
  ['trainer', 'Post-training'],
  ['training', 'Training'],
  ['gpus', 'GPUs'],
  ['cost', 'Time and cost'],
];

/** The estimate's components as the calculator labels them, in the order of its bar and table. */
export const COMPONENT_LABELS: readonly (readonly [ComponentId, string])[] = [
  ['weights', 'Weights'],
  ['trainable', 'Adapter weights'],
  ['gradients', 'Gradients'],
  ['optimizer', 'Optimizer states'],
  ['activations', 'Activations'],
  ['logits', 'Logits and loss'],
  ['overhead', 'CUDA context, allocator'],
];

/** A GPU's name without the vendor and brand ("RTX 4090", "A100 80GB"): the GPU list and the badges use it. */
export function shortGpuName(name: string): string {
  return name.replace(/^NVIDIA (GeForce )?/, '');
}

export function calculatorFields(): CalculatorField[] {
  return PARAMS.map((p): CalculatorField => {
    const f: CalculatorField = {
      key: p.url,
      label: p.label,
      group: p.group,
      kind: p.type === 'int' ? 'int' : p.type === 'bool' ? 'bool' : p.radios ? 'radios' : 'select',
    };
    if (p.type === 'enum') f.options = (p.values ?? []).map(([v, l]) => [v, l]);
    if (p.type === 'model') {
      f.options = [
        ...MODEL_PRESETS.map((m): [string, string] => [m.id, m.name]),
        [CUSTOM_MODEL, 'Custom architecture…'],
      ];
    }
    if (p.type === 'gpu') {
      f.options = [
        // Without the vendor and brand (the fit table has the full names), so the list fits a phone: "RTX 4090 (24 GB)".
        ...GPU_PRESETS.map((g): [string, string] => [g.id, `${shortGpuName(g.name)} (${g.memoryGB} GB)`]),
        [NO_GPU, 'No GPU chosen'],
      ];
    }
    if (p.methods) f.methods = [...p.methods];
    if (p.trainers) f.trainers = [...p.trainers];
    if (p.moe) f.models = MODEL_PRESETS.filter((m) => (m.arch.experts ?? 1) > 1).map((m) => m.id);
    if (p.type === 'model' || p.type === 'gpu') f.wide = true;
    return f;
  });
}
