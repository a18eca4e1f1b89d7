import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gzipSize, pageWeight } from '../../support/weight.ts';

// The budget test must see every byte a page loads: linked CSS, script src, island modules and their imports.
const dist = mkdtempSync(join(tmpdir(), 'ftc-weight-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));
const files: Record<string, string> = {
  'cards/x/index.html':
    '<!doctype html><html><head><link rel="stylesheet" href="/base/_astro/a.css"><script type="application/ld+json">{"a":1}</script><script>var x=1</script></head><body><astro-island component-url="/base/_astro/Island.js" renderer-url="/base/_astro/client.js"></astro-island><script type="module" src="/base/_astro/page.js"></script><script type="module">import"/base/_astro/inline-dep.js";</script></body></html>',
  '_astro/a.css': 'body{color:red}',
  '_astro/Island.js': 'import{h as e}from"./preact.js";import"./signals.js";export default function(){return e("p")}',
  '_astro/preact.js': 'export const h=1;',
  '_astro/signals.js': 'import{h}from"./preact.js";export const s=h;',
  '_astro/client.js': 'export{h}from"./preact.js";const lazy=()=>import("./lazy.js");',
  '_astro/lazy.js': 'export const lazy=1;',
  '_astro/page.js': 'console.log(1)',
  '_astro/inline-dep.js': 'console.log(2)',
};
for (const [p, text] of Object.entries(files)) {
  mkdirSync(dirname(join(dist, p)), { recursive: true });
  writeFileSync(join(dist, p), text);
}

describe('pageWeight', () => {
  it('counts linked CSS, external scripts, island modules and their static imports, but not lazy imports', () => {
    const w = pageWeight(dist, 'cards/x/index.html', '/base/');
    expect(w.hasIsland).toBe(true);
    expect([...w.css.keys()]).toEqual(['_astro/a.css']);
    expect([...w.js.keys()].sort()).toEqual([
      '_astro/Island.js',
      '_astro/client.js',
      '_astro/inline-dep.js',
      '_astro/page.js',
      '_astro/preact.js',
      '_astro/signals.js',
    ]);
    expect(w.js.get('_astro/preact.js')).toBe(gzipSize(files['_astro/preact.js'] as string));
    expect(w.inlineJs).toBe(gzipSize('var x=1import"/base/_astro/inline-dep.js";'));
    expect(w.html).toBe(gzipSize(files['cards/x/index.html'] as string));
  });
});
