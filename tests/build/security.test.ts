import { describe, expect, it } from 'vitest';
import { HUB_FILE_HOSTS, HUB_URL } from '../../src/lib/memory/hub.ts';
import { distHas, htmlPages, readDist } from '../support/dist.ts';
import { headersFor, parseHeaders } from '../support/headers.ts';
import { tags } from '../support/html.ts';

// Host headers (public/_headers, copied to the build) and the CSP <meta> that Astro's security.csp writes on every
// page. tests/e2e/csp.spec.ts checks in a browser that nothing is blocked.
const directives = (policy: string) =>
  new Map(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name = '', ...values] = d.split(/\s+/);
        return [name.toLowerCase(), values] as const;
      }),
  );

describe('public/_headers', () => {
  it('is deployed with the build', () => {
    expect(distHas('_headers')).toBe(true);
  });

  const rules = distHas('_headers') ? parseHeaders(readDist('_headers')) : [];
  const page = headersFor(rules, '/cards/qlora/');
  const embed = headersFor(rules, '/embed/calculator/');

  it('sends HSTS for at least a year, nosniff, a strict Referrer-Policy and a Permissions-Policy on every path', () => {
    for (const [path, h] of [
      ['/', headersFor(rules, '/')],
      ['/cards/qlora/', page],
      ['/embed/calculator/', embed],
      ['/_astro/x.js', headersFor(rules, '/_astro/x.js')],
    ] as const) {
      const maxAge = Number(/max-age=(\d+)/.exec(h.get('strict-transport-security') ?? '')?.[1] ?? 0);
      expect(maxAge, `${path}: Strict-Transport-Security max-age`).toBeGreaterThanOrEqual(31_536_000);
      expect(h.get('x-content-type-options'), path).toBe('nosniff');
      expect(['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'], path).toContain(
        h.get('referrer-policy'),
      );
      expect(h.get('permissions-policy') ?? '', path).toMatch(
        /camera=\(\).*microphone=\(\)|microphone=\(\).*camera=\(\)/,
      );
    }
  });

  it("lets only this site frame its pages (frame-ancestors 'self')", () => {
    expect(page.get('content-security-policy')).toBe("frame-ancestors 'self'");
    expect(headersFor(rules, '/').get('content-security-policy')).toBe("frame-ancestors 'self'");
  });

  it('lets any site frame /embed/* with a single policy (the site-wide one detached, not joined)', () => {
    expect(embed.get('content-security-policy')).toBe('frame-ancestors *');
  });

  it('never allows unsafe-inline or unsafe-eval in a header policy', () => {
    for (const r of rules)
      for (const [name, value] of r.set)
        if (name === 'content-security-policy') expect(value).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  });
});

describe('the CSP <meta> of every page', () => {
  const pages = htmlPages();

  it('exists, is strict, and has no unsafe-inline or unsafe-eval', () => {
    expect(pages.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const p of pages) {
      const metas = tags(readDist(p.endsWith('.html') ? p : `${p}index.html`)).filter(
        (t) => t.name === 'meta' && t.attrs['http-equiv']?.toLowerCase() === 'content-security-policy',
      );
      if (metas.length !== 1) {
        problems.push(`${p}: ${metas.length} CSP meta tags`);
        continue;
      }
      const policy = metas[0]?.attrs.content ?? '';
      const d = directives(policy);
      if (/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'/.test(policy)) problems.push(`${p}: ${policy}`);
      if (d.get('default-src')?.join(' ') !== "'self'") problems.push(`${p}: default-src is not 'self'`);
      if (d.get('object-src')?.join(' ') !== "'none'") problems.push(`${p}: object-src is not 'none'`);
      if (!d.has('base-uri')) problems.push(`${p}: no base-uri`);
      for (const dir of ['script-src', 'style-src']) {
        const values = d.get(dir);
        if (!values) problems.push(`${p}: no ${dir}`);
        else if (values.some((v) => v === '*' || v === 'data:' || v === 'https:' || v === 'http:'))
          problems.push(`${p}: ${dir} allows ${values.join(' ')}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('connect-src', () => {
  const policy = (page: string) =>
    tags(readDist(page.endsWith('.html') ? page : `${page}index.html`)).find(
      (t) => t.name === 'meta' && t.attrs['http-equiv']?.toLowerCase() === 'content-security-policy',
    )?.attrs.content ?? '';
  const connect = (page: string) => directives(policy(page)).get('connect-src');

  it(`lets the calculator page, and no other, connect to the Hub (${HUB_URL}) and its file CDN for its panels`, () => {
    // "Any model" fetches config.json; "Measure your data" a tokenizer.json, which the Hub redirects to its CDN.
    expect(connect('calculator/')).toEqual(["'self'", HUB_URL, ...HUB_FILE_HOSTS]);
    const others = htmlPages().filter((p) => p !== 'calculator/' && connect(p)?.join(' ') !== "'self'");
    expect(others).toEqual([]);
    // The embed is framed by other sites and does not offer the Hub fetch.
    expect(connect('embed/calculator/')).toEqual(["'self'"]);
    expect(connect('')).toEqual(["'self'"]);
  });
});
