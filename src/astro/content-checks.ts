import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import { mdxToMdast } from 'satteri';
import { missingImports, unsafeMarkup } from '../lib/cards/body-checks.ts';
import { StaticElementError, toStaticMarkdown } from '../lib/cards/static-body.ts';
import { STATIC_COMPONENTS } from '../lib/cards/static-components.ts';
import { type DeckResult, formatProblem, type MdxIssue, validateDeck } from '../lib/cards/validate.ts';
import type { DeckPolicy } from '../lib/site/config.ts';
import { LINKABLE_PAGES } from '../lib/site/routes.ts';
import { parseSiteDate } from '../lib/schedule/day.ts';

/** The build's day: SITE_DATE when set, else today (UTC); read through globalThis so bundlers never inline it. */
export function buildDay(): Date {
  return parseSiteDate(
    (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.SITE_DATE,
  );
}

// What Vite tries when an import names no extension.
const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.jsx', '.mjs', '.astro', '.mdx', '.md', '.json', '.css'];

/** Whether an import in the card at `file` (a path under `root`) resolves: a file for paths, a package for names. */
function importExists(root: string, file: string, specifier: string): boolean {
  const isFile = (p: string) => existsSync(p) && statSync(p).isFile();
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const target = specifier.startsWith('/') ? join(root, specifier) : resolve(root, dirname(file), specifier);
    return (
      EXTENSIONS.some((ext) => isFile(target + ext)) ||
      EXTENSIONS.slice(1).some((ext) => isFile(join(target, `index${ext}`)))
    );
  }
  const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? '');
  for (let dir = resolve(root, dirname(file)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', name, 'package.json'))) return true;
    if (dirname(dir) === dir) return false;
  }
}

/**
 * The checks of one body, through Sätteri, the parser Astro 7 itself uses: its syntax (then nothing else), the props
 * of every component the card loader renders itself (a bad <Vram> prop), markup that could run code in a reader's
 * browser, and imports of files that do not exist; each with the line of the element in the body. With no `root`,
 * imports are not checked.
 */
export function checkMdx(body: string, file?: string, root?: string): MdxIssue[] {
  let tree: unknown;
  try {
    tree = mdxToMdast(body);
  } catch (e) {
    const msg = (e as Error).message;
    const m = /^(\d+):(\d+):?\s*(.*)$/s.exec(msg);
    return [
      m
        ? { line: Number(m[1]), column: Number(m[2]), message: (m[3] ?? '').split('\n')[0] ?? '', kind: 'syntax' }
        : { line: 1, column: 1, message: msg, kind: 'syntax' },
    ];
  }
  const issues: MdxIssue[] = [];
  try {
    toStaticMarkdown(body, STATIC_COMPONENTS, tree);
  } catch (e) {
    if (!(e instanceof StaticElementError)) throw e;
    issues.push({ line: e.line, message: e.detail, kind: 'component' });
  }
  for (const i of unsafeMarkup(tree)) issues.push({ ...i, kind: 'markup' });
  if (file !== undefined && root !== undefined)
    for (const i of missingImports(tree, (spec) => importExists(root, file, spec)))
      issues.push({ ...i, kind: 'import' });
  return issues.sort((a, b) => a.line - b.line);
}

/** Reads a content folder (`content/` by default) and validates every card in one pass. */
export function checkContentDir(
  root: string,
  contentDir: string,
  policy?: DeckPolicy,
  today: Date = buildDay(),
): DeckResult {
  const cardsDir = join(root, contentDir, 'cards');
  const rel = (p: string) =>
    p
      .slice(root.length)
      .replace(/^[/\\]+/, '')
      .replaceAll('\\', '/');
  // Every file, in subfolders too, as bytes: the check reports cards in the wrong place, .md files, bad encodings.
  const cards = existsSync(cardsDir)
    ? readdirSync(cardsDir, { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.mdx?$/.test(f) && statSync(join(cardsDir, f)).isFile())
        .map((f) => ({ path: rel(join(cardsDir, f)), source: new Uint8Array(readFileSync(join(cardsDir, f))) }))
    : [];
  const read = (name: string) => {
    const p = join(root, contentDir, name);
    return { path: rel(p), source: existsSync(p) ? readFileSync(p, 'utf8') : '' };
  };
  return validateDeck({
    cards,
    topics: read('topics.yaml'),
    series: read('series.yaml'),
    policy,
    checkMdx: (body, file) => checkMdx(body, file, root),
    cardsDir: rel(cardsDir),
    knownRoutes: LINKABLE_PAGES,
    today,
  });
}

/**
 * Fails the build before anything renders when any card is bad, listing every problem of every card
 * (Astro's own schema check stops at the first bad file).
 */
export function contentChecks(options: { contentDir: string; policy?: DeckPolicy }): AstroIntegration {
  return {
    name: 'fine-tuning-cards:content-checks',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const root = decodeURIComponent(new URL('.', config.root).pathname);
        const result = checkContentDir(root, options.contentDir, options.policy);
        if (result.warnings.length > 0)
          logger.warn(
            `${result.warnings.length} warning(s) in the deck:\n${result.warnings.map(formatProblem).join('\n')}`,
          );
        if (result.pending.length > 0)
          logger.info(`${result.pending.length} API check(s) still to do (src/lib/cards/api-libraries.ts)`);
        if (result.problems.length > 0) {
          const files = new Set(result.problems.map((p) => p.file)).size;
          logger.error(
            `${result.problems.length} problem(s) in the deck:\n${result.problems.map(formatProblem).join('\n')}`,
          );
          // The list is above, once; the error only stops the build. Without a stack, Astro prints no trace (the
          // trace would point at this file, not at the cards).
          const stop = new Error(
            `Content check failed: ${result.problems.length} problem(s) in ${files} file(s), listed above. Fix them and build again.`,
          );
          stop.stack = '';
          throw stop;
        }
        logger.info(`${result.cards.length} cards checked, no problems`);
      },
    },
  };
}
