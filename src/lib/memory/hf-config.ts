// A Hugging Face config.json → the memory model's Architecture. Pure: no DOM, no fetch (the calculator's ModelSource
// and the `vram --config` command bring the text). Each family maps its config fields the way its transformers
// configuration_*.py and modeling_*.py read them; a default is taken from the configuration class only where the
// published configs rely on it (Gemma-3's sparse text_config), and every default used is named in `notes`.
//
// Sources (transformers, src/transformers/models/<family>/):
//   llama, mistral: LlamaAttention q/k/v/o bias = attention_bias; LlamaMLP bias = mlp_bias (mistral: none).
//   qwen2: q/k/v always with bias, o without (Qwen2Attention).       qwen3: attention_bias on q/k/v/o, q_norm/k_norm.
//   gemma2: four norms per block, head_dim.                           gemma3: gemma2's block plus q_norm/k_norm;
//     Gemma3TextConfig defaults vocab_size 262208, hidden_size 2304, intermediate_size 9216, num_hidden_layers 26,
//     num_attention_heads 8, num_key_value_heads 4, head_dim 256, max_position_embeddings 131072,
//     tie_word_embeddings true.
//   phi3: fused qkv_proj / gate_up_proj (same counts as separate ones).   mixtral: num_local_experts experts.
//   qwen3_moe: num_experts of moe_intermediate_size, experts in layers that are not in mlp_only_layers and fall on
//     decoder_sparse_step.                                             gpt_oss: biases everywhere, sinks, router bias.
//   deepseek_v3: n_routed_experts + n_shared_experts of moe_intermediate_size after first_k_dense_replace dense
//     layers (moe_layer_freq 1), e_score_correction_bias on the router; attention is multi-head latent attention.
import * as z from 'zod/mini';
import { showValue, validateArchitecture } from './parameters.ts';
import { siglipParams } from './params.ts';
import type { Architecture } from './types.ts';

export type HfConfigResult =
  | {
      ok: true;
      arch: Architecture;
      /** model_type as the config gives it (of text_config for a multimodal wrapper) */
      modelType: string;
      /** what was assumed or left out, one sentence each */
      notes: string[];
    }
  | { ok: false; message: string };

/** The model_type values the parser maps, with the families they stand for (for messages and /about/memory/). */
export const SUPPORTED_MODEL_TYPES: readonly (readonly [modelType: string, family: string])[] = [
  ['llama', 'Llama 2/3, DeepSeek-R1-Distill-Llama'],
  ['mistral', 'Mistral, Mistral-Small'],
  ['qwen2', 'Qwen2/2.5, DeepSeek-R1-Distill-Qwen'],
  ['qwen3', 'Qwen3'],
  ['gemma2', 'Gemma-2'],
  ['gemma3', 'Gemma-3 (its text_config)'],
  ['gemma3_text', 'Gemma-3 1B'],
  ['phi3', 'Phi-3, Phi-4'],
  ['mixtral', 'Mixtral'],
  ['qwen3_moe', 'Qwen3 MoE'],
  ['gpt_oss', 'gpt-oss'],
  ['deepseek_v3', 'DeepSeek-V3/R1 (only with standard attention)'],
];

const SUPPORTED = new Set(SUPPORTED_MODEL_TYPES.map(([t]) => t));
const CORE = [
  'hidden_size',
  'num_hidden_layers',
  'num_attention_heads',
  'intermediate_size',
  'vocab_size',
] as const satisfies readonly string[];

// The fields read, as the configs write them. Unknown fields are ignored (configs carry many).
const posInt = z.int().check(z.positive());
const count = z.int().check(z.nonnegative());
const CONFIG = z.looseObject({
  model_type: z.optional(z.string()),
  hidden_size: z.optional(posInt),
  num_hidden_layers: z.optional(posInt),
  num_attention_heads: z.optional(posInt),
  num_key_value_heads: z.optional(z.nullable(posInt)),
  head_dim: z.optional(z.nullable(posInt)),
  intermediate_size: z.optional(posInt),
  moe_intermediate_size: z.optional(posInt),
  vocab_size: z.optional(posInt),
  tie_word_embeddings: z.optional(z.boolean()),
  attention_bias: z.optional(z.boolean()),
  mlp_bias: z.optional(z.boolean()),
  max_position_embeddings: z.optional(posInt),
  num_local_experts: z.optional(posInt),
  num_experts: z.optional(posInt),
  n_routed_experts: z.optional(posInt),
  num_experts_per_tok: z.optional(posInt),
  n_shared_experts: z.optional(z.nullable(count)),
  first_k_dense_replace: z.optional(count),
  moe_layer_freq: z.optional(posInt),
  decoder_sparse_step: z.optional(posInt),
  mlp_only_layers: z.optional(z.array(count)),
  q_lora_rank: z.optional(z.nullable(posInt)),
  kv_lora_rank: z.optional(z.nullable(posInt)),
  qk_rope_head_dim: z.optional(posInt),
  qk_nope_head_dim: z.optional(posInt),
  v_head_dim: z.optional(posInt),
});
type Config = z.infer<typeof CONFIG>;

/** Parses config.json text. Malformed JSON gets a message with its line, column and character offset. */
export function parseHfConfig(text: string): HfConfigResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: `config.json is not valid JSON: ${jsonErrorAt(text)}` };
  }
  return archFromHfConfig(value);
}

/** Maps a parsed config.json object to an Architecture. */
export function archFromHfConfig(value: unknown): HfConfigResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      message: `config.json must be a JSON object (got ${Array.isArray(value) ? 'an array' : showValue(value)})`,
    };
  }
  const top = value as Record<string, unknown>;
  const notes: string[] = [];
  let raw: Record<string, unknown> = top;
  let outerType = typeof top.model_type === 'string' ? top.model_type : undefined;
  // Multimodal wrappers keep the language model in text_config (Gemma-3 4B and up).
  const textConfig = top.text_config;
  if (outerType === 'gemma3' && typeof textConfig === 'object' && textConfig !== null && !Array.isArray(textConfig)) {
    raw = { model_type: 'gemma3_text', ...(textConfig as Record<string, unknown>) };
    // tie_word_embeddings may sit on the wrapper
    if (raw.tie_word_embeddings === undefined && typeof top.tie_word_embeddings === 'boolean') {
      raw.tie_word_embeddings = top.tie_word_embeddings;
    }
    const vision = visionNote(top.vision_config, raw);
    notes.push(
      `Sized as the language model of text_config, as Gemma3ForCausalLM loads it for text fine-tuning${vision}.`,
    );
    outerType = 'gemma3';
  }
  if (outerType === undefined) {
    return {
      ok: false,
      message: `config.json has no model_type, so its architecture is unknown; supported: ${supportedList()}`,
    };
  }
  const parsed = z.safeParse(CONFIG, raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    return {
      ok: false,
      message: `config.json field ${field || '(top level)'} ${describeIssue(issue?.code, raw[String(issue?.path[0])])}`,
    };
  }
  const c = parsed.data;
  const type = outerType === 'gemma3' ? 'gemma3' : (c.model_type ?? outerType);
  if (!SUPPORTED.has(type)) {
    const present = CORE.filter((k) => c[k] !== undefined);
    const missing = CORE.filter((k) => c[k] === undefined);
    return {
      ok: false,
      message:
        `model_type ${showValue(type)} is not supported (supported: ${supportedList()}). ` +
        (missing.length
          ? `Its config has ${present.length ? present.join(', ') : 'none of the fields needed'} but no ${missing.join(', ')}; `
          : 'Its config has the basic sizes, but its block layout (biases, norms, MLP) is not known here; ') +
        'enter the architecture as a custom model instead.',
    };
  }
  return mapFamily(type, c, notes);
}

function mapFamily(type: string, c: Config, notes: string[]): HfConfigResult {
  const gemma3 = type === 'gemma3' || type === 'gemma3_text';
  const read = { ...c } as Record<string, unknown>;
  if (gemma3) {
    const defaults: Record<string, number | boolean> = {
      vocab_size: 262208,
      hidden_size: 2304,
      intermediate_size: 9216,
      num_hidden_layers: 26,
      num_attention_heads: 8,
      num_key_value_heads: 4,
      head_dim: 256,
      max_position_embeddings: 131072,
      tie_word_embeddings: true,
    };
    const used = Object.entries(defaults).filter(([k]) => read[k] === undefined || read[k] === null);
    for (const [k, v] of used) read[k] = v;
    if (used.length) {
      notes.push(`Not in the config, so Gemma3TextConfig’s defaults: ${used.map(([k, v]) => `${k} ${v}`).join(', ')}.`);
    }
  }
  const moeType = type === 'mixtral' || type === 'qwen3_moe' || type === 'gpt_oss' || type === 'deepseek_v3';
  const needed: string[] = [...CORE];
  if (type === 'qwen3_moe' || type === 'deepseek_v3') needed.push('moe_intermediate_size');
  if (moeType) needed.push('num_experts_per_tok');
  if (type === 'mixtral' || type === 'gpt_oss') needed.push('num_local_experts');
  if (type === 'qwen3_moe') needed.push('num_experts');
  if (type === 'deepseek_v3') needed.push('n_routed_experts');
  const missing = needed.filter((k) => read[k] === undefined || read[k] === null);
  if (missing.length) {
    return {
      ok: false,
      message: `config.json (model_type ${type}) has no ${missing.join(', ')}, which the memory model needs`,
    };
  }
  const cfg = read as Config & Record<(typeof CORE)[number], number>;
  if (type === 'deepseek_v3' && (cfg.kv_lora_rank || cfg.q_lora_rank)) {
    // Multi-head latent attention projects q and kv through low-rank latents (q_a/q_b, kv_a/kv_b) whose sizes the
    // Architecture has no fields for yet; sizing it as standard attention would be wrong by the whole attention.
    return {
      ok: false,
      message:
        `config.json (model_type deepseek_v3) uses multi-head latent attention (q_lora_rank ${cfg.q_lora_rank ?? 'none'}, ` +
        `kv_lora_rank ${cfg.kv_lora_rank ?? 'none'}, qk_rope_head_dim ${cfg.qk_rope_head_dim ?? '?'}, v_head_dim ` +
        `${cfg.v_head_dim ?? '?'}), which the memory model does not describe yet; its MoE fields (n_routed_experts, ` +
        'n_shared_experts, moe_intermediate_size, first_k_dense_replace) are read',
    };
  }
  const heads = cfg.num_attention_heads;
  const headDim = cfg.head_dim ?? defaultHeadDim(type, cfg.hidden_size, heads, notes);
  if (headDim === null) {
    return {
      ok: false,
      message: `config.json: hidden_size ${cfg.hidden_size} is not a multiple of num_attention_heads ${heads}, and there is no head_dim`,
    };
  }
  const attnBias = cfg.attention_bias ?? type === 'gpt_oss';
  const arch: Architecture = {
    hidden: cfg.hidden_size,
    layers: cfg.num_hidden_layers,
    heads,
    kvHeads: cfg.num_key_value_heads ?? heads,
    headDim,
    intermediate: cfg.intermediate_size,
    vocab: cfg.vocab_size,
    tiedEmbeddings: cfg.tie_word_embeddings ?? (type === 'gemma2' || gemma3),
    qkvBias:
      type === 'qwen2'
        ? true
        : type === 'mistral' || type === 'mixtral' || type === 'phi3' || gemma3 || type === 'gemma2'
          ? false
          : attnBias,
    mlp: 'gated',
    norm: 'rmsnorm',
    normsPerLayer: type === 'gemma2' || gemma3 ? 4 : 2,
  };
  if (cfg.num_key_value_heads === undefined || cfg.num_key_value_heads === null) {
    notes.push(`No num_key_value_heads: multi-head attention (${heads} KV heads), as transformers assumes.`);
  }
  if (cfg.max_position_embeddings) arch.contextLength = cfg.max_position_embeddings;
  if (type === 'llama' || type === 'qwen3' || type === 'qwen3_moe' || type === 'gpt_oss') arch.oBias = attnBias;
  if (type === 'llama' && cfg.mlp_bias) arch.mlpBias = true;
  if (type === 'qwen3' || type === 'qwen3_moe' || gemma3) arch.qkNorm = true;
  if (moeType) {
    const experts = (
      type === 'qwen3_moe' ? cfg.num_experts : type === 'deepseek_v3' ? cfg.n_routed_experts : cfg.num_local_experts
    ) as number;
    arch.experts = experts;
    arch.activeExperts = cfg.num_experts_per_tok as number;
    if (type === 'qwen3_moe' || type === 'deepseek_v3') arch.intermediate = cfg.moe_intermediate_size as number;
  }
  if (type === 'gpt_oss') {
    arch.mlpBias = true;
    arch.routerBias = true;
    arch.sinks = true;
    notes.push(
      'gpt-oss experts ship as MXFP4 blocks; they are sized as the bf16 weights training dequantizes them to.',
    );
  }
  if (type === 'qwen3_moe') {
    const step = cfg.decoder_sparse_step ?? 1;
    const dense = cfg.mlp_only_layers ?? [];
    if (step !== 1 || dense.length) {
      return {
        ok: false,
        message: `config.json (model_type qwen3_moe): dense MLP layers (mlp_only_layers ${JSON.stringify(dense)}, decoder_sparse_step ${step}) between the expert layers are not described by the memory model; only dense first layers are`,
      };
    }
  }
  if (type === 'deepseek_v3') {
    if ((cfg.moe_layer_freq ?? 1) !== 1) {
      return {
        ok: false,
        message: `config.json (model_type deepseek_v3): moe_layer_freq ${cfg.moe_layer_freq} (experts every few layers) is not described by the memory model`,
      };
    }
    arch.sharedExperts = cfg.n_shared_experts ?? 0;
    arch.denseLayers = Math.min(cfg.first_k_dense_replace ?? 0, cfg.num_hidden_layers);
    arch.denseIntermediate = arch.denseLayers > 0 ? cfg.intermediate_size : 0;
    arch.routerBias = true;
  }
  const errors = validateArchitecture(arch);
  if (errors.length) {
    return {
      ok: false,
      message: `config.json describes an architecture outside the calculator's limits: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`,
    };
  }
  return { ok: true, arch, modelType: type, notes };
}

function defaultHeadDim(type: string, hidden: number, heads: number, notes: string[]): number | null {
  // Qwen3Config and Gemma configs default head_dim to 128 and 256, not hidden / heads.
  if (type === 'qwen3' || type === 'qwen3_moe') {
    notes.push('No head_dim: Qwen3Config’s default, 128.');
    return 128;
  }
  if (type === 'gemma2') {
    notes.push('No head_dim: Gemma2Config’s default, 256.');
    return 256;
  }
  return hidden % heads === 0 ? hidden / heads : null;
}

function visionNote(vision: unknown, text: Record<string, unknown>): string {
  if (typeof vision !== 'object' || vision === null) return '';
  const v = vision as Record<string, unknown>;
  const n = (k: string) =>
    typeof v[k] === 'number' && Number.isInteger(v[k]) && (v[k] as number) > 0 ? (v[k] as number) : null;
  const shape = {
    hidden: n('hidden_size'),
    layers: n('num_hidden_layers'),
    intermediate: n('intermediate_size'),
    patch: n('patch_size'),
    image: n('image_size'),
    channels: n('num_channels') ?? 3,
  };
  const textHidden = typeof text.hidden_size === 'number' ? text.hidden_size : 2304;
  if (Object.values(shape).some((x) => x === null)) return '; the vision tower is left out';
  const params = siglipParams(shape as Required<{ [K in keyof typeof shape]: number }>, textHidden);
  return `; the SigLIP vision tower and projector (${params.toLocaleString('en-US')} parameters) are left out`;
}

function supportedList(): string {
  return SUPPORTED_MODEL_TYPES.map(([t]) => t).join(', ');
}

function describeIssue(code: string | undefined, got: unknown): string {
  const shown = showValue(got);
  if (code === 'invalid_type') return `has the wrong type (got ${shown})`;
  if (code === 'too_small') return `must be positive (got ${shown})`;
  return `is invalid (got ${shown})`;
}

/**
 * Where JSON.parse failed, found by a small scanner (browsers word and place their errors differently): "line 3,
 * column 5 (character 41): expected ',' or '}' after a property value".
 */
export function jsonErrorAt(text: string): string {
  let i = 0;
  const fail = (what: string): never => {
    throw new JsonSyntaxAt(i, what);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${near()}`);
  };
  const near = () => (i >= text.length ? 'end of the text' : `character ${JSON.stringify(text[i])}`);
  const string = () => {
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      const ch = text[i] as string;
      if (ch < ' ') fail('control character inside a string');
      if (ch === '\\') {
        i++;
        const e = text[i] ?? '';
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('bad \\u escape');
          i += 4;
        } else if (!'"\\/bfnrt'.includes(e) || e === '') fail('bad escape in a string');
      }
      i++;
    }
    if (i >= text.length) fail('unterminated string');
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail(`unexpected ${near()}`);
    i += (m as RegExpExecArray)[0].length;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a property name in double quotes, found ${near()}`);
        string();
        ws();
        if (text[i] !== ':') fail(`expected ':' after a property name, found ${near()}`);
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`expected ',' or '}' after a property value, found ${near()}`);
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`expected ',' or ']' after an array element, found ${near()}`);
      }
    }
    if (ch === '"') string();
    else if (ch === 't') literal('true');
    else if (ch === 'f') literal('false');
    else if (ch === 'n') literal('null');
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) number();
    else fail(`unexpected ${near()}`);
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${near()} after the end of the JSON value`);
    return 'it could not be read';
  } catch (e) {
    if (!(e instanceof JsonSyntaxAt)) throw e;
    const before = text.slice(0, e.offset);
    const line = before.split('\n').length;
    const column = e.offset - before.lastIndexOf('\n');
    return `line ${line}, column ${column} (character ${e.offset + 1}): ${e.what}`;
  }
}

class JsonSyntaxAt extends Error {
  readonly offset: number;
  readonly what: string;
  constructor(offset: number, what: string) {
    super(what);
    this.offset = offset;
    this.what = what;
  }
}
