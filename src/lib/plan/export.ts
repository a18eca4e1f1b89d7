// A starter plan from a calculator state: the trainer, starter hyperparameters with their sources, and the memory
// settings the estimate assumed, written as a TRL + PEFT script, an Axolotl YAML or a LLaMA-Factory YAML. Every
// calculator setting goes through the one table in settings.ts; this file only lays the configs out.
import { stringify } from 'yaml';
// From the modules themselves, not the memory model's index: the index re-exports the ledger's data, which a bundler
// cannot prove unused and would ship in the plan's chunk.
import { estimateMemory } from '../memory/estimate.ts';
import { formatBytes } from '../memory/format.ts';
import type { CalculatorState, NormalizedInput, TrainerId } from '../memory/index.ts';
import { appliesTo, param } from '../memory/parameters.ts';
import { MODEL_PRESETS } from '../memory/presets.ts';
import { planModel } from './models.ts';
import { type Config, codecOf, FORMAT_NAMES, FORMATS, type FormatId, SETTINGS, type WriteContext } from './settings.ts';
import { AXOLOTL_VERSION, LLAMA_FACTORY_VERSION, type Starter, starter, TRL_VERSION } from './starter.ts';
import {
  type AxolotlTrainer,
  GRPO_REWARD,
  type LlamaFactoryTrainer,
  TRAINER_PLANS,
  type TrlTrainer,
  unsupported,
} from './trainers.ts';

export interface PlanFile {
  format: FormatId;
  filename: string;
  mime: string;
  text: string;
}

export interface PlanSummary {
  /** the TRL trainer class the plan uses (the trainer's name when TRL has no plan for it) */
  trainer: string;
  /** per format: why it cannot run this state's trainer, or null when it can */
  unsupported: Record<FormatId, string | null>;
  trlVersion: string;
  starter: Starter;
  /** "QLoRA · seq 2,048 × micro-batch 1 · 1 GPU" */
  title: string;
  /** per-GPU estimate, e.g. "9.4 GB" */
  perGpu: string;
  /** calculator settings a format cannot carry, with why (shown with that format) */
  notCarried: Record<FormatId, string[]>;
}

const label = (id: string, v: unknown) => param(id)?.values?.find(([x]) => x === v)?.[1] ?? String(v);

function context(state: CalculatorState): { ctx: WriteContext; perGpuBytes: number } {
  const r = estimateMemory(state.input);
  if (!r.ok)
    throw new Error(`no plan for an invalid state: ${r.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
  const input = r.estimate.input;
  const model = typeof input.model === 'string' ? (planModel(input.model) ?? null) : null;
  return { ctx: { input, model }, perGpuBytes: r.estimate.perGpuBytes };
}

const settingValue = (input: NormalizedInput, id: string) =>
  id === 'model'
    ? typeof input.model === 'string'
      ? input.model
      : 'custom'
    : (input as unknown as Record<string, unknown>)[id];

type Entries = Record<'model' | 'method' | 'trainer' | 'memory' | 'train', Config>;

const isBlock = (v: unknown): v is Config => !!v && typeof v === 'object' && !Array.isArray(v);

/** `from` merged into `into`, nested mappings key by key (several rows write into Axolotl's `trl:` block). */
function merge(into: Config, from: Config): Config {
  for (const [k, v] of Object.entries(from)) into[k] = isBlock(v) && isBlock(into[k]) ? merge({ ...into[k] }, v) : v;
  return into;
}

/** Whether a parameter applies to the state (its method and trainer), as the calculator's form decides. */
const applies = (id: string, i: NormalizedInput) => {
  const p = param(id);
  return !!p && appliesTo(p, i.method, i.trainer);
};

/** The calculator's settings in one format's keys, by PARAMS group: model, method, trainer, memory, training. */
function settingEntries(f: FormatId, ctx: WriteContext): Entries {
  const out: Entries = { model: {}, method: {}, trainer: {}, memory: {}, train: {} };
  for (const row of SETTINGS) {
    const codec = codecOf(row, f);
    if (!codec || !applies(row.id, ctx.input)) continue;
    const v = settingValue(ctx.input, row.id);
    if (v === undefined) continue;
    const group = param(row.id)?.group;
    const into =
      group === 'model' || group === 'method' || group === 'trainer'
        ? out[group]
        : group === 'cost'
          ? out.train
          : out.memory;
    merge(into, codec.write(v as string | number | boolean, ctx));
  }
  return out;
}

/** What the chosen settings mean that a format cannot say (a reason per setting that differs from the default). */
function notCarried(f: FormatId, ctx: WriteContext): string[] {
  const lines: string[] = [];
  for (const row of SETTINGS) {
    const p = param(row.id);
    const v = settingValue(ctx.input, row.id);
    if (
      !p ||
      !applies(row.id, ctx.input) ||
      p.group === 'architecture' ||
      p.group === 'display' ||
      p.group === 'cost' ||
      p.type === 'gpu' ||
      row.id === 'gpus'
    )
      continue;
    const reason = row.formats[f];
    if (typeof reason === 'string' && v !== p.default) lines.push(`${p.label} (${label(row.id, v)}): ${reason}.`);
    const lossy = row.lossy?.(f, ctx);
    if (lossy) lines.push(`${p.label}: ${lossy}.`);
    const caveat = row.caveat?.(f, ctx);
    if (caveat) lines.push(`${p.label}: ${caveat}.`);
  }
  return lines;
}

function title(ctx: WriteContext): string {
  const i = ctx.input;
  const name =
    typeof i.model === 'string'
      ? (MODEL_PRESETS.find((m) => m.id === i.model)?.name ?? i.model)
      : 'Custom architecture';
  const n = (x: number) => x.toLocaleString('en-US');
  const trainer = i.trainer === 'sft' ? '' : `${label('trainer', i.trainer)} · `;
  const grpo = i.trainer === 'grpo' ? ` prompts × ${n(i.generations)} generations` : '';
  return `${name} · ${trainer}${label('method', i.method)} · seq ${n(i.seq)} × micro-batch ${n(i.batch)}${grpo} · ${n(i.gpus)} GPU${i.gpus > 1 ? 's' : ''}`;
}

const starterOf = (i: NormalizedInput) => starter(i.method, i.batch, i.gpus, i.trainer, i.epochs);

/** Why each format cannot run a state's trainer (null where it can). */
export function unsupportedFormats(trainer: TrainerId): Record<FormatId, string | null> {
  return Object.fromEntries(FORMATS.map((f) => [f, unsupported(trainer, f)])) as Record<FormatId, string | null>;
}

export function planSummary(state: CalculatorState): PlanSummary {
  const { ctx, perGpuBytes } = context(state);
  const trl = TRAINER_PLANS[ctx.input.trainer].trl;
  return {
    trainer: typeof trl === 'string' ? ctx.input.trainer.toUpperCase() : trl.trainer,
    unsupported: unsupportedFormats(ctx.input.trainer),
    trlVersion: TRL_VERSION,
    starter: starterOf(ctx.input),
    title: title(ctx),
    perGpu: formatBytes(perGpuBytes, state.unit),
    notCarried: {
      trl: notCarried('trl', ctx),
      axolotl: notCarried('axolotl', ctx),
      'llama-factory': notCarried('llama-factory', ctx),
    },
  };
}

function launch(f: FormatId, gpus: number, file: string): string {
  if (f === 'trl') return gpus > 1 ? `accelerate launch --num_processes ${gpus} ${file}` : `python ${file}`;
  if (f === 'axolotl') return `axolotl train ${file}${gpus > 1 ? ` --num-processes ${gpus}` : ''}`;
  // LLaMA-Factory starts torchrun itself on more than one visible GPU (src/llamafactory/launcher.py).
  return `${gpus > 1 ? `NPROC_PER_NODE=${gpus} ` : ''}llamafactory-cli train ${file}`;
}

const FILES: Record<FormatId, [string, string]> = {
  trl: ['train.py', 'text/x-python'],
  axolotl: ['axolotl.yaml', 'application/yaml'],
  'llama-factory': ['llama-factory.yaml', 'application/yaml'],
};

/** The comment block every format starts with (without the comment marker). */
function header(f: FormatId, ctx: WriteContext, perGpuBytes: number, s: Starter): string[] {
  const version = {
    trl: `TRL ${TRL_VERSION} with PEFT`,
    axolotl: `Axolotl ${AXOLOTL_VERSION}`,
    'llama-factory': `LLaMA-Factory ${LLAMA_FACTORY_VERSION}`,
  }[f];
  const i = ctx.input;
  const sources = [s.learningRate, s.loraAlpha, s.loraDropout, s.beta, s.epochs, s.warmup, s.targetBatch].filter(
    (x) => x !== null,
  );
  const urls = [...new Map(sources.map((x) => [x.source.url, x.source])).values()];
  const ref = (x: { source: { url: string } }) => `[${urls.findIndex((u) => u.url === x.source.url) + 1}]`;
  const batch =
    i.trainer === 'grpo'
      ? `Effective batch: ${i.batch} (prompts per micro-batch) × ${s.accumulation} (accumulation) × ${i.gpus} (GPUs) = ${s.effectiveBatch} prompts per optimizer step, ${i.generations} completions each (a micro-batch is ${i.batch * i.generations} completions).`
      : `Effective batch: ${i.batch} (micro-batch) × ${s.accumulation} (accumulation) × ${i.gpus} (GPUs) = ${s.effectiveBatch} sequences per optimizer step.`;
  const lines = [
    `Starter plan from the Fine-Tuning Cards VRAM calculator: ${FORMAT_NAMES[f]}, checked against ${version}.`,
    `${title(ctx)}: about ${formatBytes(perGpuBytes, 'GB')} per GPU in the estimate.`,
    `Run: ${launch(f, i.gpus, FILES[f][0])}`,
    batch,
    'Starter values (a place to begin, not a tuned recipe):',
    `  learning rate ${s.learningRate.value}: ${s.learningRate.why} ${ref(s.learningRate)}`,
  ];
  if (s.loraAlpha) lines.push(`  LoRA alpha ${s.loraAlpha.value}: ${s.loraAlpha.why} ${ref(s.loraAlpha)}`);
  if (s.beta) lines.push(`  beta ${s.beta.value}: ${s.beta.why} ${ref(s.beta)}`);
  lines.push(
    `  epochs ${s.epochs.value}: ${s.epochs.why} ${ref(s.epochs)}`,
    `  warm-up ${s.warmup.value}: ${s.warmup.why} ${ref(s.warmup)}`,
    `  accumulation toward ${s.targetBatch.value} ${i.trainer === 'grpo' ? 'prompts' : 'sequences'}: ${s.targetBatch.why} ${ref(s.targetBatch)}`,
    ...urls.map((u, n) => `  [${n + 1}] ${u.title}: ${u.url}`),
  );
  if (i.trainer === 'grpo') {
    lines.push(
      `Reward: TRL’s ${GRPO_REWARD.name} (${GRPO_REWARD.module}; pip install ${GRPO_REWARD.pip}) scores 1 when the answer matches the data set’s solution column; write your own for other data.`,
    );
  }
  if (!ctx.model) lines.push('Custom architecture: set the model id to a checkpoint with the shape you entered.');
  const missing = notCarried(f, ctx);
  if (missing.length) lines.push('Not in this config:', ...missing.map((m) => `  ${m}`));
  return lines;
}

// --- YAML ---------------------------------------------------------------------------------------------------------

const yamlBlock = (comment: string, o: Config): string =>
  Object.keys(o).length ? `# ${comment}\n${stringify(o, { lineWidth: 0 })}` : '';

const adapterValues = (s: Starter): Config =>
  s.loraAlpha ? { lora_alpha: s.loraAlpha.value, lora_dropout: s.loraDropout?.value } : {};

function axolotl(ctx: WriteContext, s: Starter, e: Entries): Config[] {
  const t = TRAINER_PLANS[ctx.input.trainer].axolotl as AxolotlTrainer;
  const trainer: Config = { ...e.trainer };
  if (s.beta) trainer.rl_beta = s.beta.value;
  // SimPO in Axolotl is CPOConfig(loss_type="simpo") with simpo_gamma passed as given (src/axolotl/core/builders/
  // rl.py): CPOConfig's default 0.5, and cpo_alpha 0.0 for SimPO without CPO's BC term (TRL's cpo_trainer.md).
  if (ctx.input.trainer === 'simpo') Object.assign(trainer, { simpo_gamma: 0.5, cpo_alpha: 0 });
  if (ctx.input.trainer === 'grpo')
    merge(trainer, { trl: { reward_funcs: [`${GRPO_REWARD.module}.${GRPO_REWARD.name}`] } });
  return [
    e.model,
    {
      // chatml: a chat template Axolotl ships, so a base model without one can read the conversations.
      ...(t.dataset.type?.startsWith('chat_template') || ctx.input.trainer === 'grpo'
        ? { chat_template: 'chatml' }
        : {}),
      datasets: [t.dataset],
      val_set_size: 0,
      output_dir: `./outputs/${slug(ctx)}`,
    },
    { ...e.method, ...adapterValues(s) },
    trainer,
    e.memory,
    {
      gradient_accumulation_steps: s.accumulation,
      ...e.train,
      learning_rate: s.learningRate.value,
      lr_scheduler: 'cosine',
      warmup_ratio: s.warmup.value,
    },
  ];
}

function llamaFactory(ctx: WriteContext, s: Starter, e: Entries): Config[] {
  const t = TRAINER_PLANS[ctx.input.trainer]['llama-factory'] as LlamaFactoryTrainer;
  return [
    e.model,
    {
      ...e.trainer,
      do_train: true,
      ...e.method,
      ...adapterValues(s),
      ...(s.beta ? { pref_beta: s.beta.value } : {}),
    },
    // The demo data sets ship in LLaMA-Factory's data/dataset_info.json; `default` is its template for unknown models.
    { dataset: t.dataset, template: ctx.model?.template ?? 'default' },
    e.memory,
    {
      output_dir: `saves/${slug(ctx)}`,
      gradient_accumulation_steps: s.accumulation,
      learning_rate: s.learningRate.value,
      ...e.train,
      lr_scheduler_type: 'cosine',
      warmup_ratio: s.warmup.value,
    },
  ];
}

const SECTION_TITLES: Record<'axolotl' | 'llama-factory', string[]> = {
  axolotl: [
    'model',
    'data (replace with yours)',
    'method',
    'trainer',
    'memory settings the estimate assumed',
    'starter hyperparameters',
  ],
  'llama-factory': ['model', 'method', 'data (replace with yours)', 'memory settings the estimate assumed', 'train'],
};

const slug = (ctx: WriteContext) =>
  `${typeof ctx.input.model === 'string' ? ctx.input.model : 'custom'}-${ctx.input.trainer === 'sft' ? '' : `${ctx.input.trainer}-`}${ctx.input.method}`;

// --- Python -------------------------------------------------------------------------------------------------------

/** A JSON-like value as a Python literal (strings as JSON strings, which Python reads the same). */
export function py(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(py).join(', ')}]`;
  return `{${Object.entries(v as Config)
    .map(([k, x]) => `${JSON.stringify(k)}: ${py(x)}`)
    .join(', ')}}`;
}

/** Python code written as is (a name or an expression), not as a literal. */
class Code {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

const call = (name: string, args: Config) =>
  `${name}(\n${Object.entries(args)
    .map(([k, v]) => `    ${k}=${v instanceof Code ? v.text : py(v)},\n`)
    .join('')})`;

// Where each TRL argument (ModelConfig/SFTConfig names, settings.ts) goes in the script; the rest go to the config.
const TO_LORA: Record<string, string> = { lora_r: 'r', lora_target_modules: 'target_modules', use_dora: 'use_dora' };
const TO_BNB: Record<string, string> = {
  load_in_4bit: 'load_in_4bit',
  use_bnb_nested_quant: 'bnb_4bit_use_double_quant',
};
const TO_MODEL_INIT = ['dtype', 'attn_implementation'];

/** Trainers whose constructor takes quantization_config (TRL 1.9.0: SFT, DPO, KTO, GRPO; ORPO and CPO do not). */
const TAKES_QUANTIZATION: readonly TrainerId[] = ['sft', 'dpo', 'kto', 'grpo'];

function trlScript(ctx: WriteContext, s: Starter, e: Entries, head: string[]): string {
  const t = TRAINER_PLANS[ctx.input.trainer].trl as TrlTrainer;
  const all: Config = { ...e.model, ...e.method, ...e.trainer, ...e.memory };
  const peft = all.use_peft === true;
  const qlora = all.load_in_4bit === true;
  const lora: Config = {};
  const bnb: Config = {};
  const init: Config = {};
  const cfg: Config = { output_dir: slug(ctx) };
  for (const [k, v] of Object.entries(all)) {
    if (k === 'model_name_or_path' || k === 'use_peft') continue;
    if (k in TO_LORA) lora[TO_LORA[k] as string] = v;
    else if (k in TO_BNB) bnb[TO_BNB[k] as string] = v;
    else if (TO_MODEL_INIT.includes(k)) init[k] = v;
    else cfg[k] = v;
  }
  // SimPO is CPOTrainer's loss_type="simpo" with cpo_alpha=0.0 (TRL docs/source/cpo_trainer.md).
  const simpo: Config = ctx.input.trainer === 'simpo' ? { loss_type: 'simpo', cpo_alpha: 0 } : {};
  const config: Config = {
    output_dir: cfg.output_dir,
    model_init_kwargs: init,
    ...cfg,
    ...simpo,
    ...(s.beta ? { beta: s.beta.value } : {}),
    gradient_accumulation_steps: s.accumulation,
    learning_rate: s.learningRate.value,
    ...e.train,
    lr_scheduler_type: 'cosine',
    // transformers 5 reads a warmup_steps below 1 as a fraction of the steps (warmup_ratio is deprecated there).
    warmup_steps: s.warmup.value,
  };
  const grpo = ctx.input.trainer === 'grpo';
  const imports = [
    'from datasets import load_dataset',
    ...(peft ? ['from peft import LoraConfig'] : []),
    ...(qlora ? ['from transformers import BitsAndBytesConfig'] : []),
    `from ${t.module} import ${t.config}, ${t.trainer}`,
    ...(grpo ? [`from ${GRPO_REWARD.module} import ${GRPO_REWARD.name}`] : []),
  ];
  const parts = [
    head.map((l) => `# ${l}`.trimEnd()).join('\n'),
    imports.join('\n'),
    `# ${dataNote(ctx.input.trainer, t)}\ndataset = load_dataset(${py(t.dataset.id)}, split="train")`,
  ];
  if (qlora) {
    parts.push(
      `quantization_config = ${call('BitsAndBytesConfig', {
        load_in_4bit: true,
        bnb_4bit_quant_type: 'nf4',
        bnb_4bit_use_double_quant: bnb.bnb_4bit_use_double_quant ?? false,
        bnb_4bit_compute_dtype: 'bfloat16',
      })}`,
    );
  }
  parts.push(
    peft
      ? `peft_config = ${call('LoraConfig', {
          r: lora.r,
          lora_alpha: s.loraAlpha?.value,
          lora_dropout: s.loraDropout?.value,
          target_modules: lora.target_modules,
          ...(lora.use_dora ? { use_dora: true } : {}),
          task_type: 'CAUSAL_LM',
        })}`
      : '# Full fine-tuning: every weight trains, no adapter.\npeft_config = None',
  );
  const takesQ = TAKES_QUANTIZATION.includes(ctx.input.trainer);
  // ORPOTrainer and CPOTrainer load the model with args.model_init_kwargs only (their __init__ in TRL 1.9.0).
  const argsPart = `args = ${call(t.config, config)}`;
  parts.push(
    qlora && !takesQ ? `${argsPart}\nargs.model_init_kwargs["quantization_config"] = quantization_config` : argsPart,
  );
  const trainerArgs: Config = {
    model: all.model_name_or_path,
    ...(grpo ? { reward_funcs: new Code(GRPO_REWARD.name) } : {}),
    args: new Code('args'),
    train_dataset: new Code('dataset'),
    peft_config: new Code('peft_config'),
    ...(qlora && takesQ ? { quantization_config: new Code('quantization_config') } : {}),
  };
  parts.push(`trainer = ${call(t.trainer, trainerArgs)}\ntrainer.train()\ntrainer.save_model()`);
  return `${parts.join('\n\n')}\n`;
}

function dataNote(trainer: TrainerId, t: TrlTrainer): string {
  if (trainer === 'sft')
    return 'A conversational data set from TRL’s SFT documentation; replace it with yours (messages, prompt/completion or text).';
  return `A data set from TRL’s ${t.trainer} documentation: ${t.dataset.note}; replace it with yours.`;
}

/** The plan in one format. Throws on a state the memory model rejects (the calculator shows no plan then) and on a
 *  trainer the format cannot run (unsupportedFormats says why). */
export function exportPlan(state: CalculatorState, f: FormatId): PlanFile {
  const { ctx, perGpuBytes } = context(state);
  const why = unsupported(ctx.input.trainer, f);
  if (why) throw new Error(`no ${FORMAT_NAMES[f]} plan: ${why}`);
  const s = starterOf(ctx.input);
  const e = settingEntries(f, ctx);
  const head = header(f, ctx, perGpuBytes, s);
  const [filename, mime] = FILES[f];
  if (f === 'trl') return { format: f, filename, mime, text: trlScript(ctx, s, e, head) };
  const blocks = f === 'axolotl' ? axolotl(ctx, s, e) : llamaFactory(ctx, s, e);
  const text = [
    `${head.map((l) => `# ${l}`.trimEnd()).join('\n')}\n`,
    ...blocks.map((b, n) => yamlBlock(SECTION_TITLES[f][n] as string, b)).filter(Boolean),
  ].join('\n');
  return { format: f, filename, mime, text };
}
