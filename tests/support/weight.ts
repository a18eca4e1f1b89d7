// Page weight from the bytes of a build: gzipped HTML, the stylesheets it links, and the JavaScript it loads.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rawTextElements, tags } from './html.ts';

/** Budgets are in kB of 1,000 bytes. */
export const KB = 1000;

/** gzip at zlib's default level, what hosts that compress on the fly typically use. */
export const gzipSize = (data: string | Buffer): number => gzipSync(data).length;

export interface PageWeight {
  /** gzipped bytes of the HTML document (inline scripts and styles included). */
  html: number;
  /** gzipped bytes of each linked stylesheet, by build path. */
  css: Map<string, number>;
  /** gzipped bytes of each external script the page loads, with their static imports, by build path. */
  js: Map<string, number>;
  /**
   * gzipped bytes of the chunks the page's islands import on demand (dynamic `import()` from an island's component
   * module, with their static imports), not already in `js`. The header search UI is not an island and not counted.
   */
  islandLazyJs: Map<string, number>;
  /** gzipped bytes of inline JavaScript (JSON-LD and other data blocks excluded). */
  inlineJs: number;
  /** The page hydrates at least one island. */
  hasIsland: boolean;
  /** build paths of the islands' component modules (where their on-demand imports start) */
  islandModules: string[];
}

export const sum = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);

const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);
const IMPORTS = /(?:^|[;\s{}(),])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"'\n]+?\.m?js)["']/g;
const DYNAMIC_IMPORTS = /\bimport\(\s*[`"']([^`"'\n]+?\.m?js)[`"']\s*\)/g;

/** Build path of a root-relative or relative URL, or undefined for external and unresolvable ones. */
function toBuildPath(ref: string, from: string, base: string): string | undefined {
  let u: URL;
  try {
    u = new URL(ref, `https://site.invalid${base}${from}`);
  } catch {
    return undefined;
  }
  if (u.origin !== 'https://site.invalid' || !u.pathname.startsWith(base)) return undefined;
  return decodeURIComponent(u.pathname.slice(base.length));
}

export function pageWeight(dist: string, pageFile: string, base: string): PageWeight {
  const html = readFileSync(join(dist, pageFile), 'utf8');
  const dir = pageFile.slice(0, pageFile.lastIndexOf('/') + 1);
  const css = new Map<string, number>();
  const js = new Map<string, number>();
  const queue: string[] = [];
  const addJs = (path: string | undefined) => {
    if (path && !js.has(path) && !queue.includes(path)) queue.push(path);
  };
  let hasIsland = false;
  const islandModules: string[] = [];

  for (const t of tags(html)) {
    if (t.name === 'link' && /\bstylesheet\b/i.test(t.attrs.rel ?? '') && t.attrs.href) {
      const p = toBuildPath(t.attrs.href, dir, base);
      if (p && existsSync(join(dist, p))) css.set(p, gzipSize(readFileSync(join(dist, p))));
    }
    if (t.name === 'link' && /\bmodulepreload\b/i.test(t.attrs.rel ?? '') && t.attrs.href)
      addJs(toBuildPath(t.attrs.href, dir, base));
    if (t.name === 'script' && t.attrs.src) addJs(toBuildPath(t.attrs.src, dir, base));
    if (t.name === 'astro-island') {
      hasIsland = true;
      for (const a of ['component-url', 'renderer-url', 'before-hydration-url'])
        if (t.attrs[a]) addJs(toBuildPath(t.attrs[a] as string, dir, base));
      const component = t.attrs['component-url'] && toBuildPath(t.attrs['component-url'] as string, dir, base);
      if (component) islandModules.push(component);
    }
  }
  let inline = '';
  for (const el of rawTextElements(html)) {
    if (el.name !== 'script' || el.attrs.src !== undefined || !JS_TYPES.has((el.attrs.type ?? '').toLowerCase()))
      continue;
    inline += el.text;
    for (const m of el.text.matchAll(IMPORTS)) addJs(toBuildPath(m[1] as string, dir, base));
  }
  // Follow static imports: a module's dependencies load before it runs.
  followStatic(dist, base, queue, js);
  // What the islands fetch later (e.g. the memory model on the first input), beyond what the page already loaded.
  const islandLazyJs = lazyJs(dist, base, islandModules, js);
  return {
    html: gzipSize(html),
    css,
    js,
    islandLazyJs,
    inlineJs: inline ? gzipSize(inline) : 0,
    hasIsland,
    islandModules,
  };
}

/** gzipped bytes of one module and everything it imports statically, by build path (e.g. a component's script). */
export function moduleWeight(dist: string, entry: string, base: string): Map<string, number> {
  const out = new Map<string, number>();
  followStatic(dist, base, [entry], out);
  return out;
}

/** The modules `mod` imports on demand (its dynamic `import()`s), by build path. */
export function dynamicImports(dist: string, base: string, mod: string): string[] {
  const at = mod.slice(0, mod.lastIndexOf('/') + 1);
  const out: string[] = [];
  for (const m of readFileSync(join(dist, mod), 'utf8').matchAll(DYNAMIC_IMPORTS)) {
    const p = toBuildPath(m[1] as string, at, base);
    if (p && !out.includes(p)) out.push(p);
  }
  return out;
}

/**
 * gzipped bytes of what `modules` import on demand (dynamic `import()`), with everything those chunks import in turn
 * (statically or on demand), leaving out what `have` (the page's load-time JS) already holds.
 */
export function lazyJs(
  dist: string,
  base: string,
  modules: readonly string[],
  have: Map<string, number>,
): Map<string, number> {
  const out = new Map<string, number>();
  let scan = [...modules];
  while (scan.length > 0) {
    const queue: string[] = [];
    for (const mod of scan) {
      const file = join(dist, mod);
      if (!existsSync(file)) continue;
      const at = mod.slice(0, mod.lastIndexOf('/') + 1);
      for (const m of readFileSync(file, 'utf8').matchAll(DYNAMIC_IMPORTS)) {
        const p = toBuildPath(m[1] as string, at, base);
        if (p && !have.has(p) && !out.has(p) && !queue.includes(p)) queue.push(p);
      }
    }
    const before = new Set(out.keys());
    followStatic(dist, base, queue, out, have);
    scan = [...out.keys()].filter((k) => !before.has(k));
  }
  return out;
}

/** Loads every module in `queue` and its static imports into `into` (skipping those already in `have`). */
function followStatic(
  dist: string,
  base: string,
  queue: string[],
  into: Map<string, number>,
  have: Map<string, number> = into,
): void {
  while (queue.length > 0) {
    const path = queue.shift() as string;
    const file = join(dist, path);
    if (!existsSync(file) || into.has(path)) continue;
    const code = readFileSync(file, 'utf8');
    into.set(path, gzipSize(code));
    const at = path.slice(0, path.lastIndexOf('/') + 1);
    for (const m of code.matchAll(IMPORTS)) {
      const p = toBuildPath(m[1] as string, at, base);
      if (p && !have.has(p) && !into.has(p) && !queue.includes(p)) queue.push(p);
    }
  }
}

export const kb = (bytes: number): string => `${(bytes / KB).toFixed(1)} kB`;
