import type { Plugin } from 'vite';

// The parameter table's `help` sentences (about 2 kB gzipped) are read by the `vram` CLI and /about/memory/ only; the
// browser's calculator and selector code never shows them. This Vite plugin drops them from the client bundles so
// the on-demand calculator code stays within its budget (tests/build/budgets.test.ts); server code keeps them.

const TABLE = /\/src\/lib\/memory\/parameters\.ts$/;
/** One `help: …,` entry per line, as parameters.ts writes them (a unit test checks every entry is caught). */
const HELP_LINE = /^ {4}help: .*,\n/gm;

/** parameters.ts without its help lines. */
export function stripParamHelp(code: string): string {
  return code.replace(HELP_LINE, '');
}

export function clientParamHelp(): Plugin {
  return {
    name: 'fine-tuning-cards:client-param-help',
    enforce: 'pre',
    transform(code, id, options) {
      if (options?.ssr || !TABLE.test(id.split('?')[0] ?? id)) return null;
      return { code: stripParamHelp(code), map: null };
    },
  };
}
