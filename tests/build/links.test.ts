import { describe, expect, it } from 'vitest';
import site from '../../site.config.mjs';
import { DIST } from '../support/dist.ts';
import { checkLinks, formatProblems, pendingRoutes } from '../support/links.ts';

// Every internal href, src, srcset and #fragment of the production build resolves, under the configured base path;
// external URLs are checked for syntax only (no network). The same checker runs on a /cards/ base build in
// base-path.test.ts.
const pending = pendingRoutes();
const report = checkLinks({ dist: DIST, base: site.base, siteUrl: site.url, pending });

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

  // Links to pages whose issue has not landed yet (no source in src/pages): visible as skipped, never silently passed.
  for (const [route, from] of report.pending) {
    it.skip(`${site.base}${route} resolves (linked from ${from.size} pages; pending: src/pages/${route.slice(0, -1)} is not written yet)`, () => {});
  }
});
