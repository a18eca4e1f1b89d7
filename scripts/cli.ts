// Flag parsing shared by the CLIs in scripts/: node:util parseArgs in strict mode, plus --help (-h). A bad command line
// (unknown flag, missing value, stray argument) ends in one line on stderr and exit code 2, the usual "usage error".
import { type ParseArgsConfig, parseArgs } from 'node:util';

type Parsed<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

/** Prints `name: message (see --help)` on stderr and exits with 2. */
export function usageError(name: string, message: string): never {
  console.error(`${name}: ${message} (--help lists the options)`);
  process.exit(2);
}

/**
 * Parses `argv` (default: the process's arguments) against `config`. `--help` / `-h` prints `usage` and exits 0; any
 * error parseArgs reports becomes a usageError with the first sentence of its message.
 */
export function parseCli<const T extends Omit<ParseArgsConfig, 'args' | 'strict'>>(
  name: string,
  usage: string,
  config: T,
  argv: string[] = process.argv.slice(2),
): Parsed<T & { strict: true }> {
  const options = { ...config.options, help: { type: 'boolean', short: 'h' } } as const;
  let parsed: Parsed<ParseArgsConfig>;
  try {
    parsed = parseArgs({ ...config, options, args: argv, strict: true });
  } catch (e) {
    // Node's messages go on with advice about `--`; the first sentence says what is wrong.
    const message = (e as Error).message.split(/(?<=\.) /)[0] ?? String(e);
    usageError(name, message.replace(/\.$/, ''));
  }
  if (parsed.values.help) {
    console.log(usage.trim());
    process.exit(0);
  }
  return parsed as Parsed<T & { strict: true }>;
}
