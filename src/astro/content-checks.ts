import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { mdxToMdast } from 'satteri';
import { StaticElementError, toStaticMarkdown } from '../lib/cards/static-body.ts';
import { STATIC_COMPONENTS } from '../lib/cards/static-components.ts';
import { type DeckResult, formatProblem, validateDeck } from '../lib/cards/validate.ts';
import type { DeckPolicy } from '../lib/site/config.ts';
import { LINKABLE_PAGES } from '../lib/site/routes.ts';
import { parseSiteDate } from '../lib/schedule/day.ts';

/** The build's day: SITE_DATE when set, else today (UTC); read through globalThis so bundlers never inline it. */
export function buildDay(): Date {
  return parseSiteDate(
    (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.SITE_DATE,
  );
}

/**
 * MDX syntax check through Sätteri, the parser Astro 7 itself uses; then the props of every component the card loader
 * renders itself (a bad <Vram> prop), with the line of the element.
 */
export function checkMdx(body: string) {
  let tree: unknown;
  try {
    tree = mdxToMdast(body);
  } catch (e) {
    const msg = (e as Error).message;
    const m = /^(\d+):(\d+):?\s*(.*)$/s.exec(msg);
    return m
      ? { line: Number(m[1]), column: Number(m[2]), message: (m[3] ?? '').split('\n')[0] ?? '' }
      : { line: 1, column: 1, message: msg };
  }
  try {
    toStaticMarkdown(body, STATIC_COMPONENTS, tree);
  } catch (e) {
    if (e instanceof StaticElementError)
      return { line: e.line, column: 1, message: e.detail, kind: 'component' as const };
    throw e;
  }
  return null;
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
  const cards = existsSync(cardsDir)
    ? readdirSync(cardsDir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.mdx'))
        .map((f) => ({ path: rel(join(cardsDir, f)), source: readFileSync(join(cardsDir, f), 'utf8') }))
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
    checkMdx,
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
        if (result.problems.length > 0) {
          const list = result.problems.map(formatProblem).join('\n');
          logger.error(`${result.problems.length} problem(s) in the deck:\n${list}`);
          throw new Error(
            `Content check failed: ${result.problems.length} problem(s) in ${new Set(result.problems.map((p) => p.file)).size} file(s). Fix them and build again:\n${list}`,
          );
        }
        logger.info(`${result.cards.length} cards checked, no problems`);
      },
    },
  };
}
