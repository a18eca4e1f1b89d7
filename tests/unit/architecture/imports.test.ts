import { describe, expect, it } from 'vitest';
import { checkArchitecture, formatViolations, readSources } from '../../support/architecture.ts';

// The house rules hold on the real tree, and the checker catches each kind of planted violation (so a green run
// means something).
describe('architecture', () => {
  it('the real tree follows the import rules', () => {
    const files = readSources(process.cwd());
    expect(files.filter((f) => f.path.startsWith('src/lib/')).length).toBeGreaterThan(40);
    expect(formatViolations(checkArchitecture(files))).toEqual([]);
  });

  it.each([
    [
      'src/lib/memory/x.ts',
      "import Calc from '../../client/islands/VramCalculator.tsx';",
      '../../client/islands/VramCalculator.tsx',
    ],
    ['src/lib/cards/x.ts', "import { getCollection } from 'astro:content';", 'astro:content'],
    ['src/schemas/x.ts', "import Layout from '../layouts/BaseLayout.astro';", '../layouts/BaseLayout.astro'],
    ['src/lib/x.ts', "export { getDeck } from '../astro/collections.ts';", '../astro/collections.ts'],
    ['src/lib/x.ts', "const m = await import('../components/Quiz.astro');", '../components/Quiz.astro'],
    ['src/lib/x.ts', "import type { VNode } from 'preact';", 'preact'],
    ['src/lib/x.ts', 'const base = import.meta.env.BASE_URL;', 'import.meta.env (import.meta.env)'],
    ['src/lib/x.ts', "const el = document.querySelector('a');", 'a DOM global (document.)'],
    ['src/lib/x.ts', 'export function f(el: HTMLElement) {}', 'a DOM type (HTMLElement)'],
    ['src/components/X.astro', "---\nimport Page from '../pages/index.astro';\n---", '../pages/index.astro'],
    ['src/client/x.ts', "import { getDeck } from '../astro/collections.ts';", '../astro/collections.ts'],
    ['src/client/x.ts', "import { readFileSync } from 'node:fs';", 'node:fs'],
  ])('catches a planted violation in %s: %s', (path, text, found) => {
    const v = checkArchitecture([{ path, text }]);
    expect(v.map((x) => x.found)).toEqual([found]);
    expect(v[0]?.file).toBe(path);
  });

  it('ignores what comments say and allowed imports', () => {
    const text = [
      '// document.querySelector and import.meta.env are named in this comment only',
      "/* import x from '../../client/y.ts' */",
      "import { routes } from '../site/routes.ts';",
      "import { z } from 'astro/zod';",
    ].join('\n');
    expect(checkArchitecture([{ path: 'src/lib/cards/x.ts', text }])).toEqual([]);
  });

  it('names the file and line', () => {
    const v = checkArchitecture([
      { path: 'src/lib/a.ts', text: "const a = 1;\n\nimport x from '../pages/index.astro';" },
    ]);
    expect(formatViolations(v)).toEqual([
      'src/lib/a.ts:3: ../pages/index.astro — the pure domain imports no screen, adapter, Astro module or browser code',
    ]);
  });
});
