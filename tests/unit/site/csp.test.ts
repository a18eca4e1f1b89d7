import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { narrowCspMeta } from '../../../src/lib/site/csp.ts';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const page = (policy: string, body: string) =>
  `<html><head><meta http-equiv="content-security-policy" content="${policy}"></head><body>${body}</body></html>`;
const policyOf = (html: string) => /content="([^"]*)"/.exec(html)?.[1];

describe('narrowCspMeta', () => {
  const used = 'console.log(1)';
  const style = 'p{color:red}';
  const policy = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${hash(used)} ${hash('other()')}; style-src 'self' ${hash(style)} ${hash('q{}')};`;

  it("keeps only the hashes of the page's own inline scripts and styles", () => {
    const html = page(policy, `<script>${used}</script><style>${style}</style>`);
    expect(policyOf(narrowCspMeta(html, hash))).toBe(
      `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${hash(used)}; style-src 'self' ${hash(style)};`,
    );
  });

  it('needs no hash for external scripts or data blocks, and never adds one', () => {
    const html = page(
      policy,
      `<script type="module" src="/a.js"></script><script type="application/ld+json">{"a":1}</script><script>new()</script>`,
    );
    expect(policyOf(narrowCspMeta(html, hash))).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';",
    );
  });

  it('counts inline module scripts, and leaves other directives and pages without a CSP alone', () => {
    const html = page(policy, `<script type="module">${used}</script>`);
    expect(policyOf(narrowCspMeta(html, hash))).toContain(`script-src 'self' 'wasm-unsafe-eval' ${hash(used)};`);
    expect(narrowCspMeta('<p>no policy</p>', hash)).toBe('<p>no policy</p>');
  });
});
