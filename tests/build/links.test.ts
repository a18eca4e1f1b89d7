import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import site from '../../site.config.mjs';
import { DIST } from '../support/dist.ts';
import { fileRoutes, routes } from '../../src/lib/site/routes.ts';
import { checkLinks, formatProblems } from '../support/links.ts';

// Every internal href, src, srcset and #fragment of the production build resolves, under the configured base path;
// external URLs are checked for syntax only (no network). The same checker runs on a /cards/ base build in
// base-path.test.ts.
const report = checkLinks({ dist: DIST, base: site.base, siteUrl: site.url });

describe(`links in ${DIST}`, () => {
  it('checks a real build (pages, internal links and fragments were found)', () => {
    expect(report.counts.pages).toBeGreaterThan(5);
    expect(report.counts.internal).toBeGreaterThan(report.counts.pages);
    expect(report.counts.external).toBeGreaterThan(0);
  });

  it('resolves every internal link, asset, feed and #fragment', () => {
    expect(formatProblems(report.problems.filter((p) => p.kind === 'internal'))).toEqual([]);
  });

  it('has only well-formed external URLs', () => {
    expect(formatProblems(report.problems.filter((p) => p.kind === 'external'))).toEqual([]);
  });

  // Every fixed route of the routes module is a file in the build, so a route renamed in one place cannot leave a page behind.
  it('builds every fixed route of src/lib/site/routes.ts', () => {
    const fixed = Object.entries({ ...routes, ...fileRoutes }).filter(([, r]) => r.length === 0) as [
      string,
      () => string,
    ][];
    const missing = fixed
      .map(([name, r]) => [name, r()] as const)
      .filter(([, path]) => !existsSync(join(DIST, path === '' || path.endsWith('/') ? `${path}index.html` : path)));
    expect(fixed.length).toBeGreaterThan(15);
    expect(missing).toEqual([]);
  });
});
