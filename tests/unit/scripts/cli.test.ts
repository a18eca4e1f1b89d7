import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The CLIs in scripts/ share scripts/cli.ts: --help exits 0 before doing any work; a bad flag exits 2 with one line.
const run = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [`scripts/${script}`, ...args], { encoding: 'utf8', timeout: 30_000 });

describe.each([
  ['new-card.ts', 'new-card'],
  ['bench.ts', 'bench'],
  ['build.ts', 'build'],
  ['bench-search.ts', 'bench-search'],
])('scripts/%s', (script, name) => {
  it('prints its usage for --help and -h, and exits 0', () => {
    for (const flag of ['--help', '-h']) {
      const r = run(script, flag);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^Usage: /);
      expect(r.stderr).toBe('');
    }
  });

  it('rejects an unknown flag in one line with exit code 2', () => {
    const r = run(script, '--no-such-flag');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${name}: Unknown option '--no-such-flag' (--help lists the options)\n`);
  });
});

describe('flag values', () => {
  it('reports a flag without its value', () => {
    const r = run('new-card.ts', 'some-card', '--topic');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("new-card: Option '--topic <value>' argument missing (--help lists the options)\n");
  });

  it('checks values after parsing', () => {
    expect(run('bench.ts', '--sizes', '5').stderr).toMatch(/^bench: --sizes 5: give whole numbers of at least 10/);
    expect(run('bench.ts', '--runs', '0').status).toBe(2);
    expect(run('new-card.ts', 'a', 'b').stderr).toBe('new-card: give one card id, got 2: a b\n');
    expect(run('new-card.ts', 'x', '--level', 'expert').stderr).toMatch(/^new-card: --level "expert" is not one of/);
  });
});
