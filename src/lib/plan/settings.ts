// How each calculator parameter is written in, and read back from, the three trainer configs: ONE row per PARAMS id
// (src/lib/memory/parameters.ts). The exporter (export.ts) and the importer (import.ts) only walk this table, so a new
// parameter is one row here; a unit test fails while a PARAMS id has no row.
//
// Key names were checked against the releases in starter.ts: TRL 1.9.0 (trl/trainer/sft_config.py, dpo_config.py,
// kto_config.py, grpo_config.py, trl/experimental/orpo and cpo, trl/trainer/model_config.py, TrainingArguments of
// transformers 5), Axolotl 0.18.0 (src/axolotl/utils/schemas/*.py, core/builders/rl.py, core/trainers/grpo) and
// LLaMA-Factory 0.9.5 (src/llamafactory/hparams/*.py). TRL's names are those of its `trl sft` command line
// (ModelConfig + SFTConfig); the Python script writes them into the calls they belong to (export.ts).
import type { MethodId, NormalizedInput, TrainerId } from '../memory/index.ts';
import { ARCH_PARAMS } from '../memory/parameters.ts';
import { findModel } from '../memory/presets.ts';
import { modelByHubId, type PlanModel } from './models.ts';
import { GRPO_KL_BETA, LLAMA_FACTORY_VERSION } from './starter.ts';
import { TRAINER_PLANS } from './trainers.ts';

export type FormatId = 'trl' | 'axolotl' | 'llama-factory';
export const FORMATS: readonly FormatId[] = ['trl', 'axolotl', 'llama-factory'];
export const FORMAT_NAMES: Readonly<Record<FormatId, string>> = {
  trl: 'TRL + PEFT (Python)',
  axolotl: 'Axolotl (YAML)',
  'llama-factory': 'LLaMA-Factory (YAML)',
};

export type Config = Record<string, unknown>;
export type Value = string | number | boolean;

export interface WriteContext {
  input: NormalizedInput;
  /** the preset's plan facts; null for a custom architecture */
  model: PlanModel | null;
}

/** What a row reads a config against: the method and trainer the config sets (or the calculator's, when it does not). */
export interface ReadContext {
  method: MethodId;
  trainer: TrainerId;
}

/** What a row read from a config: a value (with the keys it came from), a value it cannot use, or nothing. */
export type ReadResult =
  | { value: Value; keys: readonly string[]; note?: string }
  | { problem: string; keys: readonly string[] }
  | null;

export interface Codec {
  /** the config keys the row reads (top level); the importer lists the others as ignored */
  keys: readonly string[];
  /** the config entries for a value; `{}` when the framework's default already means it */
  write(value: Value, ctx: WriteContext): Config;
  read(cfg: Config, ctx: ReadContext): ReadResult;
}

export interface SettingRow {
  /** a PARAMS id */
  id: string;
  /** per format: how it is written and read, or why the config cannot carry it */
  formats: Readonly<Record<FormatId, Codec | string>>;
  /**
   * Values a format cannot carry exactly, so export → import changes them (checked by the round-trip property
   * test). Return the reason, or null when the value round-trips.
   */
  lossy?: (format: FormatId, ctx: WriteContext) => string | null;
  /** What the written config does differently from the estimate, when it does (shown with the plan). */
  caveat?: (format: FormatId, ctx: WriteContext) => string | null;
}

/** Why LLaMA-Factory has no key for a GRPO setting. */
const NO_GRPO = `LLaMA-Factory ${LLAMA_FACTORY_VERSION} has no GRPO stage`;

// --- readers ------------------------------------------------------------------------------------------------------

const has = (cfg: Config, k: string) => cfg[k] !== undefined && cfg[k] !== null && cfg[k] !== '';

/** true/false from a config value (YAML and key=value lines may carry "true", "True", 1). */
export function asBool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (s === 'true' || s === '1' || s === 'yes') return true;
    if (s === 'false' || s === '0' || s === 'no') return false;
  }
  return undefined;
}

export function asInt(v: unknown): number | undefined {
  const n = typeof v === 'string' && /^\s*\d+(\.0+)?\s*$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) ? n : undefined;
}

const asText = (v: unknown): string | undefined => (typeof v === 'string' ? v.trim() : undefined);
const shown = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v)));

/** A row that reads one key as an integer and writes it as is. */
function intKey(key: string, only?: (ctx: WriteContext) => boolean): Codec {
  return {
    keys: [key],
    write: (v, ctx) => (only && !only(ctx) ? {} : { [key]: v }),
    read: (cfg) => {
      if (!has(cfg, key)) return null;
      const n = asInt(cfg[key]);
      return n === undefined
        ? { problem: `must be a whole number (got ${shown(cfg[key])})`, keys: [key] }
        : { value: n, keys: [key] };
    },
  };
}

/** A boolean row: `key` (inverted when `invert`), the framework's value when absent (`absent`, with a note). */
function boolKey(key: string, opts: { invert?: boolean; absent?: boolean; framework?: string } = {}): Codec {
  const flip = (b: boolean) => (opts.invert ? !b : b);
  return {
    keys: [key],
    write: (v) => ({ [key]: flip(v === true) }),
    read: (cfg) => {
      if (!has(cfg, key)) {
        return opts.absent === undefined
          ? null
          : { value: flip(opts.absent), keys: [], note: `${key} not given: ${opts.framework}’s default` };
      }
      const b = asBool(cfg[key]);
      return b === undefined
        ? { problem: `must be true or false (got ${shown(cfg[key])})`, keys: [key] }
        : { value: flip(b), keys: [key] };
    },
  };
}

const ADAPTERS: readonly MethodId[] = ['lora', 'qlora', 'dora'];
const isAdapter = (m: MethodId) => ADAPTERS.includes(m);
const adapterOnly = (ctx: WriteContext) => isAdapter(ctx.input.method);

// --- model --------------------------------------------------------------------------------------------------------

function modelKey(key: string): Codec {
  return {
    keys: [key],
    // A custom architecture has no Hub id here: null, and the exporter says what to put there.
    write: (_v, ctx) => ({ [key]: ctx.model?.hub ?? null }),
    read: (cfg) => {
      if (!has(cfg, key)) return null;
      const id = asText(cfg[key]) ?? '';
      const m = modelByHubId(id);
      return m
        ? { value: m.id, keys: [key] }
        : {
            problem: `${shown(cfg[key])} is not a model preset of the calculator; the model stays as it was`,
            keys: [key],
          };
    },
  };
}

// --- method -------------------------------------------------------------------------------------------------------

const NO_QDORA = '4-bit DoRA (QDoRA) is not one of the calculator’s methods';

const trlMethod: Codec = {
  keys: ['use_peft', 'load_in_4bit', 'load_in_8bit', 'use_dora'],
  write: (v) =>
    v === 'full' ? { use_peft: false } : { use_peft: true, load_in_4bit: v === 'qlora', use_dora: v === 'dora' },
  read: (cfg) => {
    const keys = ['use_peft', 'load_in_4bit', 'load_in_8bit', 'use_dora', 'lora_r'].filter((k) => has(cfg, k));
    if (keys.length === 0) return null;
    const peft =
      asBool(cfg.use_peft) ??
      (has(cfg, 'lora_r') || asBool(cfg.use_dora) === true || asBool(cfg.load_in_4bit) === true);
    const used = keys.filter((k) => k !== 'lora_r');
    if (asBool(cfg.load_in_8bit)) return { problem: '8-bit base weights are not modelled', keys: ['load_in_8bit'] };
    if (!peft) {
      return asBool(cfg.load_in_4bit)
        ? { problem: '4-bit weights without an adapter cannot be trained', keys: used }
        : { value: 'full', keys: used };
    }
    const q = asBool(cfg.load_in_4bit) === true;
    const d = asBool(cfg.use_dora) === true;
    if (q && d) return { problem: NO_QDORA, keys: used };
    return { value: q ? 'qlora' : d ? 'dora' : 'lora', keys: used };
  },
};

const axolotlMethod: Codec = {
  keys: ['adapter', 'load_in_4bit', 'load_in_8bit', 'peft_use_dora'],
  write: (v) =>
    v === 'full'
      ? {}
      : v === 'qlora'
        ? { adapter: 'qlora', load_in_4bit: true }
        : v === 'dora'
          ? { adapter: 'lora', peft_use_dora: true }
          : { adapter: 'lora' },
  read: (cfg) => {
    const keys = ['adapter', 'load_in_4bit', 'load_in_8bit', 'peft_use_dora'].filter((k) => has(cfg, k));
    if (asBool(cfg.load_in_8bit)) return { problem: '8-bit base weights are not modelled', keys: ['load_in_8bit'] };
    const a = asText(cfg.adapter)?.toLowerCase();
    const d = asBool(cfg.peft_use_dora) === true;
    // Axolotl trains every weight when no adapter is set.
    if (!a) return { value: 'full', keys, note: 'no adapter: Axolotl fine-tunes every weight' };
    if (a === 'qlora') return d ? { problem: NO_QDORA, keys } : { value: 'qlora', keys };
    if (a === 'lora') {
      if (asBool(cfg.load_in_4bit))
        return { problem: '4-bit weights with adapter: lora; Axolotl names this adapter: qlora', keys };
      return { value: d ? 'dora' : 'lora', keys };
    }
    return { problem: `adapter ${shown(cfg.adapter)} is not LoRA or QLoRA`, keys };
  },
};

const lfMethod: Codec = {
  keys: ['finetuning_type', 'quantization_bit', 'quantization_method', 'use_dora'],
  write: (v) =>
    v === 'full'
      ? { finetuning_type: 'full' }
      : v === 'qlora'
        ? { finetuning_type: 'lora', quantization_bit: 4, quantization_method: 'bnb' }
        : v === 'dora'
          ? { finetuning_type: 'lora', use_dora: true }
          : { finetuning_type: 'lora' },
  read: (cfg) => {
    const keys = ['finetuning_type', 'quantization_bit', 'quantization_method', 'use_dora'].filter((k) => has(cfg, k));
    const t = asText(cfg.finetuning_type)?.toLowerCase() ?? 'lora';
    const bits = has(cfg, 'quantization_bit') ? asInt(cfg.quantization_bit) : undefined;
    const qm = asText(cfg.quantization_method)?.toLowerCase() ?? 'bnb';
    const d = asBool(cfg.use_dora) === true;
    const note = has(cfg, 'finetuning_type') ? undefined : 'finetuning_type not given: LLaMA-Factory’s default is lora';
    if (has(cfg, 'quantization_bit') && bits !== 4) {
      return { problem: `quantization_bit ${shown(cfg.quantization_bit)}: only 4-bit (QLoRA) is modelled`, keys };
    }
    if (bits === 4 && qm !== 'bnb')
      return { problem: `quantization_method ${shown(qm)}: only bitsandbytes NF4 is modelled`, keys };
    if (t === 'full')
      return bits ? { problem: 'a quantized model cannot be fully fine-tuned', keys } : { value: 'full', keys };
    if (t !== 'lora') return { problem: `finetuning_type ${shown(cfg.finetuning_type)} is not full or lora`, keys };
    if (bits === 4) return d ? { problem: NO_QDORA, keys } : { value: 'qlora', keys, ...(note ? { note } : {}) };
    return { value: d ? 'dora' : 'lora', keys, ...(note ? { note } : {}) };
  },
};

// --- precision ----------------------------------------------------------------------------------------------------

const FP16 = 'fp16 is not modelled (the calculator models bf16 and fp32)';

// TRL: ModelConfig.dtype (the loaded weights, default float32) and SFTConfig.bf16 (autocast, default True).
// With an adapter the frozen base loads in bf16 and PEFT keeps the adapter in fp32 (autocast_adapter_dtype=True):
// that fp32 copy is the mixed-precision master the estimate counts.
const trlPrecision: Codec = {
  keys: ['dtype', 'bf16', 'fp16'],
  write: (v, ctx) => {
    const adapter = isAdapter(ctx.input.method);
    if (v === 'fp32') return { dtype: 'float32', bf16: false };
    if (v === 'pure-bf16') return { dtype: 'bfloat16', bf16: !adapter };
    return { dtype: adapter ? 'bfloat16' : 'float32', bf16: true };
  },
  read: (cfg, { method }) => {
    const keys = ['dtype', 'bf16', 'fp16'].filter((k) => has(cfg, k));
    if (!has(cfg, 'dtype') && !has(cfg, 'bf16')) return asBool(cfg.fp16) ? { problem: FP16, keys } : null;
    if (asBool(cfg.fp16)) return { problem: FP16, keys };
    const d = (asText(cfg.dtype) ?? 'float32').replace(/^torch\./, '');
    const b = asBool(cfg.bf16) ?? true;
    if (d !== 'float32' && d !== 'bfloat16')
      return { problem: `dtype ${shown(cfg.dtype)} is not float32 or bfloat16`, keys };
    if (isAdapter(method)) {
      if (d === 'bfloat16') return { value: b ? 'mixed-bf16' : 'pure-bf16', keys };
      if (!b) return { value: 'fp32', keys };
      return { problem: 'float32 frozen weights under bf16 autocast are not modelled (load them in bfloat16)', keys };
    }
    if (d === 'bfloat16') return { value: 'pure-bf16', keys };
    return { value: b ? 'mixed-bf16' : 'fp32', keys };
  },
};

const axolotlPrecision: Codec = {
  keys: ['bf16', 'bfloat16', 'fp16', 'float16'],
  write: (v) =>
    v === 'mixed-bf16' ? { bf16: true } : v === 'pure-bf16' ? { bf16: false, bfloat16: true } : { bf16: false },
  read: (cfg) => {
    const keys = ['bf16', 'bfloat16', 'fp16', 'float16'].filter((k) => has(cfg, k));
    if (keys.length === 0) return null;
    if (asBool(cfg.fp16) || asBool(cfg.float16)) return { problem: FP16, keys };
    // bfloat16 loads the model in bf16 without autocast ("No AMP" in Axolotl's schema).
    if (asBool(cfg.bfloat16)) return { value: 'pure-bf16', keys };
    const b = cfg.bf16 === 'auto' ? true : asBool(cfg.bf16);
    if (b === undefined) return null;
    return {
      value: b ? 'mixed-bf16' : 'fp32',
      keys,
      ...(cfg.bf16 === 'auto' ? { note: 'bf16: auto is bf16 on GPUs that have it' } : {}),
    };
  },
};

const lfPrecision: Codec = {
  keys: ['bf16', 'pure_bf16', 'fp16'],
  write: (v) => (v === 'mixed-bf16' ? { bf16: true } : v === 'pure-bf16' ? { pure_bf16: true } : { bf16: false }),
  read: (cfg) => {
    const keys = ['bf16', 'pure_bf16', 'fp16'].filter((k) => has(cfg, k));
    if (keys.length === 0) return null;
    if (asBool(cfg.fp16)) return { problem: FP16, keys };
    if (asBool(cfg.pure_bf16)) return { value: 'pure-bf16', keys };
    const b = asBool(cfg.bf16);
    return b === undefined ? null : { value: b ? 'mixed-bf16' : 'fp32', keys };
  },
};

// --- optimizer ----------------------------------------------------------------------------------------------------

// transformers OptimizerNames (training_args.py): the names TrainingArguments.optim, Axolotl's `optimizer` and
// LLaMA-Factory's `optim` take.
const OPTIM_OUT: Record<string, string> = {
  adamw: 'adamw_torch',
  'adamw-8bit': 'adamw_bnb_8bit',
  'paged-adamw-8bit': 'paged_adamw_8bit',
  'paged-adamw': 'paged_adamw_32bit',
  sgd: 'sgd',
  adafactor: 'adafactor',
};
const OPTIM_IN: Record<string, string> = {
  adamw_torch: 'adamw',
  adamw_torch_fused: 'adamw',
  adamw_hf: 'adamw',
  adamw_apex_fused: 'adamw',
  adamw_bnb_8bit: 'adamw-8bit',
  adamw_8bit: 'adamw-8bit',
  paged_adamw_8bit: 'paged-adamw-8bit',
  paged_adamw_32bit: 'paged-adamw',
  sgd: 'sgd',
  adafactor: 'adafactor',
};

// transformers' Trainer (get_optimizer_cls_and_kwargs in trainer.py) builds torch.optim.SGD with the learning rate
// only, so optim="sgd" trains without momentum, while the calculator's SGD keeps a momentum buffer.
export const SGD_NOTE =
  'optim sgd is torch.optim.SGD without momentum in transformers’ Trainer, so it keeps no buffer; the estimate counts one (one value per trained weight)';

function optimizerKey(key: string): Codec {
  return {
    keys: [key],
    write: (v) => ({ [key]: OPTIM_OUT[String(v)] }),
    read: (cfg) => {
      if (!has(cfg, key)) return null;
      const name = (asText(cfg[key]) ?? '').toLowerCase();
      const v = OPTIM_IN[name];
      if (!v) {
        return { problem: `${shown(cfg[key])} is not one of ${Object.keys(OPTIM_IN).join(', ')}`, keys: [key] };
      }
      return { value: v, keys: [key], ...(v === 'sgd' ? { note: SGD_NOTE } : {}) };
    },
  };
}

// --- targets ------------------------------------------------------------------------------------------------------

const ATTN = ['q_proj', 'k_proj', 'v_proj', 'o_proj'];
const MLP = ['gate_proj', 'up_proj', 'down_proj'];

function targetList(v: Value, model: PlanModel | null): string[] | 'all-linear' {
  if (v === 'all-linear') return 'all-linear';
  const t = model?.targets ?? { qv: ['q_proj', 'v_proj'], attention: ATTN, mlp: MLP };
  if (v === 'mlp') return t.mlp;
  return v === 'attention' ? t.attention : (t.qv ?? t.attention);
}

/** The calculator's target choice for a list of module names (or PEFT's "all-linear", LLaMA-Factory's "all"). */
export function targetsOf(raw: unknown): { value: Value } | { problem: string } {
  const list = Array.isArray(raw)
    ? raw.map(String)
    : String(raw ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
  const set = new Set(list.map((s) => s.toLowerCase()));
  if (set.has('all-linear') || set.has('all')) return { value: 'all-linear' };
  const is = (xs: string[]) => set.size === xs.length && xs.every((x) => set.has(x));
  if (is(['q_proj', 'v_proj'])) return { value: 'qv' };
  if (is(ATTN) || is(['qkv_proj', 'o_proj'])) return { value: 'attention' };
  if (is(MLP) || is(['gate_up_proj', 'down_proj'])) return { value: 'mlp' };
  if (is([...ATTN, ...MLP]) || is(['qkv_proj', 'o_proj', 'gate_up_proj', 'down_proj'])) return { value: 'all-linear' };
  return {
    problem: `${JSON.stringify(list)} is not q+v, the attention projections, the MLP projections or all linear layers`,
  };
}

function readTargets(cfg: Config, key: string): ReadResult {
  if (!has(cfg, key)) return null;
  const r = targetsOf(cfg[key]);
  return 'value' in r ? { value: r.value, keys: [key] } : { problem: r.problem, keys: [key] };
}

const trlTargets: Codec = {
  keys: ['lora_target_modules'],
  write: (v, ctx) => (adapterOnly(ctx) ? { lora_target_modules: targetList(v, ctx.model) } : {}),
  read: (cfg) => readTargets(cfg, 'lora_target_modules'),
};
const axolotlTargets: Codec = {
  keys: ['lora_target_linear', 'lora_target_modules'],
  write: (v, ctx) => {
    if (!adapterOnly(ctx)) return {};
    const t = targetList(v, ctx.model);
    return t === 'all-linear' ? { lora_target_linear: true } : { lora_target_modules: t };
  },
  read: (cfg) => {
    if (asBool(cfg.lora_target_linear)) return { value: 'all-linear', keys: ['lora_target_linear'] };
    return readTargets(cfg, 'lora_target_modules');
  },
};
const lfTargets: Codec = {
  keys: ['lora_target'],
  write: (v, ctx) => {
    if (!adapterOnly(ctx)) return {};
    const t = targetList(v, ctx.model);
    return { lora_target: t === 'all-linear' ? 'all' : t.join(',') };
  },
  read: (cfg) => readTargets(cfg, 'lora_target'),
};

// --- attention ----------------------------------------------------------------------------------------------------

// PyTorch SDPA and FlashAttention both avoid storing the s × s scores, which is what "flash" means in the model.
const ATTN_IN: Record<string, string> = {
  flash_attention_2: 'flash',
  flash_attention_3: 'flash',
  sdpa: 'flash',
  eager: 'eager',
};

function attnImplementation(key: string): Codec {
  return {
    keys: [key],
    write: (v) => ({ [key]: v === 'eager' ? 'eager' : 'flash_attention_2' }),
    read: (cfg) => {
      if (!has(cfg, key)) return null;
      const v = ATTN_IN[(asText(cfg[key]) ?? '').toLowerCase()];
      return v
        ? { value: v, keys: [key] }
        : { problem: `${shown(cfg[key])} is not flash_attention_2, sdpa or eager`, keys: [key] };
    },
  };
}

const axolotlAttention: Codec = {
  keys: ['attn_implementation', 'flash_attention', 'sdp_attention', 'eager_attention'],
  write: (v) => ({ attn_implementation: v === 'eager' ? 'eager' : 'flash_attention_2' }),
  read: (cfg, ctx) => {
    const a = attnImplementation('attn_implementation').read(cfg, ctx);
    if (a) return a;
    // The booleans Axolotl 0.18 still reads (deprecated in favour of attn_implementation).
    if (asBool(cfg.eager_attention)) return { value: 'eager', keys: ['eager_attention'] };
    for (const k of ['flash_attention', 'sdp_attention']) if (asBool(cfg[k])) return { value: 'flash', keys: [k] };
    return null;
  },
};

const lfAttention: Codec = {
  keys: ['flash_attn'],
  write: (v) => ({ flash_attn: v === 'eager' ? 'disabled' : 'fa2' }),
  read: (cfg) => {
    if (!has(cfg, 'flash_attn')) return null;
    const s = (asText(cfg.flash_attn) ?? '').toLowerCase();
    // AttentionFunction in llamafactory/extras/constants.py: auto, disabled (eager), sdpa, fa2, fa3.
    if (s === 'disabled') return { value: 'eager', keys: ['flash_attn'] };
    if (['auto', 'sdpa', 'fa2', 'fa3'].includes(s)) return { value: 'flash', keys: ['flash_attn'] };
    return { problem: `${shown(cfg.flash_attn)} is not auto, disabled, sdpa, fa2 or fa3`, keys: ['flash_attn'] };
  },
};

// --- sharding -----------------------------------------------------------------------------------------------------

/** An inline DeepSpeed config: ZeRO stage N, everything else from the trainer ("auto"), no offload. */
export function deepspeedConfig(stage: number): Config {
  return {
    zero_optimization: { stage },
    bf16: { enabled: 'auto' },
    train_micro_batch_size_per_gpu: 'auto',
    gradient_accumulation_steps: 'auto',
  };
}

const OFFLOAD = 'CPU/NVMe offload is not modelled';

function readDeepspeed(cfg: Config): ReadResult {
  const ds = cfg.deepspeed;
  if (ds && typeof ds === 'object') {
    const z = (ds as Config).zero_optimization as Config | undefined;
    const stage = asInt(z?.stage ?? 0);
    const off = (o: unknown) =>
      !!o && typeof o === 'object' && !['none', undefined].includes((o as Config).device as string);
    if (off(z?.offload_optimizer) || off(z?.offload_param)) return { problem: OFFLOAD, keys: ['deepspeed'] };
    if (stage === undefined || stage > 3)
      return { problem: `ZeRO stage ${shown(z?.stage)} is not 0–3`, keys: ['deepspeed'] };
    return { value: stage === 0 ? 'none' : `zero${stage}`, keys: ['deepspeed'] };
  }
  const path = asText(ds) ?? '';
  const name = path.split('/').at(-1) ?? '';
  if (/offload/i.test(name)) return { problem: OFFLOAD, keys: ['deepspeed'] };
  const m = /(?:zero|z)_?([0-3])/i.exec(name);
  if (!m) return { problem: `cannot tell the ZeRO stage from ${shown(ds)}`, keys: ['deepspeed'] };
  return {
    value: m[1] === '0' ? 'none' : `zero${m[1]}`,
    keys: ['deepspeed'],
    note: `ZeRO stage read from the file name ${name}`,
  };
}

/** TrainingArguments.fsdp: "full_shard auto_wrap" (a string or a list of options). */
function readFsdpOption(v: unknown): ReadResult {
  const opts = (Array.isArray(v) ? v.map(String) : String(v).split(/\s+/)).map((s) => s.toLowerCase());
  if (opts.includes('offload')) return { problem: OFFLOAD, keys: ['fsdp'] };
  if (opts.includes('full_shard')) return { value: 'fsdp', keys: ['fsdp'] };
  return { problem: `FSDP ${shown(v)}: only full_shard is modelled`, keys: ['fsdp'] };
}

const NONE_NOTE = 'no DeepSpeed or FSDP: data parallel (DDP)';

const hfSharding: Codec = {
  keys: ['deepspeed', 'fsdp'],
  write: (v) =>
    v === 'none'
      ? {}
      : v === 'fsdp'
        ? { fsdp: 'full_shard auto_wrap' }
        : { deepspeed: deepspeedConfig(Number(String(v).slice(4))) },
  read: (cfg) => {
    if (has(cfg, 'deepspeed')) return readDeepspeed(cfg);
    if (has(cfg, 'fsdp')) return readFsdpOption(cfg.fsdp);
    return { value: 'none', keys: [], note: NONE_NOTE };
  },
};

const axolotlSharding: Codec = {
  keys: ['deepspeed', 'fsdp', 'fsdp_version', 'fsdp_config'],
  // FSDP2 as in Axolotl's examples/alst/llama3-8b-fsdp2-alst.yaml.
  write: (v, ctx) =>
    v === 'none'
      ? {}
      : v === 'fsdp'
        ? {
            fsdp_version: 2,
            fsdp_config: {
              offload_params: false,
              state_dict_type: 'SHARDED_STATE_DICT',
              auto_wrap_policy: 'TRANSFORMER_BASED_WRAP',
              ...(ctx.model ? { transformer_layer_cls_to_wrap: ctx.model.layerClass } : {}),
              reshard_after_forward: true,
            },
          }
        : { deepspeed: deepspeedConfig(Number(String(v).slice(4))) },
  read: (cfg) => {
    if (has(cfg, 'deepspeed')) return readDeepspeed(cfg);
    if (has(cfg, 'fsdp_version') || has(cfg, 'fsdp_config')) {
      const keys = ['fsdp_version', 'fsdp_config'].filter((k) => has(cfg, k));
      const c = (cfg.fsdp_config ?? {}) as Config;
      if (asBool(c.offload_params) || asBool(c.fsdp_offload_params)) return { problem: OFFLOAD, keys };
      if (asBool(c.reshard_after_forward) === false) {
        return { problem: 'reshard_after_forward: false keeps whole layers (not modelled)', keys };
      }
      return { value: 'fsdp', keys };
    }
    if (has(cfg, 'fsdp')) return readFsdpOption(cfg.fsdp);
    return { value: 'none', keys: [], note: NONE_NOTE };
  },
};

// --- double quantization, loss ------------------------------------------------------------------------------------

const axolotlDoubleQuant: Codec = {
  keys: ['bnb_config_kwargs'],
  write: (v, ctx) =>
    ctx.input.method === 'qlora' ? { bnb_config_kwargs: { bnb_4bit_use_double_quant: v === true } } : {},
  read: (cfg) => {
    const k = (cfg.bnb_config_kwargs ?? {}) as Config;
    const b = asBool(k.bnb_4bit_use_double_quant);
    // src/axolotl/loaders/model.py builds the QLoRA BitsAndBytesConfig with bnb_4bit_use_double_quant: True.
    return b === undefined
      ? { value: true, keys: [], note: 'bnb_4bit_use_double_quant not given: Axolotl’s default is true' }
      : { value: b, keys: ['bnb_config_kwargs'] };
  },
};

// TRL 1.9 SFTConfig.loss_type: unset means "chunked_nll" (chunked cross-entropy) unless use_liger_kernel is set, in
// which case "nll" runs through Liger's fused linear cross-entropy. Plain "nll" is Transformers' fp32 loss.
const trlLoss: Codec = {
  keys: ['loss_type', 'use_liger_kernel'],
  write: (v) =>
    v === 'chunked' ? { loss_type: 'chunked_nll' } : v === 'fused' ? { use_liger_kernel: true } : { loss_type: 'nll' },
  read: (cfg) => {
    if (asBool(cfg.use_liger_kernel)) return { value: 'fused', keys: ['use_liger_kernel'] };
    if (!has(cfg, 'loss_type'))
      return { value: 'chunked', keys: [], note: 'loss_type not given: TRL’s default is chunked_nll' };
    const t = (asText(cfg.loss_type) ?? '').toLowerCase();
    if (t === 'chunked_nll') return { value: 'chunked', keys: ['loss_type'] };
    if (t === 'nll') return { value: 'fp32', keys: ['loss_type'] };
    return { problem: `loss_type ${shown(cfg.loss_type)} is not nll or chunked_nll`, keys: ['loss_type'] };
  },
};

// Axolotl 0.18: chunked_cross_entropy (bool); absent or false runs Transformers' fp32 loss.
const axolotlLoss: Codec = {
  keys: ['chunked_cross_entropy'],
  write: (v) => ({ chunked_cross_entropy: v === 'chunked' }),
  read: (cfg) => {
    const b = asBool(cfg.chunked_cross_entropy);
    if (b === undefined)
      return { value: 'fp32', keys: [], note: 'chunked_cross_entropy not given: Axolotl’s default is off' };
    return { value: b ? 'chunked' : 'fp32', keys: ['chunked_cross_entropy'] };
  },
};

/** The routed experts of a preset or a custom architecture (1 for a dense model). */
const expertsOf = (m: NormalizedInput['model']): number =>
  (typeof m === 'string' ? findModel(m)?.arch.experts : m.experts) ?? 1;

// --- trainers -----------------------------------------------------------------------------------------------------

/** A nested mapping in a config (Axolotl's `trl:` and `vllm:` blocks), or an empty one. */
const block = (cfg: Config, k: string): Config =>
  cfg[k] && typeof cfg[k] === 'object' && !Array.isArray(cfg[k]) ? (cfg[k] as Config) : {};

// The classes the exported script calls (trainers.ts), back to the calculator's trainer. The importer records the
// script's `trainer = DPOTrainer(` line as `trainer: "DPOTrainer"`; a JSON or key=value config may name it too.
const TRL_CLASSES: Record<string, TrainerId> = {
  sfttrainer: 'sft',
  dpotrainer: 'dpo',
  ktotrainer: 'kto',
  grpotrainer: 'grpo',
  orpotrainer: 'orpo',
  sft: 'sft',
  dpo: 'dpo',
  kto: 'kto',
  grpo: 'grpo',
  orpo: 'orpo',
};

const trlTrainer: Codec = {
  keys: ['trainer', 'loss_type'],
  write: () => ({}),
  read: (cfg) => {
    if (!has(cfg, 'trainer')) return null;
    const name = (asText(cfg.trainer) ?? '').toLowerCase();
    if (name === 'cpotrainer' || name === 'simpo') {
      // CPOTrainer is SimPO with loss_type="simpo" (cpo_config.py); other CPO losses keep a BC term not modelled.
      const loss = (asText(cfg.loss_type) ?? 'sigmoid').toLowerCase();
      return loss === 'simpo' || name === 'simpo'
        ? { value: 'simpo', keys: ['trainer', ...(has(cfg, 'loss_type') ? ['loss_type'] : [])] }
        : {
            problem: `CPOTrainer with loss_type ${shown(loss)}: only SimPO (loss_type="simpo") is modelled`,
            keys: ['trainer'],
          };
    }
    const t = TRL_CLASSES[name];
    return t
      ? { value: t, keys: ['trainer'] }
      : { problem: `${shown(cfg.trainer)} is not SFT, DPO, KTO, ORPO, CPO (SimPO) or GRPO`, keys: ['trainer'] };
  },
};

const axolotlTrainer: Codec = {
  keys: ['rl'],
  write: (v) => {
    const a = TRAINER_PLANS[v as TrainerId].axolotl;
    return typeof a === 'string' || a.rl === null ? {} : { rl: a.rl };
  },
  read: (cfg) => {
    if (!has(cfg, 'rl')) return { value: 'sft', keys: [], note: 'no rl: Axolotl trains with SFT' };
    const rl = (asText(cfg.rl) ?? '').toLowerCase();
    // rl: ipo is DPO with the IPO loss (Axolotl's validation.py): the same models in memory.
    if (rl === 'ipo') return { value: 'dpo', keys: ['rl'], note: 'rl: ipo is DPO with the IPO loss' };
    if (['dpo', 'kto', 'grpo', 'orpo', 'simpo'].includes(rl)) return { value: rl, keys: ['rl'] };
    return { problem: `rl ${shown(cfg.rl)} is not dpo, ipo, kto, orpo, simpo or grpo`, keys: ['rl'] };
  },
};

const lfTrainer: Codec = {
  keys: ['stage', 'pref_loss'],
  write: (v) => {
    const l = TRAINER_PLANS[v as TrainerId]['llama-factory'];
    return typeof l === 'string' ? {} : { stage: l.stage, ...(l.prefLoss ? { pref_loss: l.prefLoss } : {}) };
  },
  read: (cfg) => {
    const keys = ['stage', 'pref_loss'].filter((k) => has(cfg, k));
    // finetuning_args.py: stage defaults to sft, pref_loss to sigmoid.
    const stage = (asText(cfg.stage) ?? 'sft').toLowerCase();
    const note = has(cfg, 'stage') ? {} : { note: 'stage not given: LLaMA-Factory’s default is sft' };
    if (stage === 'sft') return { value: 'sft', keys, ...note };
    if (stage === 'kto') return { value: 'kto', keys };
    if (stage !== 'dpo') return { problem: `stage ${shown(cfg.stage)} is not sft, dpo or kto`, keys };
    const loss = (asText(cfg.pref_loss) ?? 'sigmoid').toLowerCase();
    if (loss === 'orpo' || loss === 'simpo') return { value: loss, keys };
    // sigmoid, hinge, ipo and kto_pair all keep the reference model (use_ref_model in finetuning_args.py).
    if (['sigmoid', 'hinge', 'ipo', 'kto_pair'].includes(loss)) return { value: 'dpo', keys };
    return { problem: `pref_loss ${shown(cfg.pref_loss)} is not sigmoid, hinge, ipo, kto_pair, orpo or simpo`, keys };
  },
};

/** DPOConfig/KTOConfig precompute_ref_log_probs (TRL 1.9.0), the same key in Axolotl 0.18.0 (schemas/config.py). */
const precomputeRef: Codec = {
  keys: ['precompute_ref_log_probs'],
  write: (v) => ({ precompute_ref_log_probs: v === 'precomputed' }),
  read: (cfg) => {
    if (!has(cfg, 'precompute_ref_log_probs'))
      return { value: 'model', keys: [], note: 'precompute_ref_log_probs not given: the default is off' };
    const b = asBool(cfg.precompute_ref_log_probs);
    return b === undefined
      ? {
          problem: `must be true or false (got ${shown(cfg.precompute_ref_log_probs)})`,
          keys: ['precompute_ref_log_probs'],
        }
      : { value: b ? 'precomputed' : 'model', keys: ['precompute_ref_log_probs'] };
  },
};

const AXOLOTL_REF = 'Axolotl passes precompute_ref_log_probs to its DPO trainer only, so KTO keeps the reference model';

/** GRPO's β: > 0 loads the reference model (grpo_config.py). Read for GRPO only: DPO's β is another setting. */
function klBeta(get: (cfg: Config) => unknown, keys: readonly string[], write: (beta: number) => Config): Codec {
  return {
    keys,
    write: (v) => write(v === true ? GRPO_KL_BETA.value : 0),
    read: (cfg, { trainer }) => {
      if (trainer !== 'grpo') return null;
      const b = get(cfg);
      const used = keys.filter((k) => has(cfg, k));
      if (b === undefined || b === null)
        return { value: false, keys: [], note: 'beta not given: TRL’s default is 0.0' };
      const x = typeof b === 'string' ? Number(b) : b;
      return typeof x === 'number' && Number.isFinite(x) && x >= 0
        ? { value: x > 0, keys: used }
        : { problem: `beta must be a number of 0 or more (got ${shown(b)})`, keys: used };
    },
  };
}

/** An integer in a nested block (Axolotl's `trl: num_generations`). */
function nestedInt(outer: string, key: string): Codec {
  return {
    keys: [outer],
    write: (v) => ({ [outer]: { [key]: v } }),
    read: (cfg) => {
      const b = block(cfg, outer);
      if (!has(b, key)) return null;
      const n = asInt(b[key]);
      return n === undefined
        ? { problem: `${outer}.${key} must be a whole number (got ${shown(b[key])})`, keys: [outer] }
        : { value: n, keys: [outer] };
    },
  };
}

const SERVER_NOTE = 'vllm_mode server: vLLM runs on GPUs of its own, not the training GPUs';

/** A colocated vLLM engine's share: `use_vllm`, `vllm_mode` (default colocate) and the utilisation (default `dflt`). */
function readVllm(use: unknown, mode: unknown, util: unknown, keys: string[], dflt: number): ReadResult {
  const on = asBool(use);
  if (on === undefined && use !== undefined && use !== null) return { problem: `use_vllm must be true or false`, keys };
  if (!on) return { value: 0, keys, ...(keys.length ? {} : { note: 'use_vllm not given: generation without vLLM' }) };
  const m = (asText(mode) ?? 'colocate').toLowerCase();
  if (m === 'server') return { value: 0, keys, note: SERVER_NOTE };
  if (m !== 'colocate') return { problem: `vllm_mode ${shown(mode)} is not colocate or server`, keys };
  const u = util === undefined || util === null ? dflt : typeof util === 'string' ? Number(util) : util;
  if (typeof u !== 'number' || !Number.isFinite(u))
    return { problem: `gpu memory utilization ${shown(util)} is not a number`, keys };
  return { value: Math.round(u * 100), keys };
}

// GRPOConfig (TRL 1.9.0): use_vllm False, vllm_mode "colocate", vllm_gpu_memory_utilization 0.3.
const trlVllm: Codec = {
  keys: ['use_vllm', 'vllm_mode', 'vllm_gpu_memory_utilization'],
  write: (v) =>
    Number(v) > 0
      ? { use_vllm: true, vllm_mode: 'colocate', vllm_gpu_memory_utilization: Number(v) / 100 }
      : { use_vllm: false },
  read: (cfg) =>
    readVllm(
      cfg.use_vllm,
      cfg.vllm_mode,
      cfg.vllm_gpu_memory_utilization,
      ['use_vllm', 'vllm_mode', 'vllm_gpu_memory_utilization'].filter((k) => has(cfg, k)),
      0.3,
    ),
};

// Axolotl 0.18.0: trl.use_vllm and trl.vllm_mode (schemas/trl.py); in colocate mode its GRPO builder passes
// vllm.gpu_memory_utilization (schemas/vllm.py, default 0.9) as TRL's vllm_gpu_memory_utilization.
const axolotlVllm: Codec = {
  keys: ['trl', 'vllm'],
  write: (v) =>
    Number(v) > 0
      ? { trl: { use_vllm: true, vllm_mode: 'colocate' }, vllm: { gpu_memory_utilization: Number(v) / 100 } }
      : { trl: { use_vllm: false } },
  read: (cfg) => {
    const t = block(cfg, 'trl');
    const keys = [...(has(t, 'use_vllm') || has(t, 'vllm_mode') ? ['trl'] : []), ...(has(cfg, 'vllm') ? ['vllm'] : [])];
    return readVllm(t.use_vllm, t.vllm_mode, block(cfg, 'vllm').gpu_memory_utilization, keys, 0.9);
  },
};

/** GRPO's micro-batch of B prompts is B × G completions in per_device_train_batch_size (post-training.ts [GRPO]). */
function batchKey(key: string, generations: (cfg: Config) => unknown): Codec {
  const plain = intKey(key);
  return {
    keys: [key],
    write: (v, ctx) => ({ [key]: ctx.input.trainer === 'grpo' ? Number(v) * ctx.input.generations : v }),
    read: (cfg, ctx) => {
      const r = plain.read(cfg, ctx);
      if (ctx.trainer !== 'grpo' || !r || !('value' in r)) return r;
      // GRPOConfig's num_generations defaults to 8.
      const g = asInt(generations(cfg)) ?? 8;
      const n = Number(r.value);
      return n % g === 0
        ? { value: n / g, keys: r.keys, note: `${key} ${n} completions = ${n / g} prompts × ${g} generations` }
        : { problem: `${n} completions are not a whole number of prompts × ${g} generations`, keys: r.keys };
    },
  };
}

const NOT_WRITTEN = (what: string): string => `not carried by the plan yet: ${what}`;

const TOKENS = 'the data set’s size is the time estimate’s input; configs name the data set, not its size';
const COST_ONLY = 'the time and cost estimate only';

/** A row that only SFT configs carry (the loss options): other trainers write nothing and read nothing. */
function sftOnly(c: Codec): Codec {
  return {
    keys: c.keys,
    write: (v, ctx) => (ctx.input.trainer === 'sft' ? c.write(v, ctx) : {}),
    read: (cfg, ctx) => (ctx.trainer === 'sft' ? c.read(cfg, ctx) : null),
  };
}

/** The trainer class (TRL) or `rl:` value (Axolotl) a config runs, for messages. */
export function trainerName(f: FormatId, t: TrainerId): string {
  const p = TRAINER_PLANS[t][f];
  if (typeof p === 'string') return t.toUpperCase();
  if ('trainer' in p) return p.trainer;
  if ('rl' in p) return `Axolotl’s ${(p.rl ?? 'sft').toUpperCase()} trainer`;
  return `LLaMA-Factory’s stage: ${p.stage}`;
}

const LAUNCHER = 'set by the launch command (see the comment at the top), not by the config';

export const SETTINGS: readonly SettingRow[] = [
  {
    id: 'model',
    formats: {
      trl: modelKey('model_name_or_path'),
      axolotl: modelKey('base_model'),
      'llama-factory': modelKey('model_name_or_path'),
    },
  },
  ...ARCH_PARAMS.map(
    (p): SettingRow => ({
      id: p.id,
      formats: {
        trl: 'read from the checkpoint’s config.json',
        axolotl: 'read from the checkpoint’s config.json',
        'llama-factory': 'read from the checkpoint’s config.json',
      },
    }),
  ),
  { id: 'method', formats: { trl: trlMethod, axolotl: axolotlMethod, 'llama-factory': lfMethod } },
  {
    id: 'trainer',
    formats: { trl: trlTrainer, axolotl: axolotlTrainer, 'llama-factory': lfTrainer },
  },
  {
    id: 'reference',
    formats: {
      trl: precomputeRef,
      // Axolotl passes the key to its DPO trainer only (src/axolotl/core/trainers/dpo/__init__.py): KTO keeps the model.
      axolotl: {
        keys: precomputeRef.keys,
        write: (v, ctx) => (ctx.input.trainer === 'dpo' ? precomputeRef.write(v, ctx) : {}),
        read: (cfg, ctx) =>
          ctx.trainer === 'dpo' ? precomputeRef.read(cfg, ctx) : { value: 'model', keys: [], note: AXOLOTL_REF },
      },
      'llama-factory': `LLaMA-Factory ${LLAMA_FACTORY_VERSION} has no option to precompute the reference log-probs`,
    },
    lossy: (f, ctx) =>
      f === 'axolotl' && ctx.input.trainer === 'kto' && ctx.input.reference === 'precomputed' ? AXOLOTL_REF : null,
  },
  {
    id: 'klPenalty',
    formats: {
      trl: klBeta(
        (cfg) => cfg.beta,
        ['beta'],
        (beta) => ({ beta }),
      ),
      // Axolotl's RL builder takes trl.beta first, then rl_beta (src/axolotl/core/builders/rl.py).
      axolotl: klBeta(
        (cfg) => block(cfg, 'trl').beta ?? cfg.rl_beta,
        ['trl', 'rl_beta'],
        (beta) => ({ trl: { beta } }),
      ),
      'llama-factory': NO_GRPO,
    },
  },
  {
    id: 'generations',
    formats: { trl: intKey('num_generations'), axolotl: nestedInt('trl', 'num_generations'), 'llama-factory': NO_GRPO },
  },
  {
    id: 'completion',
    formats: {
      trl: intKey('max_completion_length'),
      axolotl: nestedInt('trl', 'max_completion_length'),
      'llama-factory': NO_GRPO,
    },
  },
  {
    id: 'vllmShare',
    formats: { trl: trlVllm, axolotl: axolotlVllm, 'llama-factory': NO_GRPO },
  },
  { id: 'precision', formats: { trl: trlPrecision, axolotl: axolotlPrecision, 'llama-factory': lfPrecision } },
  {
    id: 'optimizer',
    formats: { trl: optimizerKey('optim'), axolotl: optimizerKey('optimizer'), 'llama-factory': optimizerKey('optim') },
    caveat: (_f, ctx) => (ctx.input.optimizer === 'sgd' ? SGD_NOTE : null),
  },
  {
    id: 'rank',
    formats: {
      trl: intKey('lora_r', adapterOnly),
      axolotl: intKey('lora_r', adapterOnly),
      'llama-factory': intKey('lora_rank', adapterOnly),
    },
  },
  {
    id: 'targets',
    formats: { trl: trlTargets, axolotl: axolotlTargets, 'llama-factory': lfTargets },
    lossy: (_f, ctx) =>
      isAdapter(ctx.input.method) && ctx.input.targets === 'qv' && ctx.model && !ctx.model.targets.qv
        ? 'this model fuses q, k and v, so q+v is written as the attention projections'
        : null,
  },
  {
    // PEFT reaches Transformers 5's fused experts through target_parameters, which neither TRL's command line, Axolotl
    // nor LLaMA-Factory exposes; their all-linear/MLP targets adapt the experts (PEFT 0.20.0 converts them).
    id: 'expertAdapters',
    formats: {
      trl: NOT_WRITTEN('PEFT’s target_parameters on the expert weights'),
      axolotl: NOT_WRITTEN('PEFT’s target_parameters on the expert weights'),
      'llama-factory': NOT_WRITTEN('PEFT’s target_parameters on the expert weights'),
    },
    caveat: (_f, ctx) =>
      isAdapter(ctx.input.method) &&
      !ctx.input.expertAdapters &&
      expertsOf(ctx.input.model) > 1 &&
      (ctx.input.targets === 'mlp' || ctx.input.targets === 'all-linear')
        ? 'these targets adapt the experts too (PEFT 0.20.0); the estimate leaves them frozen'
        : null,
  },
  {
    id: 'seq',
    formats: {
      // GRPOConfig has no prompt length (TRL 1.9.0 grpo_config.py): prompts are as long as the data set's.
      trl: intKey('max_length', (ctx) => ctx.input.trainer !== 'grpo'),
      axolotl: intKey('sequence_len'),
      'llama-factory': intKey('cutoff_len'),
    },
    lossy: (f, ctx) =>
      f === 'trl' && ctx.input.trainer === 'grpo'
        ? 'GRPOConfig has no prompt length: prompts are as long as the data set’s'
        : null,
    // Axolotl's GRPO builder drops max_length (get_blocklist_args_kwargs in src/axolotl/core/trainers/grpo).
    caveat: (f, ctx) =>
      f === 'axolotl' && ctx.input.trainer === 'grpo'
        ? 'Axolotl does not pass sequence_len to GRPO, so prompts are as long as the data set’s'
        : null,
  },
  {
    id: 'batch',
    formats: {
      trl: batchKey('per_device_train_batch_size', (cfg) => cfg.num_generations),
      axolotl: batchKey('micro_batch_size', (cfg) => block(cfg, 'trl').num_generations),
      'llama-factory': intKey('per_device_train_batch_size'),
    },
  },
  {
    id: 'gradCheckpointing',
    formats: {
      trl: boolKey('gradient_checkpointing', { absent: true, framework: 'TRL' }),
      axolotl: boolKey('gradient_checkpointing', { absent: false, framework: 'Axolotl' }),
      // LLaMA-Factory checkpoints unless told not to (model_args.py: disable_gradient_checkpointing=False).
      'llama-factory': boolKey('disable_gradient_checkpointing', {
        invert: true,
        absent: false,
        framework: 'LLaMA-Factory',
      }),
    },
  },
  {
    id: 'attention',
    formats: {
      trl: attnImplementation('attn_implementation'),
      axolotl: axolotlAttention,
      'llama-factory': lfAttention,
    },
  },
  { id: 'gpus', formats: { trl: LAUNCHER, axolotl: LAUNCHER, 'llama-factory': LAUNCHER } },
  { id: 'sharding', formats: { trl: hfSharding, axolotl: axolotlSharding, 'llama-factory': hfSharding } },
  {
    id: 'doubleQuant',
    formats: {
      trl: {
        ...boolKey('use_bnb_nested_quant', { absent: false, framework: 'TRL' }),
        write: (v, ctx) => (ctx.input.method === 'qlora' ? { use_bnb_nested_quant: v === true } : {}),
      },
      axolotl: axolotlDoubleQuant,
      'llama-factory': {
        ...boolKey('double_quantization', { absent: true, framework: 'LLaMA-Factory' }),
        write: (v, ctx) => (ctx.input.method === 'qlora' ? { double_quantization: v === true } : {}),
      },
    },
  },
  {
    id: 'loss',
    formats: {
      trl: sftOnly(trlLoss),
      axolotl: sftOnly(axolotlLoss),
      // LLaMA-Factory 0.9.5 has no loss option: it runs Transformers' loss on fp32 logits.
      'llama-factory': {
        keys: [],
        write: () => ({}),
        read: () => ({ value: 'fp32', keys: [], note: 'LLaMA-Factory runs Transformers’ loss on fp32 logits' }),
      },
    },
    lossy: (f, ctx) =>
      ctx.input.loss === 'bf16'
        ? 'no trainer config runs the loss on bf16 logits (LitGPT does)'
        : f !== 'llama-factory' && ctx.input.trainer !== 'sft'
          ? `the plan writes a loss option for SFT only; ${trainerName(f, ctx.input.trainer)} computes its own loss`
          : f === 'llama-factory' && ctx.input.loss !== 'fp32'
            ? `LLaMA-Factory ${LLAMA_FACTORY_VERSION} has no chunked or fused cross-entropy option; it runs Transformers’ fp32 loss`
            : f === 'axolotl' && ctx.input.loss === 'fused'
              ? 'the plan writes Axolotl’s chunked_cross_entropy only'
              : null,
  },
  ...(
    [
      ['loraDropout', 'PEFT’s lora_dropout (a fraction)'],
      ['adapterFp32', 'PEFT’s autocast_adapter_dtype (on by default)'],
      ['quantSavesInput', 'the installed bitsandbytes release decides it'],
      ['quantizeHead', 'Transformers keeps the head in 16 bits'],
      ['trainHead', 'PEFT’s modules_to_save'],
      ['trainEmbeddings', 'PEFT’s modules_to_save'],
      ['optimizerImpl', 'the optimizer name (adamw_torch vs adamw_torch_fused)'],
      ['accumulation', 'the plan computes gradient_accumulation_steps from its target batch'],
      ['offload', 'DeepSpeed offload_optimizer or TRL activation_offloading'],
    ] as const
  ).map(
    ([id, what]): SettingRow => ({
      id,
      formats: { trl: NOT_WRITTEN(what), axolotl: NOT_WRITTEN(what), 'llama-factory': NOT_WRITTEN(what) },
    }),
  ),
  {
    id: 'gpu',
    formats: {
      trl: 'the GPU the calculator checks against; configs do not name one',
      axolotl: 'the GPU the calculator checks against; configs do not name one',
      'llama-factory': 'the GPU the calculator checks against; configs do not name one',
    },
  },
  { id: 'examples', formats: { trl: COST_ONLY, axolotl: COST_ONLY, 'llama-factory': COST_ONLY } },
  { id: 'exampleTokens', formats: { trl: COST_ONLY, axolotl: COST_ONLY, 'llama-factory': COST_ONLY } },
  {
    id: 'tokens',
    formats: {
      trl: TOKENS,
      axolotl: TOKENS,
      'llama-factory': TOKENS,
    },
  },
  {
    id: 'epochs',
    formats: {
      trl: intKey('num_train_epochs'),
      axolotl: intKey('num_epochs'),
      'llama-factory': intKey('num_train_epochs'),
    },
  },
  { id: 'priceCents', formats: { trl: COST_ONLY, axolotl: COST_ONLY, 'llama-factory': COST_ONLY } },
  { id: 'mfu', formats: { trl: COST_ONLY, axolotl: COST_ONLY, 'llama-factory': COST_ONLY } },
  { id: 'unit', formats: { trl: 'display only', axolotl: 'display only', 'llama-factory': 'display only' } },
];

export function codecOf(row: SettingRow, f: FormatId): Codec | null {
  const c = row.formats[f];
  return typeof c === 'string' ? null : c;
}
