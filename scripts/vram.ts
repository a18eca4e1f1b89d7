// vram: estimate fine-tuning GPU memory from the command line. `npm run --silent vram -- --help` lists the flags,
// which come from the calculator's parameter table (src/lib/memory/parameters.ts); src/lib/memory/cli.ts reads them.
//
// Exit codes: 0 = fits (or no --gpu given), 1 = does not fit the --gpu, 2 = bad input (one line per problem).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { vramBadgeSvg } from '../src/lib/badge/vram.ts';
import { cliJson, cliList, cliOptions, cliText, cliUsage, readCli } from '../src/lib/memory/cli.ts';
import { estimateMemory, fitsGpu } from '../src/lib/memory/index.ts';

function main(argv: string[]): number {
  // strict: false so that every problem is reported, not only the first; readCli checks each token.
  const { tokens } = parseArgs({
    args: argv,
    options: cliOptions(),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const req = readCli(tokens);
  for (const w of req.warnings) process.stderr.write(`vram: warning: ${w}\n`);
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
