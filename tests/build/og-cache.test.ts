import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ogCacheDir } from '../../scripts/og-images.ts';
import { astroBuild } from '../support/build.ts';

// The preview image cache: a cold build renders every image, a warm one none, and editing one card's title renders
// that card's image only. Spawns three builds of a copy of the fixture deck (the build project runs files one at a
// time, vitest.config.ts).
const DECK = '.tmp/og-cache-deck';
const OUT = '.tmp/dist-og-cache';
const CACHE = ogCacheDir(process.cwd(), DECK, {});
const counts = (log: string) => {
  const m = /(\d+) preview images: (\d+) rendered, (\d+) from the cache/.exec(log);
  return m ? { images: Number(m[1]), rendered: Number(m[2]), reused: Number(m[3]) } : undefined;
};
const builds: { status: number | null; log: string; card: Buffer }[] = [];

beforeAll(() => {
  rmSync(DECK, { recursive: true, force: true });
  rmSync(CACHE, { recursive: true, force: true });
  cpSync('tests/fixtures/deck', DECK, { recursive: true });
  const build = () => {
    const r = astroBuild(OUT, { CONTENT_DIR: DECK });
    builds.push({
      status: r.status,
      log: `${r.stdout}\n${r.stderr}`,
      card: readFileSync(join(OUT, 'og/cards/fixture-1.png')),
    });
  };
  build();
  build();
  const card = join(DECK, 'cards/fixture-1.mdx');
  writeFileSync(
    card,
    readFileSync(card, 'utf8').replace(/^title: .*$/m, 'title: "A renamed fixture card for the cache test"'),
  );
  build();
}, 600_000);

describe('the preview image cache', () => {
  it('renders every image in a cold build', () => {
    expect(builds[0]?.status, builds[0]?.log.slice(-3000)).toBe(0);
    const c = counts(builds[0]?.log ?? '');
    expect(c?.images).toBeGreaterThan(5);
    expect(c).toEqual({ images: c?.images, rendered: c?.images, reused: 0 });
  });

  it('renders none in a warm rebuild', () => {
    const c = counts(builds[1]?.log ?? '');
    expect(c).toEqual({ images: c?.images, rendered: 0, reused: c?.images });
    expect(builds[1]?.card.equals(builds[0]?.card as Buffer)).toBe(true);
  });

  it('renders only the image of the card whose title changed', () => {
    const c = counts(builds[2]?.log ?? '');
    expect(c).toEqual({ images: c?.images, rendered: 1, reused: (c?.images ?? 0) - 1 });
    expect(builds[2]?.card.equals(builds[1]?.card as Buffer)).toBe(false);
  });
});
