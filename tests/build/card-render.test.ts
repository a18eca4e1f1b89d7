import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toStaticMarkdown } from '../../src/lib/cards/static-body.ts';
import { STATIC_COMPONENTS } from '../../src/lib/cards/static-components.ts';
import { astroBuild } from '../support/build.ts';
import { DIST } from '../support/dist.ts';

// The card loader renders plain cards (Markdown plus <Vram>) itself and leaves the rest to MDX (src/astro/card-loader.ts).
// A reader must not be able to tell: this builds the real deck again with every card as an MDX module
// (CARDS_ALL_MDX=1, Astro's stock path) and compares each card page with the normal build's.
const OUT = '.tmp/dist-all-mdx';
let build: ReturnType<typeof astroBuild>;

const cardIds = readdirSync('content/cards')
  .filter((f) => f.endsWith('.mdx') && !f.startsWith('_'))
  .map((f) => f.slice(0, -4));
const bodyOf = (id: string) => readFileSync(`content/cards/${id}.mdx`, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
const staticIds = cardIds.filter((id) => toStaticMarkdown(bodyOf(id), STATIC_COMPONENTS).markdown !== null);

/** The card's article; MDX writes `"` as &quot; in text and puts no newline between some blocks. */
function article(dist: string, id: string): string {
  const html = readFileSync(join(dist, 'cards', id, 'index.html'), 'utf8');
  const body = /<div class="card-body">([\s\S]*?)<\/div>\s*<section class="panel quiz"/.exec(html)?.[1];
  if (body === undefined) throw new Error(`no card body in ${dist}/cards/${id}/index.html`);
  return body.replaceAll('&quot;', '"').replace(/>\s+</g, '><').trim();
}

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  build = astroBuild(OUT, { CARDS_ALL_MDX: '1' });
}, 300_000);

describe('cards rendered by the loader and by MDX', () => {
  it('builds with every card as an MDX module', () => {
    expect(build.status, `${build.stdout}\n${build.stderr}`.slice(-4000)).toBe(0);
  });

  it('renders most cards in the loader, and keeps the island card as MDX', () => {
    expect(staticIds.length).toBeGreaterThan(cardIds.length / 2);
    expect(staticIds).not.toContain('fine-tuning-strategy');
    // Some of the loader's cards carry <Vram> figures, so the comparison below covers them.
    expect(staticIds.filter((id) => bodyOf(id).includes('<Vram')).length).toBeGreaterThan(5);
  });

  it.each(cardIds)('%s: the same card body either way', (id) => {
    const ours = article(DIST, id);
    expect(ours.length).toBeGreaterThan(500);
    expect(ours).toBe(article(OUT, id));
  });
});
