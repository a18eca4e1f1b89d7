// What the plan needs to know about each model preset beyond its shape: the Hub id a trainer loads, LLaMA-Factory's
// chat template, the decoder layer class FSDP wraps and the names of the linear layers LoRA targets.
import { MODEL_PRESETS } from '../memory/presets.ts';
import { hubIdOf, PRESET_SOURCES } from '../memory/preset-sources.ts';

export interface PlanModel {
  /** preset id (src/lib/memory/presets.ts) */
  id: string;
  /** the Hub repository the preset's config.json comes from, e.g. meta-llama/Llama-3.1-8B */
  hub: string;
  /** LLaMA-Factory 0.9.5 template name (src/llamafactory/data/template.py, register_template(name=…)) */
  template: string;
  /** the transformers decoder layer class, for FSDP's transformer_layer_cls_to_wrap */
  layerClass: string;
  /** linear layers per target choice; null when the checkpoint cannot adapt that set alone */
  targets: { qv: string[] | null; attention: string[]; mlp: string[] };
}

const LLAMA_QV = ['q_proj', 'v_proj'];
const LLAMA_ATTENTION = ['q_proj', 'k_proj', 'v_proj', 'o_proj'];
const LLAMA_MLP = ['gate_proj', 'up_proj', 'down_proj'];

interface Family {
  prefix: string;
  template: string;
  layerClass: string;
  targets?: PlanModel['targets'];
}

// Layer class names are the modeling files' decoder layers in transformers (models/<family>/modeling_<family>.py).
// The first family whose prefix starts the preset id wins, so longer prefixes come first. Templates checked in
// LLaMA-Factory v0.9.5's src/llamafactory/data/template.py (deepseekr1, gemma3, gpt_oss, mistral_small, phi4, qwen3).
const FAMILIES: readonly Family[] = [
  { prefix: 'qwen3-30b-a3b', template: 'qwen3', layerClass: 'Qwen3MoeDecoderLayer' },
  { prefix: 'qwen3-', template: 'qwen3', layerClass: 'Qwen3DecoderLayer' },
  { prefix: 'gemma-3-', template: 'gemma3', layerClass: 'Gemma3DecoderLayer' },
  { prefix: 'mistral-small-', template: 'mistral_small', layerClass: 'MistralDecoderLayer' },
  { prefix: 'gpt-oss-', template: 'gpt_oss', layerClass: 'GptOssDecoderLayer' },
  { prefix: 'deepseek-r1-distill-qwen', template: 'deepseekr1', layerClass: 'Qwen2DecoderLayer' },
  { prefix: 'deepseek-r1-distill-llama', template: 'deepseekr1', layerClass: 'LlamaDecoderLayer' },
  // Phi-4 is Phi3ForCausalLM: fused qkv_proj like Phi-3
  {
    prefix: 'phi-4',
    template: 'phi4',
    layerClass: 'Phi3DecoderLayer',
    targets: { qv: null, attention: ['qkv_proj', 'o_proj'], mlp: ['gate_up_proj', 'down_proj'] },
  },
  { prefix: 'llama-2-', template: 'llama2', layerClass: 'LlamaDecoderLayer' },
  { prefix: 'llama-3', template: 'llama3', layerClass: 'LlamaDecoderLayer' },
  { prefix: 'mistral-', template: 'mistral', layerClass: 'MistralDecoderLayer' },
  { prefix: 'mixtral-', template: 'mistral', layerClass: 'MixtralDecoderLayer' },
  { prefix: 'qwen2.5-', template: 'qwen', layerClass: 'Qwen2DecoderLayer' },
  { prefix: 'gemma-2-', template: 'gemma2', layerClass: 'Gemma2DecoderLayer' },
  // Phi-3 fuses q, k and v into qkv_proj (modeling_phi3.py), so q and v cannot be adapted without k.
  {
    prefix: 'phi-3-',
    template: 'phi',
    layerClass: 'Phi3DecoderLayer',
    // and gate and up into gate_up_proj
    targets: { qv: null, attention: ['qkv_proj', 'o_proj'], mlp: ['gate_up_proj', 'down_proj'] },
  },
];

export const PLAN_MODELS: readonly PlanModel[] = MODEL_PRESETS.map((p) => {
  const f = FAMILIES.find((x) => p.id.startsWith(x.prefix));
  if (!f) throw new Error(`model preset ${p.id} has no plan family: add one to FAMILIES`);
  return {
    id: p.id,
    hub: hubIdOf(PRESET_SOURCES[p.id]?.source ?? ''),
    template: f.template,
    layerClass: f.layerClass,
    targets: f.targets ?? { qv: LLAMA_QV, attention: LLAMA_ATTENTION, mlp: LLAMA_MLP },
  };
});

export function planModel(id: string): PlanModel | undefined {
  return PLAN_MODELS.find((m) => m.id === id);
}

// Instruction-tuned checkpoints share their base model's shape: Llama-3.1-8B-Instruct is sized like Llama-3.1-8B.
const TUNED = /-(instruct|it|chat)(?=-|$)/gi;
const key = (hub: string) => hub.toLowerCase().replace(TUNED, '');

/** The preset a Hub id names (exactly, or as its -Instruct/-it/-chat variant); case-insensitive. */
export function modelByHubId(hub: string): PlanModel | undefined {
  const h = hub.trim().toLowerCase();
  return PLAN_MODELS.find((m) => m.hub.toLowerCase() === h) ?? PLAN_MODELS.find((m) => key(m.hub) === key(h));
}
