// Configs in: an Axolotl YAML, a LLaMA-Factory YAML or TRL arguments (JSON, key=value lines, `--key value` command
// lines, a TRL YAML config, or the Python script export.ts writes) become calculator values by URL name. Every value
// goes through the table in settings.ts and the parameter table's own parser, so an imported value is checked exactly
// like a link's; the keys it did not use are listed with the reason.
import { parse as parseYaml } from 'yaml';
import type { MethodId, TrainerId } from '../memory/index.ts';
import { appliesTo, checkValue, PARAMS, type ParamSpec } from '../memory/parameters.ts';
import { parseRaw, type RawParams } from '../memory/url-state.ts';
import { type Config, codecOf, FORMAT_NAMES, type FormatId, SETTINGS, type Value } from './settings.ts';

export interface ImportedSetting {
  /** PARAMS id */
  param: string;
  label: string;
  /** the raw value by URL name, as a link writes it */
  value: string;
  /** the config keys it came from (empty: the framework's default for an absent key) */
  keys: readonly string[];
  note?: string;
}

export interface IgnoredKey {
  key: string;
  reason: string;
}

export interface ImportResult {
  format: FormatId;
  /** URL name → raw value: merge over the current controls */
  raw: RawParams;
  settings: ImportedSetting[];
  ignored: IgnoredKey[];
}

export class ConfigImportError extends Error {}

/** The reason given for a key the trainer reads that changes no memory figure. */
export const NO_EFFECT = 'does not change the memory estimate';

// Keys each trainer reads that change nothing the calculator estimates (learning schedule, data, logging, output).
const NO_MEMORY = [
  'learning_rate',
  'lr_scheduler_type',
  'lr_scheduler',
  'warmup_ratio',
  'warmup_steps',
  'max_steps',
  'gradient_accumulation_steps',
  'weight_decay',
  'max_grad_norm',
  'seed',
  'output_dir',
  'overwrite_output_dir',
  'logging_steps',
  'save_steps',
  'save_strategy',
  'save_total_limit',
  'eval_strategy',
  'eval_steps',
  'report_to',
  'push_to_hub',
  'hub_model_id',
  'run_name',
  'lora_alpha',
  'lora_dropout',
  'task_type',
  'dataset',
  'datasets',
  'dataset_name',
  'dataset_text_field',
  'template',
  'val_set_size',
  'val_size',
  'max_samples',
  'do_train',
  'bnb_4bit_quant_type',
  'bnb_4bit_compute_dtype',
  'tf32',
  'trust_remote_code',
  'model_revision',
  'tokenizer_type',
  'model_type',
  'dataloader_num_workers',
  'preprocessing_num_workers',
  'resume_from_checkpoint',
  // the post-training starter values (export.ts): the loss's own coefficients, data handling
  'beta',
  'rl_beta',
  'pref_beta',
  'cpo_alpha',
  'simpo_gamma',
  'orpo_alpha',
  'remove_unused_columns',
  'skip_prepare_dataset',
  'chat_template',
];

// Axolotl and LLaMA-Factory keys that no TRL argument has: how a pasted YAML is told apart.
const MARKERS: Record<'axolotl' | 'llama-factory', readonly string[]> = {
  axolotl: [
    'base_model',
    'micro_batch_size',
    'sequence_len',
    'adapter',
    'num_epochs',
    'lora_target_linear',
    'val_set_size',
    'rl',
    'rl_beta',
  ],
  'llama-factory': [
    'finetuning_type',
    'cutoff_len',
    'lora_rank',
    'lora_target',
    'template',
    'quantization_bit',
    'pure_bf16',
    'disable_gradient_checkpointing',
    'flash_attn',
    'stage',
    'pref_beta',
    'pref_loss',
  ],
};

/** Which trainer a parsed config is for, from the keys only one of them uses (TRL when neither). */
export function detectFormat(cfg: Config): FormatId {
  const score = (f: 'axolotl' | 'llama-factory') => MARKERS[f].filter((k) => k in cfg).length;
  const a = score('axolotl');
  const l = score('llama-factory');
  return a === 0 && l === 0 ? 'trl' : a >= l ? 'axolotl' : 'llama-factory';
}

// --- parsing ------------------------------------------------------------------------------------------------------

/** The end of a line's value before a `#` comment outside quotes. */
function stripComment(line: string): string {
  let q: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) {
      if (c === '\\') i++;
      else if (c === q) q = null;
    } else if (c === '"' || c === "'") q = c;
    else if (c === '#') return line.slice(0, i);
  }
  return line;
}

/** A Python or JSON literal (True/False/None, numbers, quoted strings, lists, dicts); undefined when it is code. */
export function pyLiteral(src: string): unknown {
  const s = src.trim();
  if (s === '') return undefined;
  // Booleans and None outside strings, then single-quoted strings, to JSON.
  let out = '';
  let q: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (q) {
      if (c === '\\') {
        out += c + (s[i + 1] ?? '');
        i++;
      } else if (c === q) {
        out += '"';
        q = null;
      } else out += c === '"' ? '\\"' : c;
      continue;
    }
    if (c === '"' || c === "'") {
      q = c;
      out += '"';
      continue;
    }
    const word = /^(True|False|None)\b/.exec(s.slice(i));
    if (word && !/\w/.test(s[i - 1] ?? '')) {
      out += word[1] === 'True' ? 'true' : word[1] === 'False' ? 'false' : 'null';
      i += (word[1] as string).length - 1;
      continue;
    }
    out += c;
  }
  try {
    return JSON.parse(out.replace(/,\s*([\]}])/g, '$1'));
  } catch {
    return undefined;
  }
}

/** Splits a command line into words (quotes kept together, backslash line continuations dropped). */
function words(text: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (const m of text.replace(/\\\r?\n/g, ' ').matchAll(re)) {
    const w = m[1] ?? m[2] ?? m[3] ?? '';
    if (w !== '\\') out.push(w);
  }
  return out;
}

const scalar = (s: string): unknown => {
  const v = pyLiteral(s);
  if (v !== undefined) return v;
  const t = s.trim();
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === 'true';
  return t;
};

interface Parsed {
  cfg: Config;
  repeats: string[];
}

function fromCommandLine(text: string): Parsed {
  const cfg: Config = {};
  const repeats: string[] = [];
  const ws = words(text);
  // `trl dpo …` or `python trl/scripts/dpo.py …` names the trainer (read by settings.ts as `trainer`).
  const sub = ws.findIndex((w, i) => (ws[i - 1] === 'trl' && /^(sft|dpo|kto|grpo)$/.test(w)) || /\/(\w+)\.py$/.test(w));
  if (sub >= 0) {
    const w = ws[sub] as string;
    const name = /\/(\w+)\.py$/.exec(w)?.[1] ?? w;
    if (/^(sft|dpo|kto|grpo|orpo)$/.test(name)) cfg.trainer = name;
    else if (name === 'cpo') cfg.trainer = 'CPOTrainer';
  }
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i] as string;
    if (!w.startsWith('--')) continue;
    const eq = w.indexOf('=');
    const key = (eq > 0 ? w.slice(2, eq) : w.slice(2)).replace(/-/g, '_');
    let value: unknown = true;
    if (eq > 0) value = scalar(w.slice(eq + 1));
    else if (i + 1 < ws.length && !(ws[i + 1] as string).startsWith('--')) value = scalar(ws[++i] as string);
    if (key in cfg) repeats.push(key);
    else cfg[key] = value;
  }
  return { cfg, repeats };
}

/** key=value lines (SFTConfig arguments, or the lines of a Python call such as the exported script). */
function fromAssignments(text: string): Parsed {
  const cfg: Config = {};
  const repeats: string[] = [];
  const python = /^\s*(from|import)\s/m.test(text) || /\w+\(\s*$/m.test(text);
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_][\w.]*)\s*=\s*(.*?)\s*$/.exec(stripComment(line));
    if (!m) continue;
    const key = m[1] as string;
    const src = (m[2] as string).replace(/,$/, '');
    // The script's `trainer = DPOTrainer(` names the trainer class (settings.ts reads it as `trainer`).
    const call = python && key === 'trainer' ? /^([A-Za-z_]\w*Trainer)\($/.exec(src) : null;
    if (call) {
      cfg.trainer = call[1];
      continue;
    }
    let value = pyLiteral(src);
    // In a script, a call or a variable is code, not a setting (`args = SFTConfig(`, `peft_config=peft_config`).
    if (value === undefined) {
      if (python) continue;
      value = scalar(src);
    }
    if (key in cfg) repeats.push(key);
    else cfg[key] = value;
  }
  return { cfg, repeats };
}

/** Parses pasted text into one flat config object. Throws ConfigImportError when it is none of the forms. */
export function parseConfigText(text: string): Parsed {
  const t = text.trim();
  if (t === '') throw new ConfigImportError('The config is empty: paste a YAML file, JSON or key=value lines.');
  if (t.startsWith('{')) {
    try {
      const v = JSON.parse(t);
      if (v && typeof v === 'object' && !Array.isArray(v)) return { cfg: v as Config, repeats: [] };
    } catch (e) {
      throw new ConfigImportError(`The JSON could not be read: ${(e as Error).message}`);
    }
  }
  // Decide on the lines that are not comments (the exported script's header mentions a command line).
  const body = t.replace(/^\s*#.*$/gm, '');
  const yamlLike = /^\s*[\w.-]+\s*:(\s|$)/m.test(body);
  if (/^\s*[A-Za-z_][\w.]*\s*=/m.test(body) && !yamlLike) return fromAssignments(t);
  if (/(^|\s)--[a-z]/i.test(body) && !yamlLike) return fromCommandLine(body);
  let v: unknown;
  try {
    v = parseYaml(t, { uniqueKeys: false });
  } catch (e) {
    throw new ConfigImportError(`The YAML could not be read: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) {
    throw new ConfigImportError('The text is not a config: expected YAML keys, JSON, or key=value lines.');
  }
  return { cfg: v as Config, repeats: [] };
}

// TRL names the exported script uses inside its calls, and older TRL names, mapped to the `trl sft` arguments.
const TRL_ALIASES: Record<string, string> = {
  model: 'model_name_or_path',
  r: 'lora_r',
  target_modules: 'lora_target_modules',
  bnb_4bit_use_double_quant: 'use_bnb_nested_quant',
  torch_dtype: 'dtype',
  max_seq_length: 'max_length',
};

/** TRL arguments under one name each: aliases renamed, model_init_kwargs opened, `peft_config = None` → no PEFT. */
function trlNames(cfg: Config): { cfg: Config; renamed: Map<string, string> } {
  const out: Config = {};
  const renamed = new Map<string, string>();
  const put = (k: string, v: unknown, from: string) => {
    const name = TRL_ALIASES[k] ?? k;
    if (name in out) return;
    out[name] = v;
    if (from !== name) renamed.set(name, from);
  };
  for (const [k, v] of Object.entries(cfg)) {
    if (k === 'model_init_kwargs' && v && typeof v === 'object') {
      for (const [ik, iv] of Object.entries(v as Config)) put(ik, iv, `model_init_kwargs.${ik}`);
    } else if (k === 'peft_config' && v === null) put('use_peft', false, 'peft_config');
    else put(k, v, k);
  }
  return { cfg: out, renamed };
}

const raw = (_p: ParamSpec, v: Value): string => (typeof v === 'boolean' ? (v ? '1' : '0') : String(v));

/**
 * Reads a pasted config. `method` and `trainer` are the current ones, used when the config does not set them (they
 * decide which settings apply). Throws ConfigImportError when the text cannot be parsed at all.
 */
export function importConfig(
  text: string,
  opts: { format?: FormatId; method?: MethodId; trainer?: TrainerId } = {},
): ImportResult {
  const parsed = parseConfigText(text);
  const format = opts.format ?? detectFormat(parsed.cfg);
  const { cfg, renamed } =
    format === 'trl' ? trlNames(parsed.cfg) : { cfg: parsed.cfg, renamed: new Map<string, string>() };
  const shownKey = (k: string) => renamed.get(k) ?? k;
  const settings: ImportedSetting[] = [];
  const ignored: IgnoredKey[] = parsed.repeats.map((k) => ({
    key: k,
    reason: 'given more than once; the first value is used',
  }));
  const used = new Set<string>();
  const out: RawParams = {};
  // The method and the trainer first: they decide how the other rows read and which apply.
  const first = (id: string, ctx: { method: MethodId; trainer: TrainerId }) => {
    const row = SETTINGS.find((r) => r.id === id);
    return row ? (codecOf(row, format)?.read(cfg, ctx) ?? null) : null;
  };
  const fallback = (id: string, current: string | undefined) => current ?? PARAMS.find((p) => p.id === id)?.default;
  const guess = { method: opts.method ?? 'full', trainer: opts.trainer ?? 'sft' } as const;
  const methodRead = first('method', guess);
  const trainerRead = first('trainer', guess);
  const method = (methodRead && 'value' in methodRead ? methodRead.value : fallback('method', opts.method)) as MethodId;
  const trainer = (
    trainerRead && 'value' in trainerRead ? trainerRead.value : fallback('trainer', opts.trainer)
  ) as TrainerId;
  for (const row of SETTINGS) {
    const codec = codecOf(row, format);
    const p = PARAMS.find((x) => x.id === row.id);
    if (!codec || !p) continue;
    const r =
      row.id === 'method' ? methodRead : row.id === 'trainer' ? trainerRead : codec.read(cfg, { method, trainer });
    if (!r) continue;
    for (const k of r.keys) used.add(k);
    const keyText = r.keys.map(shownKey).join(', ') || p.label;
    if ('problem' in r) {
      ignored.push({ key: keyText, reason: `${p.label}: ${r.problem}` });
      continue;
    }
    if (!appliesTo(p, method, trainer)) {
      const to = p.trainers && !p.trainers.includes(trainer) ? trainer.toUpperCase() : method;
      if (r.keys.length) ignored.push({ key: keyText, reason: `${p.label} does not apply to ${to}` });
      continue;
    }
    const value = raw(p, r.value);
    const ok = parseRaw(p, value);
    const problem = ok.ok ? checkValue(p, ok.value) : ok.message;
    if (problem) {
      ignored.push({ key: keyText, reason: `${p.label}: ${problem}` });
      continue;
    }
    out[p.url] = value;
    settings.push({
      param: p.id,
      label: p.label,
      value,
      keys: r.keys.map(shownKey),
      ...(r.note ? { note: r.note } : {}),
    });
  }
  for (const k of Object.keys(cfg)) {
    if (used.has(k)) continue;
    const known = NO_MEMORY.includes(k) || SETTINGS.some((row) => codecOf(row, format)?.keys.includes(k));
    ignored.push({
      key: shownKey(k),
      reason: known ? NO_EFFECT : `no ${FORMAT_NAMES[format]} setting the calculator reads`,
    });
  }
  return { format, raw: out, settings, ignored };
}
