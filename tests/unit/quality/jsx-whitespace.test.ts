// Astro's compressHTML: 'jsx' (astro.config.mjs) follows JSX whitespace rules: a line break between text and an
// {expression} is dropped with no space, so "all\n{n} presets" renders as "all19 presets". This finds that pattern in
// every .astro template: a text line that runs into an expression on the next line, or an expression that runs into
// text. Write the expression on the same line as its words, or add {' '}.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const walk = (d: string): string[] =>
  readdirSync(d).flatMap((f) => {
    const p = join(d, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.astro') ? [p] : [];
  });

/** Template lines (frontmatter, <script> and <style> blanked), as [line number, text]. */
function templateLines(source: string): [number, string][] {
  const lines = source.split('\n');
  const out: [number, string][] = [];
  let fence = 0;
  let raw = false;
  lines.forEach((line, i) => {
    if (fence < 2 && line.trim() === '---') {
      fence++;
      return;
    }
    if (fence === 1) return;
    if (/<(script|style)\b/.test(line)) raw = true;
    if (!raw) out.push([i + 1, line]);
    if (/<\/(script|style)>/.test(line)) raw = false;
  });
  return out;
}

const TEXT_END = /[\p{L}\p{N}.,;:!?)’”%]$/u;
const ATTRIBUTE = /^\s*[\w:@.-]+=/;

function gluedLines(source: string): number[] {
  const found: number[] = [];
  const lines = templateLines(source);
  // Open braces before each line: lines inside a multi-line {expression} are code, not text.
  const depth: number[] = [];
  let d = 0;
  for (const [, line] of lines) {
    depth.push(d);
    d += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
  }
  for (let k = 1; k < lines.length; k++) {
    const [, prev] = lines[k - 1] as [number, string];
    const [n, line] = lines[k] as [number, string];
    const p = prev.trimEnd();
    const t = line.trim();
    if (!p.trim() || !t || ATTRIBUTE.test(prev) || ATTRIBUTE.test(line)) continue;
    if ((depth[k - 1] ?? 0) > 0 || (depth[k] ?? 0) > 0) continue;
    const prevIsText = TEXT_END.test(p) && !/^\s*[<{}]/.test(p) && !/[=>]\s*$/.test(p);
    const prevEndsInExpr = /\}$/.test(p) && !/^\s*[{}]/.test(p) && /[\p{L}\p{N}]/u.test(p.replace(/\{[^}]*\}/g, ''));
    if (prevIsText && t.startsWith('{') && !t.startsWith('{/*')) found.push(n);
    else if (prevEndsInExpr && /^[\p{L}\p{N}(]/u.test(t)) found.push(n);
  }
  return found;
}

describe('JSX whitespace in .astro templates', () => {
  it('finds the glue it looks for (self-check)', () => {
    expect(gluedLines('<p>\n  totals of all\n  {n} presets\n</p>')).toEqual([3]);
    expect(gluedLines('<p>\n  a corpus of {count}\n  tokens or more\n</p>')).toEqual([3]);
    expect(gluedLines('<p>\n  totals of all {n} presets\n  and more\n</p>')).toEqual([]);
    expect(gluedLines('<X\n  a={1}\n  b={2}\n/>')).toEqual([]);
  });

  it('has no text and expression separated only by a line break', () => {
    const problems = walk('src').flatMap((f) => gluedLines(readFileSync(f, 'utf8')).map((n) => `${f}:${n}`));
    expect(problems).toEqual([]);
  });
});
