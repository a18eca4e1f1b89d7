// Helpers for build tests: read files from a built site.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The build under test: `dist`, or DIST_DIR (e.g. a fixture build in .tmp/) when set. */
export const DIST = process.env.DIST_DIR ?? 'dist';

export function readDist(path: string, dist = DIST): string {
  return readFileSync(join(dist, path), 'utf8');
}

export function distHas(path: string, dist = DIST): boolean {
  return existsSync(join(dist, path));
}

/** Every HTML page in a build, as site paths such as `cards/qlora/` or `404.html`. */
export function htmlPages(dist = DIST): string[] {
  return (readdirSync(dist, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.replaceAll('\\', '/'))
    .map((f) => (f.endsWith('index.html') ? f.slice(0, -'index.html'.length) : f))
    .sort();
}

/** href values of <a> elements. */
export function links(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map((m) => m[1] as string);
}
