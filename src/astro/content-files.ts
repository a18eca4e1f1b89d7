// Reads a content folder's source files (cards, topics.yaml, series.yaml) for the passes that run outside Astro's
// content layer: the content check and the preview image renderer.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from '../lib/cards/validate.ts';

export interface ContentFiles {
  cards: SourceFile[];
  topics: SourceFile;
  series: SourceFile;
}

export function readContentFiles(root: string, contentDir: string): ContentFiles {
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
  return { cards, topics: read('topics.yaml'), series: read('series.yaml') };
}
