import { describe, expect, it } from 'vitest';
import { astroBuild } from '../support/build.ts';

// A build of the bad-card corpus must fail before rendering and list every bad card, not just the first.
describe('building a deck with bad cards', () => {
  it('fails with every problem of every card, named by file and field', () => {
    const r = astroBuild('.tmp/dist-bad', { CONTENT_DIR: 'tests/fixtures/bad-cards' });
    const out = `${r.stdout}\n${r.stderr}`;
    expect(r.status).not.toBe(0);
    const dir = 'tests/fixtures/bad-cards/cards';
    for (const line of [
      `${dir}/wrong-level.mdx: level: "expert" is not one of beginner, intermediate, advanced`,
      `${dir}/missing-title.mdx: title: missing: add a title of 8–90 characters`,
      `${dir}/http-source.mdx: sources[0].url: "http://arxiv.org/abs/2106.09685": must use https:// (http links are rejected)`,
      `${dir}/unknown-field.mdx: author: unknown field "author": remove it or check its spelling`,
      `${dir}/dangling-related.mdx: related[1]: "no-such-card" is not a card`,
    ]) {
      expect(out).toContain(line);
    }
    expect(out).toMatch(/Content check failed: \d+ problem\(s\) in (19|2\d) file\(s\)/);
    expect(out).not.toContain('generating static routes');
  });
});
