// vram: estimate fine-tuning GPU memory from the command line. `npm run --silent vram -- --help` lists the flags,
// which come from the calculator's parameter table (src/lib/memory/parameters.ts); src/lib/memory/cli.ts reads them.
// `--from <file>` reads an Axolotl/LLaMA-Factory YAML or TRL arguments first (src/lib/plan/import.ts).
//
// Exit codes: 0 = fits (or no --gpu given), 1 = does not fit the --gpu, 2 = bad input (one line per problem).
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { vramBadgeSvg } from '../src/lib/badge/vram.ts';
import {
  cliJson,
  cliList,
  cliOptions,
  cliText,
  cliUsage,
  type ReadConfigFile,
  readCli,
} from '../src/lib/memory/cli.ts';
import {
  estimateMemory,
  fitsGpu,
  type MethodId,
  PARAMS,
  type RawParams,
  type TrainerId,
} from '../src/lib/memory/index.ts';
import { ConfigImportError, FORMAT_NAMES, importConfig, NO_EFFECT } from '../src/lib/plan/index.ts';

/** The settings of the --from file by URL name, with what was taken and ignored on stderr; null when unreadable. */
function fromFile(file: string, method: string | undefined, trainer: string | undefined): RawParams | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(
      `vram: --from ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`,
    );
    return null;
  }
  try {
    const r = importConfig(text, {
      ...(method ? { method: method as MethodId } : {}),
      ...(trainer ? { trainer: trainer as TrainerId } : {}),
    });
    // What was taken, as the flags that mean the same; then what was left out.
    const flag = (id: string) => PARAMS.find((p) => p.id === id)?.cli?.flag ?? id;
    const used = r.settings.map((s) => `--${flag(s.param)} ${s.value}`).join(' ');
    process.stderr.write(
      `vram: --from ${file} (${FORMAT_NAMES[r.format]}): ${used || 'no setting the calculator reads'}\n`,
    );
    const inert = r.ignored.filter((i) => i.reason === NO_EFFECT).map((i) => i.key);
    if (inert.length) process.stderr.write(`vram: --from ignored (${NO_EFFECT}): ${inert.join(', ')}\n`);
    for (const i of r.ignored)
      if (i.reason !== NO_EFFECT) process.stderr.write(`vram: --from ignored ${i.key}: ${i.reason}\n`);
    return r.raw;
  } catch (e) {
    if (!(e instanceof ConfigImportError)) throw e;
    process.stderr.write(`vram: --from ${file}: ${e.message}\n`);
    return null;
  }
}

function main(argv: string[]): number {
  // strict: false so that every problem is reported, not only the first; readCli checks each token.
  const { tokens } = parseArgs({
    args: argv,
    options: cliOptions(),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const readConfig: ReadConfigFile = (path) => {
    try {
      return { ok: true, text: readFileSync(path, 'utf8') };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return {
        ok: false,
        message: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(e),
      };
    }
  };
  let req = readCli(tokens, {}, readConfig);
  if (req.from !== null) {
    const flag = (name: string) => {
      const t = tokens.find((x) => x.kind === 'option' && x.name === name);
      return t?.kind === 'option' ? t.value : undefined;
    };
    const base = fromFile(req.from, flag('method'), flag('trainer'));
    if (!base) return 2;
    req = readCli(tokens, base, readConfig);
  }
  for (const w of req.warnings) process.stderr.write(`vram: warning: ${w}\n`);
  for (const n of req.notes) process.stderr.write(`vram: note: ${n}\n`);
  if (req.errors.length) {
    process.stderr.write(req.errors.map((e) => `vram: ${e}\n`).join(''));
    return 2;
  }
  if (req.command === 'help') {
    process.stdout.write(`${cliUsage()}\n`);
    return 0;
  }
  if (req.command !== 'estimate') {
    const ids = cliList(req.command);
    process.stdout.write(req.json ? `${JSON.stringify(ids)}\n` : `${ids.join('\n')}\n`);
    return 0;
  }
  const r = req.input && estimateMemory(req.input);
  if (!r?.ok) return 2; // readCli has already reported every invalid input
  const e = r.estimate;
  if (req.badge) {
    try {
      writeFileSync(req.badge, vramBadgeSvg(e, req.gpu));
    } catch (err) {
      process.stderr.write(
        `vram: --badge ${req.badge}: cannot write the file (${(err as NodeJS.ErrnoException).code ?? String(err)})\n`,
      );
      return 2;
    }
  }
  process.stdout.write(req.json ? `${JSON.stringify(cliJson(e, req.gpu), null, 2)}\n` : `${cliText(e, req.gpu)}\n`);
  return req.gpu && !fitsGpu(e, req.gpu) ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
