import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { embedOptionNotice, embedOptionNotices } from '../../../src/lib/memory/embed-notices.ts';
import { EMBED_OPTIONS } from '../../../src/lib/memory/embed-options.ts';

// The embed's inline script that sets the theme before first paint (src/client/embed-theme.js), run against a stand-in
// document: the host page's data-theme (?theme=), else the script's data-default.
const source = readFileSync(new URL('../../../src/client/embed-theme.js', import.meta.url), 'utf8');
const [fallback] = EMBED_OPTIONS.theme.values;

function themeOf(search: string): string | undefined {
  const html = { dataset: {} as Record<string, string> };
  const script = { getAttribute: (name: string) => (name === 'data-default' ? fallback : null) };
  new Function('document', 'location', source)({ documentElement: html, currentScript: script }, { search });
  return html.dataset.theme;
}

describe('the embed’s theme', () => {
  it.each(EMBED_OPTIONS.theme.values.map((v) => [v]))('?theme=%s', (value) => {
    // auto leaves the theme to the reader's system setting; the others set it.
    expect(themeOf(`?model=qwen3-8b&theme=${value}&frame=x`)).toBe(value === 'auto' ? undefined : value);
  });

  it('no theme, or one it does not know, gives the default (and the widget a notice)', () => {
    expect(fallback).toBe('light');
    expect(themeOf('')).toBe('light');
    expect(themeOf('?theme=pink')).toBe('light');
    expect(themeOf('?theme=darker')).toBe('light');
    expect(embedOptionNotice(EMBED_OPTIONS.theme, 'dark')).toBeNull();
    expect(embedOptionNotice(EMBED_OPTIONS.layout, null)).toBeNull();
    expect(embedOptionNotices('?layout=wide&theme=pink&model=x')).toEqual([
      { param: 'layout', message: 'data-layout="wide" is not one of compact, full: compact is used.' },
      { param: 'theme', message: 'data-theme="pink" is not one of light, dark, auto: light is used.' },
    ]);
    expect(embedOptionNotices('?layout=full&theme=auto')).toEqual([]);
  });
});
