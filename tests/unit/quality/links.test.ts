import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { srcsetUrls, tags } from '../../support/html.ts';
import { checkLinks, formatProblems } from '../../support/links.ts';

// The link checker must fail on each kind of breakage it claims to catch, or the build test proves nothing.
const root = mkdtempSync(join(tmpdir(), 'ftc-links-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function site(files: Record<string, string>): string {
  const dist = mkdtempSync(join(root, 'dist-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), text);
  }
  return dist;
}
const page = (body: string) =>
  `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`;
const ORIGIN = 'https://example.org';

describe('checkLinks', () => {
  it('passes a site whose links all resolve', () => {
    const dist = site({
      'index.html': page(
        '<a href="/a/">a</a><a href="/a/#part">part</a><a href="#top-x" id="top-x">self</a><img src="/img/x.png" srcset="/img/x.png 1x, /img/x2.png 2x" width="1" height="1" alt=""><a href="https://arxiv.org/abs/1">paper</a><a href="mailto:a@example.org">mail</a><link rel="alternate" href="https://example.org/rss.xml">',
      ),
      'a/index.html': page('<h2 id="part">Part</h2><a href="../">home</a><a href="/?level=beginner">filtered</a>'),
      'img/x.png': 'png',
      'img/x2.png': 'png',
      'rss.xml': '<rss><channel><link>https://example.org/a/</link></channel></rss>',
      '_astro/s.css': 'body{background:url(../img/x.png)}',
    });
    const r = checkLinks({ dist, base: '/', siteUrl: ORIGIN });
    expect(formatProblems(r.problems)).toEqual([]);
    expect(r.counts.fragments).toBe(2);
  });

  it('reports missing pages, assets, srcset candidates, fragments, slashes and feeds', () => {
    const dist = site({
      'index.html': page(
        '<a href="/nope/">x</a><a href="/a">no slash</a><a href="/a/#missing">frag</a><a href="#gone">self</a><img src="/img/none.png" alt=""><img srcset="/img/x.png 1x, /img/big.png 2x" alt=""><script type="module" src="/_astro/gone.js"></script><link rel="alternate" href="/rss.xml">',
      ),
      'a/index.html': page('<h2 id="part">Part</h2>'),
      'img/x.png': 'png',
      'sitemap.xml': '<urlset><url><loc>https://example.org/old/</loc></url></urlset>',
      '_astro/s.css': 'body{background:url(/img/missing.svg)}',
    });
    const problems = formatProblems(checkLinks({ dist, base: '/', siteUrl: ORIGIN }).problems);
    for (const expected of [
      'index.html: a[href] "/nope/": nothing at /nope/ in the build',
      'index.html: a[href] "/a": missing trailing slash: the page is /a/',
      'index.html: a[href] "/a/#missing": no element with id "missing" on /a/',
      'index.html: a[href] "#gone": no element with id "gone" on /',
      'index.html: img[src] "/img/none.png": nothing at /img/none.png in the build',
      'index.html: img[srcset] "/img/big.png": nothing at /img/big.png in the build',
      'index.html: script[src] "/_astro/gone.js": nothing at /_astro/gone.js in the build',
      'index.html: link[href] "/rss.xml": nothing at /rss.xml in the build',
      'sitemap.xml: text "https://example.org/old/": nothing at /old/ in the build',
      '_astro/s.css: css url() "/img/missing.svg": nothing at /img/missing.svg in the build',
    ]) {
      expect(problems).toContain(expected);
    }
    expect(problems).toHaveLength(10);
  });

  it('requires internal links to stay under the base path', () => {
    const dist = site({
      'index.html': page('<a href="/cards/a/">ok</a><a href="/a/">escapes the base</a><a href="a/">relative, fine</a>'),
      'a/index.html': page(''),
    });
    const r = checkLinks({ dist, base: '/cards/', siteUrl: ORIGIN });
    expect(formatProblems(r.problems)).toEqual([
      'index.html: a[href] "/a/": internal URL is outside the base path /cards/',
    ]);
  });

  it('checks external links for syntax only', () => {
    const dist = site({
      'index.html': page(
        '<a href="https://github.com/x/y">ok</a><a href="https://localhost/x">local</a><a href="javascript:alert(1)">js</a><a href="https://exa mple.org/">space</a><a href="http://">empty host</a><a href="">empty</a>',
      ),
    });
    const problems = checkLinks({ dist, base: '/', siteUrl: ORIGIN }).problems.map((p) => `${p.url}: ${p.message}`);
    expect(problems).toEqual([
      'https://localhost/x: "localhost" is not a public host name',
      'javascript:alert(1): unexpected URL scheme javascript:',
      'https://exa mple.org/: URL contains whitespace',
      'http://: not a valid URL',
      ': empty URL (it points back at the page itself)',
    ]);
  });
});

describe('the HTML reader', () => {
  it('ignores markup inside scripts and comments and decodes attributes', () => {
    const t = tags(
      '<!-- <a href="/c/"> --><script>document.write("<a href=\'/s/\'>")</script><a href="/x/?a=1&amp;b=2" data-x>x</a>',
    );
    expect(t.filter((x) => x.name === 'a').map((x) => x.attrs.href)).toEqual(['/x/?a=1&b=2']);
  });

  it('splits srcset candidates', () => {
    expect(srcsetUrls('/a.png 1x, /b.png 2x')).toEqual(['/a.png', '/b.png']);
    expect(srcsetUrls('/a.png 480w,/b.png 800w')).toEqual(['/a.png', '/b.png']);
    expect(srcsetUrls('/a.png')).toEqual(['/a.png']);
  });
});
