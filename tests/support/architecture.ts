// The import rules of the house, checked on source text (no bundler): the pure domain (src/lib, src/schemas) never
// reaches a screen, Astro or the browser, and no component or browser module reaches into a page.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';

export interface SourceFile {
  /** Path relative to the repo root, with forward slashes. */
  path: string;
  text: string;
}

export interface Violation {
  file: string;
  line: number;
  rule: string;
  found: string;
}

interface Rule {
  /** Which files the rule governs (repo-relative path prefixes). */
  files: string[];
  /** Import targets (repo-relative prefixes, or bare module prefixes like `astro:`) they must not reach. */
  forbiddenImports: string[];
  /** Globals or expressions they must not use. */
  forbiddenCode?: { pattern: RegExp; name: string }[];
  name: string;
}

const SCREENS = ['src/client/', 'src/components/', 'src/layouts/', 'src/pages/', 'src/astro/', 'src/content.config.ts'];

export const RULES: Rule[] = [
  {
    name: 'the pure domain imports no screen, adapter, Astro module or browser code',
    files: ['src/lib/', 'src/schemas/'],
    forbiddenImports: [...SCREENS, 'astro:', 'astro/container', 'astro/loaders', '@astrojs/', 'preact', 'scripts/'],
    forbiddenCode: [
      { pattern: /import\.meta\.env/, name: 'import.meta.env' },
      { pattern: /\b(?:document|window|localStorage|sessionStorage|navigator)\s*[.[]/, name: 'a DOM global' },
      { pattern: /\bHTML[A-Za-z]*Element\b/, name: 'a DOM type' },
    ],
  },
  {
    name: 'components, layouts and browser code never import a page',
    files: ['src/components/', 'src/layouts/', 'src/client/', 'src/astro/'],
    forbiddenImports: ['src/pages/'],
  },
  {
    name: 'browser code never imports an adapter or a Node script',
    files: ['src/client/'],
    forbiddenImports: ['src/astro/', 'scripts/', 'astro:content', 'node:'],
  },
];

const IMPORT_RE =
  /(?:^|[^\w.])(?:import|export)\s*(?:type\s+)?(?:[^'"`;]*?\sfrom\s*)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Strips comments so a comment that names `document.x` or an import does not count. Strings stay (imports are strings). */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Resolves an import specifier to a repo-relative target (relative paths), or returns it as is (bare modules). */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  return posix.normalize(posix.join(posix.dirname(file), spec));
}

export function checkArchitecture(files: SourceFile[], rules: Rule[] = RULES): Violation[] {
  const out: Violation[] = [];
  for (const f of files) {
    const governing = rules.filter((r) => r.files.some((p) => f.path.startsWith(p)));
    if (governing.length === 0) continue;
    const text = stripComments(f.text);
    const lineOf = (index: number) => text.slice(0, index).split('\n').length;
    for (const m of text.matchAll(IMPORT_RE)) {
      const spec = (m[1] ?? m[2]) as string;
      const t = target(f.path, spec);
      for (const r of governing) {
        if (r.forbiddenImports.some((p) => t === p || t.startsWith(p)))
          out.push({
            file: f.path,
            line: lineOf((m.index ?? 0) + m[0].search(/import|export/)),
            rule: r.name,
            found: spec,
          });
      }
    }
    for (const r of governing) {
      for (const c of r.forbiddenCode ?? []) {
        for (const m of text.matchAll(new RegExp(c.pattern, 'g')))
          out.push({ file: f.path, line: lineOf(m.index ?? 0), rule: r.name, found: `${c.name} (${m[0]})` });
      }
    }
  }
  return out;
}

/** Every .ts/.tsx/.js/.mjs/.astro file under `src/` of the repo at `root`. */
export function readSources(root: string): SourceFile[] {
  return readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.(ts|tsx|js|mjs|astro)$/.test(d.name))
    .map((d) => {
      const abs = join(d.parentPath, d.name);
      return { path: relative(root, abs).replace(/\\/g, '/'), text: readFileSync(abs, 'utf8') };
    });
}

export const formatViolations = (v: Violation[]): string[] =>
  v.map((x) => `${x.file}:${x.line}: ${x.found} — ${x.rule}`);
