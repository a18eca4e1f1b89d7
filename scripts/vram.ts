// vram: estimate fine-tuning GPU memory from the command line.
//
//   npm run --silent vram -- --model <preset-id> --method full|lora|qlora|dora [--precision mixed-bf16|pure-bf16|fp32]
//     [--optimizer adamw|adamw-8bit|paged-adamw-8bit|sgd|adafactor] [--rank N] [--targets qv|attention|all-linear]
//     [--seq N] [--batch N] [--grad-checkpointing] [--attention flash|eager] [--gpus N]
//     [--sharding none|zero1|zero2|zero3|fsdp] [--double-quant] [--chunked-loss] [--gpu <id>] [--json]
//   npm run --silent vram -- --list-models | --list-gpus
//
// Exit codes: 0 = fits (or no --gpu given), 1 = does not fit the --gpu, 2 = bad input (the message names the flag).
// All GB figures are decimal (10^9 bytes); the text table also shows GiB (2^30 bytes).
import {
  COMPONENT_IDS,
  estimateMemory,
  findGpu,
  fitsGpu,
  GPU_PRESETS,
  type InputError,
  maxMicroBatch,
  maxSequence,
  MODEL_PRESETS,
  type TrainingInput,
} from '../src/lib/memory/index.ts';

type FlagKind = 'string' | 'int' | 'bool';
interface FlagSpec {
  field: keyof TrainingInput | 'gpu' | 'json' | 'listModels' | 'listGpus' | 'help';
  kind: FlagKind;
}

const FLAGS: Record<string, FlagSpec> = {
  '--model': { field: 'model', kind: 'string' },
  '--method': { field: 'method', kind: 'string' },
  '--precision': { field: 'precision', kind: 'string' },
  '--optimizer': { field: 'optimizer', kind: 'string' },
  '--rank': { field: 'rank', kind: 'int' },
  '--targets': { field: 'targets', kind: 'string' },
  '--seq': { field: 'seq', kind: 'int' },
  '--batch': { field: 'batch', kind: 'int' },
  '--grad-checkpointing': { field: 'gradCheckpointing', kind: 'bool' },
  '--attention': { field: 'attention', kind: 'string' },
  '--gpus': { field: 'gpus', kind: 'int' },
  '--sharding': { field: 'sharding', kind: 'string' },
  '--double-quant': { field: 'doubleQuant', kind: 'bool' },
  '--chunked-loss': { field: 'chunkedLoss', kind: 'bool' },
  '--gpu': { field: 'gpu', kind: 'string' },
  '--json': { field: 'json', kind: 'bool' },
  '--list-models': { field: 'listModels', kind: 'bool' },
  '--list-gpus': { field: 'listGpus', kind: 'bool' },
  '--help': { field: 'help', kind: 'bool' },
};

const FLAG_OF_FIELD: Record<string, string> = Object.fromEntries(
  Object.entries(FLAGS).map(([flag, spec]) => [spec.field, flag]),
);

const USAGE = `usage: vram --model <preset-id> --method full|lora|qlora|dora [--precision mixed-bf16|pure-bf16|fp32]
  [--optimizer adamw|adamw-8bit|paged-adamw-8bit|sgd|adafactor] [--rank N] [--targets qv|attention|all-linear]
  [--seq N] [--batch N] [--grad-checkpointing] [--attention flash|eager] [--gpus N]
  [--sharding none|zero1|zero2|zero3|fsdp] [--double-quant] [--chunked-loss] [--gpu <id>] [--json]
       vram --list-models | --list-gpus
defaults: precision mixed-bf16, optimizer adamw, rank 8, targets qv, seq 2048, batch 1, attention flash, gpus 1,
  sharding none, double-quant off. GB = 10^9 bytes, GiB = 2^30 bytes.
exit codes: 0 fits (or no --gpu), 1 does not fit the --gpu, 2 bad input.`;

class UsageError extends Error {}

interface Parsed {
  input: Record<string, unknown>;
  gpu?: string;
  json: boolean;
  listModels: boolean;
  listGpus: boolean;
  help: boolean;
}

function parse(argv: string[]): Parsed {
  const out: Parsed = { input: {}, json: false, listModels: false, listGpus: false, help: false };
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const spec = FLAGS[name];
    if (!spec) {
      throw new UsageError(arg.startsWith('-') ? `unknown flag ${name}` : `unexpected argument "${arg}"`);
    }
    if (seen.has(name)) throw new UsageError(`${name} given more than once`);
    seen.add(name);
    let value: string | undefined;
    if (spec.kind === 'bool') {
      if (eq > 0) throw new UsageError(`${name} takes no value`);
    } else if (eq > 0) {
      value = arg.slice(eq + 1);
    } else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
      i++;
    }
    switch (spec.field) {
      case 'gpu':
        out.gpu = value;
        break;
      case 'json':
        out.json = true;
        break;
      case 'listModels':
        out.listModels = true;
        break;
      case 'listGpus':
        out.listGpus = true;
        break;
      case 'help':
        out.help = true;
        break;
      default:
        if (spec.kind === 'bool') out.input[spec.field] = true;
        else if (spec.kind === 'int') {
          const v = value as string;
          if (!/^\d+$/.test(v)) throw new UsageError(`${name} must be a positive integer (got "${v}")`);
          out.input[spec.field] = Number(v);
        } else out.input[spec.field] = value;
    }
  }
  return out;
}

function flagMessage(e: InputError): string {
  const root = String(e.field).split('.')[0] ?? '';
  return `${FLAG_OF_FIELD[root] ?? `--${root}`} ${e.message}`;
}

const gb = (bytes: number): number => Math.round((bytes / 1e9) * 1000) / 1000;
const fmt = (bytes: number, div: number): string => (bytes / div).toFixed(2).padStart(9);

function main(argv: string[]): number {
  let p: Parsed;
  try {
    p = parse(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`vram: ${err.message}\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  if (p.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (p.listModels || p.listGpus) {
    const ids = p.listModels ? MODEL_PRESETS.map((m) => m.id) : GPU_PRESETS.map((g) => g.id);
    process.stdout.write(p.json ? `${JSON.stringify(ids)}\n` : `${ids.join('\n')}\n`);
    return 0;
  }
  const errors: string[] = [];
  if (p.input.model === undefined) errors.push('--model is required (see --list-models)');
  if (p.input.method === undefined) errors.push('--method is required: full, lora, qlora or dora');
  if (p.gpu !== undefined && !findGpu(p.gpu)) {
    errors.push(`--gpu must be one of ${GPU_PRESETS.map((g) => g.id).join(', ')} (got "${p.gpu}")`);
  }
  const r = estimateMemory(p.input as unknown as TrainingInput);
  if (!r.ok) {
    for (const e of r.errors) {
      const m = flagMessage(e);
      if (!errors.some((x) => x.startsWith(m.split(' ')[0] as string))) errors.push(m);
    }
  }
  if (errors.length || !r.ok) {
    process.stderr.write(`${errors.map((e) => `vram: ${e}`).join('\n')}\n`);
    return 2;
  }
  const e = r.estimate;
  const input = p.input as unknown as TrainingInput;
  const gpu = p.gpu ? findGpu(p.gpu) : undefined;
  const fits = gpu ? fitsGpu(e, gpu.id) : null;
  const maxBatch = gpu ? maxMicroBatch(input, gpu.id) : null;
  const maxSeq = gpu ? maxSequence(input, gpu.id) : null;

  if (p.json) {
    const result = {
      perGpuGB: gb(e.perGpuBytes),
      components: Object.fromEntries(COMPONENT_IDS.map((id) => [id, gb(e.components[id])])),
      fits,
      unit: 'GB',
      perGpuGiB: Math.round((e.perGpuBytes / 2 ** 30) * 1000) / 1000,
      allocatedGB: gb(e.allocatedBytes),
      statesGB: gb(e.components.weights + e.components.trainable + e.components.gradients + e.components.optimizer),
      gpu: gpu ? { id: gpu.id, name: gpu.name, usableGB: gb(gpu.usableBytes) } : null,
      maxMicroBatch: maxBatch,
      maxSeq,
      params: e.params,
      input: e.input,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else {
    const i = e.input;
    const name = MODEL_PRESETS.find((m) => m.id === e.presetId)?.name ?? 'custom';
    const lines = [
      `${name} · ${i.method} · ${i.precision} · ${i.optimizer}` +
        (i.method === 'full' ? '' : ` · r=${i.rank} ${i.targets}`) +
        (i.method === 'qlora' && i.doubleQuant ? ' · double-quant' : '') +
        ` · seq ${i.seq} × batch ${i.batch} · ${i.attention}` +
        (i.gradCheckpointing ? ' · grad-checkpointing' : '') +
        ` · ${i.gpus} GPU${i.gpus > 1 ? 's' : ''}${i.sharding === 'none' ? '' : ` ${i.sharding}`}`,
      `parameters: ${e.params.total.toLocaleString('en-US')} total, ${e.params.trainable.toLocaleString('en-US')} trainable`,
      '',
      `${'component'.padEnd(12)}${'GB'.padStart(9)}${'GiB'.padStart(9)}`,
      ...COMPONENT_IDS.map((id) => `${id.padEnd(12)}${fmt(e.components[id], 1e9)}${fmt(e.components[id], 2 ** 30)}`),
      `${'per GPU'.padEnd(12)}${fmt(e.perGpuBytes, 1e9)}${fmt(e.perGpuBytes, 2 ** 30)}`,
    ];
    if (gpu) {
      lines.push(
        '',
        `${fits ? 'fits' : 'does not fit'} ${gpu.name} (${(gpu.usableBytes / 1e9).toFixed(2)} GB usable)` +
          ` · max micro-batch ${maxBatch} · max seq ${maxSeq}`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return fits === false ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
