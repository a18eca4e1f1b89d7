// The client bundles drop the parameter table's help sentences (src/astro/client-param-help.ts): every entry's, and
// nothing else.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stripParamHelp } from '../../../src/astro/client-param-help.ts';
import { PARAMS } from '../../../src/lib/memory/parameters.ts';

const source = readFileSync(new URL('../../../src/lib/memory/parameters.ts', import.meta.url), 'utf8');

describe('client parameter table', () => {
  it('drops one help line per parameter and leaves no help behind', () => {
    const stripped = stripParamHelp(source);
    expect(source.split('\n').length - stripped.split('\n').length).toBe(PARAMS.length);
    expect(stripped).not.toMatch(/^ {4}help:/m);
    for (const p of PARAMS) expect(stripped).toContain(`url: '${p.url}'`);
  });
});
