// A starter plan from a calculator state: the trainer, starter hyperparameters with their sources, and the memory
// settings the estimate assumed, written as a TRL + PEFT script, an Axolotl YAML or a LLaMA-Factory YAML. Every
// calculator setting goes through the one table in settings.ts; this file only lays the configs out.
import { stringify } from 'yaml';
import {
  type CalculatorState,
  estimateMemory,
  formatBytes,
  MODEL_PRESETS,
  type NormalizedInput,
  param,
} from '../memory/index.ts';
import { planModel } from './models.ts';
import { type Config, codecOf, FORMAT_NAMES, type FormatId, SETTINGS, type WriteContext } from './settings.ts';
import { AXOLOTL_VERSION, LLAMA_FACTORY_VERSION, type Starter, starter, TRL_VERSION } from './starter.ts';

export interface PlanFile {
  format: FormatId;
  filename: string;
  mime: string;
  text: string;
}

export interface PlanSummary {
  /** the TRL trainer class the plan uses */
  trainer: string;
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

/** The calculator's settings in one format's keys, by PARAMS group: model, method, memory. */
function settingEntries(f: FormatId, ctx: WriteContext): { model: Config; method: Config; memory: Config } {
  const out = { model: {} as Config, method: {} as Config, memory: {} as Config };
  for (const row of SETTINGS) {
    const codec = codecOf(row, f);
    if (!codec) continue;
    const v = settingValue(ctx.input, row.id);
    if (v === undefined) continue;
    const group = param(row.id)?.group;
    const into = group === 'model' ? out.model : group === 'method' ? out.method : out.memory;
    Object.assign(into, codec.write(v as string | number | boolean, ctx));
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
  return `${name} · ${label('method', i.method)} · seq ${n(i.seq)} × micro-batch ${n(i.batch)} · ${n(i.gpus)} GPU${i.gpus > 1 ? 's' : ''}`;
}

export function planSummary(state: CalculatorState): PlanSummary {
  const { ctx, perGpuBytes } = context(state);
  return {
    trainer: 'SFTTrainer',
    trlVersion: TRL_VERSION,
    starter: starter(ctx.input.method, ctx.input.batch, ctx.input.gpus),
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
  const sources = [s.learningRate, s.loraAlpha, s.loraDropout, s.epochs, s.warmup, s.targetBatch].filter(
    (x) => x !== null,
  );
  const urls = [...new Map(sources.map((x) => [x.source.url, x.source])).values()];
  const lines = [
    `Starter plan from the Fine-Tuning Cards VRAM calculator: ${FORMAT_NAMES[f]}, checked against ${version}.`,
    `${title(ctx)}: about ${formatBytes(perGpuBytes, 'GB')} per GPU in the estimate.`,
    `Run: ${launch(f, i.gpus, FILES[f][0])}`,
    `Effective batch: ${i.batch} (micro-batch) × ${s.accumulation} (accumulation) × ${i.gpus} (GPUs) = ${s.effectiveBatch} sequences per optimizer step.`,
    'Starter values (a place to begin, not a tuned recipe):',
    `  learning rate ${s.learningRate.value}: ${s.learningRate.why} [${urls.indexOf(s.learningRate.source) + 1}]`,
  ];
  if (s.loraAlpha)
    lines.push(`  LoRA alpha ${s.loraAlpha.value}: ${s.loraAlpha.why} [${urls.indexOf(s.loraAlpha.source) + 1}]`);
  lines.push(
    `  epochs ${s.epochs.value}: ${s.epochs.why} [${urls.indexOf(s.epochs.source) + 1}]`,
    `  warm-up ${s.warmup.value}: ${s.warmup.why} [${urls.indexOf(s.warmup.source) + 1}]`,
    `  accumulation toward ${s.targetBatch.value} sequences: ${s.targetBatch.why} [${urls.indexOf(s.targetBatch.source) + 1}]`,
    ...urls.map((u, n) => `  [${n + 1}] ${u.title}: ${u.url}`),
  );
  if (!ctx.model) lines.push('Custom architecture: set the model id to a checkpoint with the shape you entered.');
  const missing = notCarried(f, ctx);
  if (missing.length) lines.push('Not in this config:', ...missing.map((m) => `  ${m}`));
  return lines;
}

// --- YAML ---------------------------------------------------------------------------------------------------------

const yamlBlock = (comment: string, o: Config): string =>
  Object.keys(o).length ? `# ${comment}\n${stringify(o, { lineWidth: 0 })}` : '';

function axolotl(ctx: WriteContext, s: Starter, e: ReturnType<typeof settingEntries>): Config[] {
  const adapter = s.loraAlpha !== null;
  return [
    e.model,
    {
      // A data set from Axolotl's own examples (examples/llama-3/lora-1b.yml); replace it with yours.
      datasets: [{ path: 'teknium/GPT4-LLM-Cleaned', type: 'alpaca' }],
      val_set_size: 0,
      output_dir: `./outputs/${slug(ctx)}`,
    },
    { ...e.method, ...(adapter ? { lora_alpha: s.loraAlpha?.value, lora_dropout: s.loraDropout?.value } : {}) },
    e.memory,
    {
      gradient_accumulation_steps: s.accumulation,
      num_epochs: s.epochs.value,
      learning_rate: s.learningRate.value,
      lr_scheduler: 'cosine',
      warmup_ratio: s.warmup.value,
    },
  ];
}

function llamaFactory(ctx: WriteContext, s: Starter, e: ReturnType<typeof settingEntries>): Config[] {
  const adapter = s.loraAlpha !== null;
  return [
    e.model,
    {
      stage: 'sft',
      do_train: true,
      ...e.method,
      ...(adapter ? { lora_alpha: s.loraAlpha?.value, lora_dropout: s.loraDropout?.value } : {}),
    },
    // alpaca_en_demo ships in LLaMA-Factory's data/dataset_info.json; `default` is its template for unknown models.
    { dataset: 'alpaca_en_demo', template: ctx.model?.template ?? 'default' },
    e.memory,
    {
      output_dir: `saves/${slug(ctx)}`,
      gradient_accumulation_steps: s.accumulation,
      learning_rate: s.learningRate.value,
      num_train_epochs: s.epochs.value,
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
    'memory settings the estimate assumed',
    'starter hyperparameters',
  ],
  'llama-factory': ['model', 'method', 'data (replace with yours)', 'memory settings the estimate assumed', 'train'],
};

const slug = (ctx: WriteContext) =>
  `${typeof ctx.input.model === 'string' ? ctx.input.model : 'custom'}-${ctx.input.method}`;

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

const call = (name: string, args: Config) =>
  `${name}(\n${Object.entries(args)
    .map(([k, v]) => `    ${k}=${py(v)},\n`)
    .join('')})`;

// Where each TRL argument (ModelConfig/SFTConfig names, settings.ts) goes in the script; the rest go to SFTConfig.
const TO_LORA: Record<string, string> = { lora_r: 'r', lora_target_modules: 'target_modules', use_dora: 'use_dora' };
const TO_BNB: Record<string, string> = {
  load_in_4bit: 'load_in_4bit',
  use_bnb_nested_quant: 'bnb_4bit_use_double_quant',
};
const TO_MODEL_INIT = ['dtype', 'attn_implementation'];

function trlScript(ctx: WriteContext, s: Starter, e: ReturnType<typeof settingEntries>, head: string[]): string {
  const all: Config = { ...e.model, ...e.method, ...e.memory };
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
  const config: Config = {
    output_dir: cfg.output_dir,
    model_init_kwargs: init,
    ...cfg,
    gradient_accumulation_steps: s.accumulation,
    learning_rate: s.learningRate.value,
    num_train_epochs: s.epochs.value,
    lr_scheduler_type: 'cosine',
    // transformers 5 reads a warmup_steps below 1 as a fraction of the steps (warmup_ratio is deprecated there).
    warmup_steps: s.warmup.value,
  };
  const imports = [
    'from datasets import load_dataset',
    ...(peft ? ['from peft import LoraConfig'] : []),
    ...(qlora ? ['from transformers import BitsAndBytesConfig'] : []),
    'from trl import SFTConfig, SFTTrainer',
  ];
  const parts = [
    head.map((l) => `# ${l}`.trimEnd()).join('\n'),
    imports.join('\n'),
    '# A conversational data set from TRL’s SFT documentation; replace it with yours (messages, prompt/completion or text).\ndataset = load_dataset("trl-lib/Capybara", split="train")',
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
    `args = ${call('SFTConfig', config)}`,
    `trainer = SFTTrainer(\n    model=${py(all.model_name_or_path)},\n    args=args,\n    train_dataset=dataset,\n    peft_config=peft_config,\n${qlora ? '    quantization_config=quantization_config,\n' : ''})\ntrainer.train()\ntrainer.save_model()`,
  );
  return `${parts.join('\n\n')}\n`;
}

/** The plan in one format. Throws on a state the memory model rejects (the calculator shows no plan then). */
export function exportPlan(state: CalculatorState, f: FormatId): PlanFile {
  const { ctx, perGpuBytes } = context(state);
  const s = starter(ctx.input.method, ctx.input.batch, ctx.input.gpus);
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
