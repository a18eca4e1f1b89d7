import { describe, expect, it } from 'vitest';
import { headersFor, parseHeaders } from '../../support/headers.ts';

// The _headers reader behind tests/build/security.test.ts follows Cloudflare Pages: all matching rules apply in
// order, a repeated header is joined with ", ", and "! Name" drops what earlier rules set.
describe('headersFor', () => {
  const rules = parseHeaders(`# comment
/*
  X-Content-Type-Options: nosniff
  Content-Security-Policy: frame-ancestors 'self'

/embed/*
  Content-Security-Policy: frame-ancestors *

/widget/*
  ! Content-Security-Policy
  Content-Security-Policy: frame-ancestors *
`);

  it('applies every matching rule', () => {
    expect(headersFor(rules, '/cards/x/').get('x-content-type-options')).toBe('nosniff');
    expect(headersFor(rules, '/cards/x/').get('content-security-policy')).toBe("frame-ancestors 'self'");
  });

  it('joins a header that several rules set, which makes two policies', () => {
    expect(headersFor(rules, '/embed/x/').get('content-security-policy')).toBe(
      "frame-ancestors 'self', frame-ancestors *",
    );
  });

  it('lets a later rule detach a header before setting its own', () => {
    expect(headersFor(rules, '/widget/x/').get('content-security-policy')).toBe('frame-ancestors *');
    expect(headersFor(rules, '/widget/x/').get('x-content-type-options')).toBe('nosniff');
  });

  it('rejects lines it cannot read', () => {
    expect(() => parseHeaders('/*\n  not a header\n')).toThrow(/not a header line/);
  });
});
