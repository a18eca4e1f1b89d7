import { readdirSync, rmSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import site from '../../site.config.mjs';
import { astroBuild } from '../support/build.ts';
import { htmlPages } from '../support/dist.ts';
import { checkLinks, formatProblems } from '../support/links.ts';

// The fixture deck built under BASE_PATH=/cards/: every internal URL must start with /cards/ and resolve in that build.
// Spawns a build, like content-errors.test.ts; the build project runs files one at a time (vitest.config.ts) because
// builds share node_modules/.astro.
const OUT = '.tmp/dist-base';
const BASE = '/cards/';
let build: ReturnType<typeof astroBuild>;

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  build = astroBuild(OUT, { CONTENT_DIR: 'tests/fixtures/deck', BASE_PATH: BASE });
}, 300_000);

describe(`the fixture deck built under ${BASE}`, () => {
  it('builds', () => {
    expect(build.status, `${build.stdout}\n${build.stderr}`.slice(-4000)).toBe(0);
  });

  it('puts its pages where the base path expects them', () => {
    const pages = htmlPages(OUT);
    expect(pages).toContain('cards/fixture-1/');
    expect(pages).toContain('');
  });

  it('links only inside /cards/, and every internal link, asset and #fragment resolves', () => {
    const report = checkLinks({ dist: OUT, base: BASE, siteUrl: site.url });
    expect(report.counts.internal).toBeGreaterThan(report.counts.pages);
    // The selector's rules cite cards of the real deck by id; in this three-card deck those pages are absent. Such
    // links are still checked for the base path, and a link to a card that exists in neither deck still fails.
    const ids = (dir: string) =>
      new Set(
        readdirSync(dir)
          .filter((f) => f.endsWith('.mdx'))
          .map((f) => f.slice(0, -4)),
      );
    const real = ids('content/cards');
    const fixture = ids('tests/fixtures/deck/cards');
    const realDeckOnly = (url: string, message: string) => {
      const id = new RegExp(`^${BASE}cards/([^/#?]+)/`).exec(url)?.[1];
      return message.startsWith('nothing at') && id !== undefined && real.has(id) && !fixture.has(id);
    };
    expect(formatProblems(report.problems.filter((p) => !realDeckOnly(p.url, p.message)))).toEqual([]);
  });
});
