// The `vram` command (scripts/vram.ts) without its I/O: its flags, its --help and the reading of its arguments, all
// from the parameter table, and the text it prints. Flags go through the URL codec's decodeRaw, so a value means the
// same in a terminal as in a link. scripts/vram.ts tokenizes argv with node:util parseArgs and prints.
import { estimateMemory } from './estimate.ts';
import { configControls } from './config-controls.ts';
import { parseHfConfig } from './hf-config.ts';
import { fitsGpu, maxMicroBatch, maxSequence } from './fit.ts';
import { requiredBytes, TRAINER_PARTS } from './post-training.ts';
import { allowedText, appliesTo, CUSTOM_MODEL, NO_GPU, PARAMS, type ParamSpec, paramOfField } from './parameters.ts';
import { findGpu, findModel, GPU_PRESETS, MODEL_PRESETS } from './presets.ts';
import { COMPONENT_IDS, type Estimate, type GpuPreset, type TrainingInput } from './types.ts';
import { durationText, gigaText, gpuHoursText, shareText, type StateTime, stateTime, usdText } from '../cost/index.ts';
import { decodeRaw, type RawParams } from './url-state.ts';

/** The flag that reads a model's Hugging Face config.json instead of a preset (takes a file path). */
const CONFIG_FLAG = 'config';

/** Flags that are not parameters. */
const COMMANDS = [
  ['json', 'print the estimate as JSON (decimal GB)'],
  ['list-models', 'print the model preset ids, one a line'],
  ['list-gpus', 'print the GPU preset ids, one a line'],
  ['help', 'print this help'],
] as const;
type Command = (typeof COMMANDS)[number][0];
/** `--from <file>`: a trainer config (src/lib/plan/import.ts) whose settings the flags then override. */
export const FROM_FLAG = 'from';
const FROM_HELP =
  'read the settings from an Axolotl or LLaMA-Factory YAML, or TRL arguments (JSON, key=value lines);\n                flags given too override them';
/** `--badge out.svg`: also write the estimate as an SVG badge (src/lib/badge/). */
const BADGE_FLAG = 'badge';

const CLI_PARAMS = PARAMS.filter((p) => p.cli);
const flagOf = (p: ParamSpec): string => `--${p.cli?.flag}`;

/** The routed experts of the model the flags name (1 for a dense or unknown one). */
function expertsOf(raw: RawParams): number {
  if (raw.model === CUSTOM_MODEL) return Number(raw.experts ?? 1) || 1;
  return (typeof raw.model === 'string' ? findModel(raw.model)?.arch.experts : undefined) ?? 1;
}

/** The options for node:util parseArgs: every parameter with a CLI flag, and the commands. */
export function cliOptions(): Record<string, { type: 'string' | 'boolean' }> {
  const o: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const p of CLI_PARAMS) {
    o[p.cli?.flag as string] = { type: p.type === 'bool' ? 'boolean' : 'string' };
    if (p.type === 'bool' && p.default === true) o[`no-${p.cli?.flag}`] = { type: 'boolean' };
  }
  for (const [flag] of COMMANDS) o[flag] = { type: 'boolean' };
  o[CONFIG_FLAG] = { type: 'string' };
  o[FROM_FLAG] = { type: 'string' };
  o[BADGE_FLAG] = { type: 'string' };
  return o;
}

function metavar(p: ParamSpec): string {
  switch (p.type) {
    case 'bool':
      return '';
    case 'int':
      return ' N';
    case 'enum':
      return ` ${(p.values ?? []).map(([v]) => v).join('|')}`;
    case 'model':
      return ` <id>|${CUSTOM_MODEL}`;
    case 'gpu':
      return ` <id>|${NO_GPU}`;
  }
}

const METHOD_NAMES: Record<string, string> = Object.fromEntries(
  (PARAMS.find((p) => p.id === 'method')?.values ?? []).map(([v, l]) => [v, l]),
);
const TRAINER_NAMES: Record<string, string> = Object.fromEntries(
  (PARAMS.find((p) => p.id === 'trainer')?.values ?? []).map(([v, l]) => [v, l]),
);
const methodsText = (p: ParamSpec) => (p.methods ?? []).map((m) => METHOD_NAMES[m] ?? m).join(', ');
const trainersText = (p: ParamSpec) => (p.trainers ?? []).map((t) => TRAINER_NAMES[t] ?? t).join(', ');

function usageLine(p: ParamSpec): string[] {
  const cli = p.cli as NonNullable<ParamSpec['cli']>;
  const facts = [
    cli.required
      ? 'Required'
      : p.type === 'bool'
        ? p.default === true
          ? `On by default (off: --no-${cli.flag})`
          : 'Off by default'
        : `Default ${String(cli.default ?? p.default)}`,
    p.type === 'int' ? allowedText(p).replace('a whole number ', '') : '',
    p.methods ? `${methodsText(p)} only` : '',
    p.trainers ? `--trainer ${(p.trainers ?? []).join(', ')} only` : '',
    p.moe ? 'mixture-of-experts models only' : '',
  ].filter(Boolean);
  return [`  --${cli.flag}${metavar(p)}`, `      ${p.label}. ${p.help} ${facts.join('; ')}.`];
}

/** The text of `vram --help`. */
export function cliUsage(): string {
  const section = (title: string, ps: ParamSpec[]) => [title, ...ps.flatMap(usageLine)];
  const main = CLI_PARAMS.filter((p) => p.group !== 'architecture');
  const arch = CLI_PARAMS.filter((p) => p.group === 'architecture');
  return [
    'usage: npm run --silent vram -- --model <id> --method <method> [flags]',
    '       npm run --silent vram -- --config path/to/config.json --method <method> [flags]',
    '       npm run --silent vram -- --list-models | --list-gpus | --help',
    'Estimates the peak GPU memory of one fine-tuning step, per GPU. GB = 10^9 bytes, GiB = 2^30 bytes.',
    '',
    ...section('flags:', main),
    `  --${CONFIG_FLAG} PATH`,
    "      A model's Hugging Face config.json instead of --model (llama, mistral, qwen2, qwen3, gemma2, gemma3, phi3,",
    '      mixtral, qwen3_moe, gpt_oss, deepseek_v3); architecture flags given with it override its values.',
    ...section(`custom architecture (with --model ${CUSTOM_MODEL}; the defaults are Llama-2-7B's shape):`, arch),
    'other:',
    `  --${BADGE_FLAG} FILE`.padEnd(16) + 'also write an SVG badge ("QLoRA | fits RTX 4090 · 14.2 GB") to FILE',
    `  --${FROM_FLAG} <file>`.padEnd(16) + FROM_HELP,
    ...COMMANDS.map(([flag, help]) => `  --${flag}`.padEnd(16) + help),
    'exit codes: 0 fits (or no --gpu), 1 does not fit the --gpu, 2 bad input (one line per problem).',
  ].join('\n');
}

/** A token of node:util parseArgs({ tokens: true, strict: false }). */
export interface CliToken {
  kind: 'option' | 'positional' | 'option-terminator';
  name?: string;
  rawName?: string;
  value?: string | undefined;
  inlineValue?: boolean | undefined;
  index: number;
}

export interface CliRequest {
  command: 'estimate' | 'help' | 'list-models' | 'list-gpus';
  json: boolean;
  /** the memory-model input and the GPU to check (null: none); set when there are no errors */
  input: TrainingInput | null;
  gpu: string | null;
  /** the file of `--from`, null without it */
  from: string | null;
  /** --badge: the file to write the SVG badge to (null: none) */
  badge: string | null;
  /** one line each, without the "vram: " prefix */
  errors: string[];
  warnings: string[];
  /** what reading --config assumed or left out */
  notes: string[];
}

/** Reads a --config file for readCli: its text, or why it could not be read. scripts/vram.ts passes node:fs. */
export type ReadConfigFile = (path: string) => { ok: true; text: string } | { ok: false; message: string };

/**
 * Reads parseArgs tokens against the table: unknown, repeated, valueless and inapplicable flags, bad values.
 * `base` holds values read from a `--from` config by URL name; the flags override them. `readConfig` reads the file
 * of `--config` (a Hugging Face config.json), whose architecture replaces --model.
 */
export function readCli(tokens: readonly CliToken[], base: RawParams = {}, readConfig?: ReadConfigFile): CliRequest {
  const errors: string[] = [];
  const warnings: string[] = [];
  const notes: string[] = [];
  let configPath: string | undefined;
  let configGiven = false;
  const commands = new Set<Command>();
  const raw: RawParams = {};
  const seen = new Set<string>();
  let from: string | null = null;
  let badge: string | null = null;
  for (const t of tokens) {
    if (t.kind !== 'option') {
      errors.push(`unexpected argument ${JSON.stringify(t.kind === 'positional' ? t.value : '--')}`);
      continue;
    }
    const shown = t.rawName ?? `--${t.name}`;
    if (t.name === CONFIG_FLAG && shown.startsWith('--')) {
      configGiven = true;
      if (configPath !== undefined) errors.push(`${shown} given more than once`);
      else if (t.value === undefined || (!t.inlineValue && t.value.startsWith('--')))
        errors.push(`${shown} needs a value`);
      else configPath = t.value;
      continue;
    }
    // A switch that is on by default is turned off by --no-<flag>.
    const negated = CLI_PARAMS.find((p) => p.type === 'bool' && p.default === true && `no-${p.cli?.flag}` === t.name);
    const spec = negated ?? CLI_PARAMS.find((p) => p.cli?.flag === t.name);
    const command = COMMANDS.find(([f]) => f === t.name)?.[0];
    if (!shown.startsWith('--') || (!spec && !command && t.name !== FROM_FLAG && t.name !== BADGE_FLAG)) {
      errors.push(`unknown flag ${shown} (see --help)`);
      continue;
    }
    if (seen.has(shown)) {
      errors.push(`${shown} given more than once`);
      continue;
    }
    seen.add(shown);
    if (t.name === FROM_FLAG && shown === `--${FROM_FLAG}`) {
      if (t.value === undefined || (!t.inlineValue && t.value.startsWith('--'))) errors.push(`${shown} needs a file`);
      else from = t.value;
      continue;
    }
    if (t.name === BADGE_FLAG && shown === `--${BADGE_FLAG}`) {
      if (t.value === undefined || t.value === '' || (!t.inlineValue && t.value.startsWith('--'))) {
        errors.push(`${shown} needs a file name (e.g. --badge vram.svg)`);
      } else badge = t.value;
      continue;
    }
    if (command || spec?.type === 'bool') {
      if (t.value !== undefined) errors.push(`${shown} takes no value`);
      else if (command) commands.add(command);
      else if (spec) raw[spec.url] = negated ? '0' : '1';
      continue;
    }
    if (!spec) continue;
    if (t.value === undefined || (!t.inlineValue && t.value.startsWith('--'))) {
      errors.push(`${shown} needs a value`);
      continue;
    }
    raw[spec.url] = t.value;
  }
  // Flags win over the config's values; an architecture flag without --model custom is still refused below.
  const flagged = new Set(Object.keys(raw));
  for (const [k, v] of Object.entries(base)) if (raw[k] === undefined) raw[k] = v;
  const command = commands.has('help')
    ? 'help'
    : commands.has('list-models')
      ? 'list-models'
      : commands.has('list-gpus')
        ? 'list-gpus'
        : 'estimate';
  if (configPath !== undefined) {
    if (flagged.has('model')) {
      errors.push(`--${CONFIG_FLAG} and --model both name the model: give one of them`);
    } else {
      const file = readConfig ? readConfig(configPath) : { ok: false as const, message: 'cannot read files here' };
      const parsed = file.ok ? parseHfConfig(file.text) : null;
      if (!file.ok) errors.push(`--${CONFIG_FLAG} ${configPath}: ${file.message}`);
      else if (parsed && !parsed.ok) errors.push(`--${CONFIG_FLAG} ${configPath}: ${parsed.message}`);
      else if (parsed?.ok) {
        // The config becomes a custom architecture, as in the calculator (config-controls.ts); architecture flags
        // given on the command line win.
        raw.model = CUSTOM_MODEL;
        for (const [k, v] of Object.entries(configControls(parsed.arch))) raw[k] ??= v;
        notes.push(`${configPath}: model_type ${parsed.modelType}`, ...parsed.notes);
      }
    }
  }
  // A --config that could not be read is reported above; --model is then not asked for as well.
  if (configGiven && raw.model === undefined) raw.model = CUSTOM_MODEL;
  if (command === 'estimate') {
    for (const p of CLI_PARAMS) {
      if (p.cli?.required && raw[p.url] === undefined) {
        errors.push(
          p.type === 'model'
            ? `${flagOf(p)} is required (see --list-models)`
            : `${flagOf(p)} is required: ${allowedText(p)}`,
        );
      }
    }
  }
  // Flags that do not apply are named, never silently ignored.
  const method = raw.method;
  const trainer = raw.trainer ?? 'sft';
  for (const p of CLI_PARAMS) {
    if (raw[p.url] === undefined) continue;
    // Method applicability alone here; the trainer's is checked below.
    const offMethod = method !== undefined && !appliesTo({ ...p, trainers: undefined }, method);
    if (!flagged.has(p.url)) {
      // A config's value for another method (the flags changed it) does nothing: dropped without a word.
      if (offMethod) delete raw[p.url];
      continue;
    }
    if (offMethod) {
      // Kept in the input (and the JSON), where the model does not use it.
      warnings.push(`${flagOf(p)} does not apply to --method ${method} (${methodsText(p)} only); it changes nothing`);
    } else if (p.trainers && !(p.trainers as readonly string[]).includes(trainer)) {
      warnings.push(
        `${flagOf(p)} does not apply to --trainer ${trainer} (${trainersText(p)} only); it changes nothing`,
      );
    } else if (p.moe && expertsOf(raw) <= 1) {
      warnings.push(`${flagOf(p)} applies to mixture-of-experts models only; it changes nothing`);
    } else if (p.group === 'architecture' && raw.model !== undefined && raw.model !== CUSTOM_MODEL) {
      warnings.push(`${flagOf(p)} describes a custom architecture and is ignored with --model ${raw.model}`);
      delete raw[p.url];
    }
  }
  for (const p of CLI_PARAMS) if (p.cli?.default !== undefined) raw[p.url] ??= p.cli.default;
  const flag = (field: string) => {
    const p = paramOfField(field);
    return p?.cli ? flagOf(p) : `--${field}`;
  };
  const decoded = decodeRaw(raw);
  const named = new Set(errors.map((e) => e.split(' ')[0]));
  const hint = (field: string) => {
    const t = paramOfField(field)?.type;
    return t === 'model' ? ' (see --list-models)' : t === 'gpu' ? ` (see --list-gpus, or ${NO_GPU})` : '';
  };
  for (const e of decoded.errors) {
    const f = flag(String(e.field));
    if (!named.has(f)) errors.push(`${f} ${e.message}${hint(String(e.field))}`);
    named.add(f);
  }
  const r = estimateMemory(decoded.state.input);
  if (!r.ok) {
    for (const e of r.errors) {
      const p = paramOfField(String(e.field));
      // --help and --list-* check only the flags given with them.
      if (command !== 'estimate' && (!p || raw[p.url] === undefined || p.cli?.default === raw[p.url])) continue;
      const f = flag(String(e.field));
      if (!named.has(f)) errors.push(`${f} ${e.message}`);
      named.add(f);
    }
  }
  return {
    command,
    json: commands.has('json'),
    input: errors.length || !r.ok ? null : decoded.state.input,
    gpu: decoded.state.gpu,
    from,
    badge,
    errors,
    warnings,
    notes,
  };
}

const UNITS: [string, string, number, number][] = [
  ['GB', 'GiB', 1e9, 2 ** 30],
  ['TB', 'TiB', 1e12, 2 ** 40],
  ['PB', 'PiB', 1e15, 2 ** 50],
  ['EB', 'EiB', 1e18, 2 ** 60],
];

/** The decimal/binary unit pair that keeps `bytes` under 10,000 of the unit (EB beyond). */
export function unitsFor(bytes: number): [string, string, number, number] {
  return (UNITS.find(([, , d]) => bytes < 1e4 * d) ?? UNITS[UNITS.length - 1]) as [string, string, number, number];
}

/** A figure for the text table: two decimals, thousands separated; scientific from 10^7 of the unit. */
export function figure(v: number): string {
  if (v >= 1e7) return v.toExponential(2);
  return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function gpuText(gpu: GpuPreset): string {
  return `${gpu.name} (sold as ${gpu.memoryGB} GB; usable ${figure(gpu.usableBytes / 1e9)} GB = ${figure(gpu.usableBytes / 2 ** 30)} GiB)`;
}

const n0 = (x: number) => Math.round(x).toLocaleString('en-US');

/** The time and cost lines of the text report (none without a dataset size). */
export function timeLines(t: StateTime | null, gpuId: string | null): string[] {
  if (!t) return [];
  if (!t.ok) return ['', `time: ${t.message}`];
  const x = t.estimate;
  const gpu = findGpu(gpuId ?? '')?.name ?? String(gpuId);
  const gpus = Math.round(x.tokensPerSecond / x.tokensPerSecondPerGpu);
  return [
    '',
    `time: ${n0(t.datasetTokens)} tokens × ${t.epochs} epoch${t.epochs > 1 ? 's' : ''} at ${n0(x.tokensPerSecondPerGpu)} tokens/s per GPU` +
      ` (${gigaText(x.flops.total)}FLOPs per token` +
      (x.flops.noGrad > 0 ? `, ${gigaText(x.flops.noGrad)} of them without gradients (reference, KL)` : '') +
      `, ${shareText(x.utilisation)} of ${n0(x.peakFlops / 1e12)} TFLOP/s` +
      `${x.utilisationGiven ? '' : ', the method’s default'})`,
    `time: ${durationText(x.secondsPerEpoch)} per epoch · ${durationText(x.seconds)} in all on ${gpus} × ${gpu} · ` +
      `${gpuHoursText(x.gpuHours)} GPU-hours` +
      (x.costUsd === null || x.usdPerHour === null
        ? ' (no listed price for this GPU: give --price-cents)'
        : ` × ${usdText(x.usdPerHour)} = ${usdText(x.costUsd)}${x.priceGiven ? '' : ' (listed on-demand price)'}`),
  ];
}

/** The text report: settings, parameter counts, the component table (columns sized to their widest cell), the fit,
 *  and the time and cost when the input gives a dataset size. */
export function cliText(e: Estimate, gpuId: string | null): string {
  const i = e.input;
  const name = MODEL_PRESETS.find((m) => m.id === e.presetId)?.name ?? 'custom';
  const [dec, bin, dDiv, bDiv] = unitsFor(e.perGpuBytes);
  const rows: [string, string, string][] = [
    ['component', dec, bin],
    ...COMPONENT_IDS.map((id): [string, string, string] => [
      id,
      figure(e.components[id] / dDiv),
      figure(e.components[id] / bDiv),
    ]),
    ['per GPU', figure(e.perGpuBytes / dDiv), figure(e.perGpuBytes / bDiv)],
  ];
  const w = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]?.length ?? 0)));
  const table = rows.map(
    ([a, b, c]) =>
      `${a.padEnd((w[0] as number) + 2)}${b.padStart((w[1] as number) + 2)}${c.padStart((w[2] as number) + 2)}`,
  );
  const lines = [
    `${name} · ${i.method} · ${i.precision} · ${i.optimizer}` +
      (i.method === 'full' ? '' : ` · r=${i.rank} ${i.targets}`) +
      (i.method !== 'full' && !i.expertAdapters && e.arch.experts > 1 ? ' · experts frozen' : '') +
      (i.method === 'qlora' && i.doubleQuant ? ' · double-quant' : '') +
      ` · seq ${i.seq.toLocaleString('en-US')} × batch ${i.batch.toLocaleString('en-US')} · ${i.attention}` +
      (i.gradCheckpointing ? ' · grad-checkpointing' : '') +
      ` · loss ${i.loss}` +
      ` · ${i.gpus.toLocaleString('en-US')} GPU${i.gpus > 1 ? 's' : ''}${i.sharding === 'none' ? '' : ` ${i.sharding}`}`,
    `parameters: ${e.params.total.toLocaleString('en-US')} total, ${e.params.trainable.toLocaleString('en-US')} trainable`,
    '',
    ...table,
    '',
    // The step's phases (tensors only, as torch.cuda.max_memory_allocated() counts them) and which sets the peak.
    `phases (allocated ${dec}): ${e.phases
      .map((p) => `${p.id} ${figure(p.bytes / dDiv)}${p.id === e.peakPhase ? ' (peak)' : ''}`)
      .join(' · ')}`,
  ];
  const pt = e.postTraining;
  if (pt) {
    const rows2 = TRAINER_PARTS.map((id): [string, string, string] => [
      id,
      figure(pt.parts[id] / dDiv),
      figure(pt.parts[id] / bDiv),
    ]);
    const w2 = [0, 1, 2].map((c) => Math.max(...[...rows2, ['by model', dec, bin]].map((r) => r[c]?.length ?? 0)));
    lines.push(
      '',
      `${TRAINER_NAMES[pt.trainer] ?? pt.trainer}: ${pt.sequences.toLocaleString('en-US')} sequences × ` +
        `${pt.tokensPerSequence.toLocaleString('en-US')} tokens per step` +
        (pt.referenceForward ? ' · reference log-probs in the step' : '') +
        ` · peak in the ${pt.peakStage === 'train' ? 'training step' : 'rollout (generation and scoring)'}` +
        (pt.gpuShare > 0 ? ` · colocated vLLM takes ${Math.round(pt.gpuShare * 100)}% of the GPU` : ''),
      ...[['by model', dec, bin] as [string, string, string], ...rows2].map(
        ([a, b, c]) =>
          `${a.padEnd((w2[0] as number) + 2)}${b.padStart((w2[1] as number) + 2)}${c.padStart((w2[2] as number) + 2)}`,
      ),
    );
  }
  if (e.managedBytes > 0) {
    lines.push(
      `managed memory: ${figure(e.managedBytes / dDiv)} ${dec} of paged optimizer state, in "per GPU" but not in max_memory_allocated (allocated ${figure(e.allocatedBytes / dDiv)} ${dec})`,
    );
  }
  for (const w of e.warnings) lines.push(`warning: ${w.field}: ${w.message}`);
  const gpu = gpuId ? findGpu(gpuId) : undefined;
  if (gpu) {
    const fits = fitsGpu(e, gpu.id);
    const input = e.input as TrainingInput;
    const share = e.postTraining?.gpuShare ?? 0;
    lines.push(
      '',
      `${fits ? 'fits' : 'does not fit'} ${gpuText(gpu)}` +
        (share > 0 ? ` with vLLM's ${figure((share * gpu.usableBytes) / 1e9)} GB` : '') +
        ` · max micro-batch ${maxMicroBatch(input, gpu.id)} · max seq ${maxSequence(input, gpu.id).toLocaleString('en-US')}`,
    );
  }
  lines.push(...timeLines(stateTime(e, gpuId), gpuId));
  return lines.join('\n');
}

const gb = (bytes: number): number => Math.round((bytes / 1e9) * 1000) / 1000;

/** The --json report (decimal GB); `time` is null without a dataset size. */
export function cliJson(e: Estimate, gpuId: string | null): Record<string, unknown> {
  const gpu = gpuId ? findGpu(gpuId) : undefined;
  const input = e.input as TrainingInput;
  const t = stateTime(e, gpuId);
  return {
    perGpuGB: gb(e.perGpuBytes),
    components: Object.fromEntries(COMPONENT_IDS.map((id) => [id, gb(e.components[id])])),
    fits: gpu ? fitsGpu(e, gpu.id) : null,
    unit: 'GB',
    perGpuGiB: Math.round((e.perGpuBytes / 2 ** 30) * 1000) / 1000,
    allocatedGB: gb(e.allocatedBytes),
    managedGB: gb(e.managedBytes),
    peakPhase: e.peakPhase,
    phases: e.phases.map((p) => ({ id: p.id, allocatedGB: gb(p.bytes) })),
    warnings: e.warnings,
    statesGB: gb(e.details.statesBytes),
    gpu: gpu ? { id: gpu.id, name: gpu.name, memoryGB: gpu.memoryGB, usableGB: gb(gpu.usableBytes) } : null,
    maxMicroBatch: gpu ? maxMicroBatch(input, gpu.id) : null,
    maxSeq: gpu ? maxSequence(input, gpu.id) : null,
    params: e.params,
    input: e.input,
    postTraining: e.postTraining
      ? {
          ...e.postTraining,
          parts: Object.fromEntries(TRAINER_PARTS.map((id) => [id, gb(e.postTraining?.parts[id] ?? 0)])),
          stages: {
            train: gb(e.postTraining.stages.train),
            rollout: e.postTraining.stages.rollout === null ? null : gb(e.postTraining.stages.rollout),
          },
          vllmGB: gpu ? gb(requiredBytes(e, gpu.usableBytes) - e.perGpuBytes) : null,
        }
      : null,
    time:
      t === null
        ? null
        : t.ok
          ? { datasetTokens: t.datasetTokens, epochs: t.epochs, ...t.estimate }
          : { error: t.message },
  };
}

/** The preset ids for --list-models / --list-gpus. */
export function cliList(what: 'list-models' | 'list-gpus'): string[] {
  return what === 'list-models' ? MODEL_PRESETS.map((m) => m.id) : GPU_PRESETS.map((g) => g.id);
}
