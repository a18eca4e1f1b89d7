// Every class the page-type stylesheets (src/styles/) name is used: in the HTML of a page that links the stylesheet, or
// set by the browser code (src/client/). A rule nothing uses is bytes every page of that type pays for, and the card
// page's stylesheet has a byte budget (budgets.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import site from '../../site.config.mjs';
import { DIST, htmlPages } from '../support/dist.ts';
import { tags } from '../support/html.ts';

/** The classes a stylesheet's selectors name (declarations and at-rule preludes skipped). */
function selectorClasses(css: string): Set<string> {
  const out = new Set<string>();
  let text = '';
  for (const ch of css.replace(/\/\*[\s\S]*?\*\//g, '')) {
    if (ch === '{') {
      const prelude = text.trim();
      if (!prelude.startsWith('@')) for (const m of prelude.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)) out.add(m[1] as string);
      text = '';
    } else if (ch === '}' || ch === ';') text = '';
    else text += ch;
  }
  return out;
}

/** Classes the browser code sets: `className = '…'`, `class: '…'`, `classList.add('…')`, `class="…"` in markup. */
function clientClasses(): Set<string> {
  const out = new Set<string>();
  const files = (readdirSync('src/client', { recursive: true, encoding: 'utf8' }) as string[]).filter((f) =>
    /\.(ts|tsx|js)$/.test(f),
  );
  for (const f of files) {
    const code = readFileSync(join('src/client', f), 'utf8');
    const patterns = [
      /\bclass(?:Name)?\s*[:=]\s*['"`]([^'"`]+)['"`]/g,
      /\bclassList\.(?:add|toggle|remove)\(\s*['"`]([^'"`]+)['"`]/g,
      /\bclass=\\?"([^"\\]+)\\?"/g,
    ];
    for (const re of patterns)
      for (const m of code.matchAll(re)) for (const c of (m[1] as string).split(/\s+/)) if (c) out.add(c);
  }
  return out;
}

const fileOf = (page: string) => (page.endsWith('.html') ? page : `${page}index.html`);
const pages = htmlPages().map((p) => ({ page: p, html: readFileSync(join(DIST, fileOf(p)), 'utf8') }));
const linked = (html: string) =>
  tags(html)
    .filter((t) => t.name === 'link' && /\bstylesheet\b/.test(t.attrs.rel ?? '') && t.attrs.href)
    .map((t) => (t.attrs.href as string).slice(site.base.length));
const classesOf = (html: string) =>
  tags(html).flatMap((t) => (t.attrs.class ?? '').split(/\s+/).filter((c) => c !== ''));
const client = clientClasses();

// The stylesheets of src/styles/, as the build names them (the search results' one is linked by the search UI).
const SHEETS = ['card-page', 'site', 'pages', 'filters', 'search-results'];
const built = (readdirSync(join(DIST, '_astro')) as string[]).filter((f) => f.endsWith('.css'));

describe('the page-type stylesheets name only classes in use', () => {
  it('reads the classes of selectors, not of declarations or at-rules', () => {
    const css = '/* .x */.a .b:hover,:is(.c){margin:.5rem;content:".d"}@media (width>=52rem){.e>p{top:1.5em}}';
    expect([...selectorClasses(css)]).toEqual(['a', 'b', 'c', 'e']);
  });

  it('finds the card page stylesheet, linked by every card page and no other page', () => {
    const users = pages.filter((p) => linked(p.html).some((h) => /^_astro\/card-page\.[^/]+\.css$/.test(h)));
    const cards = pages.filter((p) => /^cards\/[^/]+\/$/.test(p.page));
    expect(cards.length).toBeGreaterThan(0);
    expect(users.map((p) => p.page)).toEqual(cards.map((p) => p.page));
  });

  for (const sheet of SHEETS) {
    it(`${sheet}.css`, () => {
      const files = built.filter((f) => f.startsWith(`${sheet}.`));
      expect(files, `dist/_astro/${sheet}.*.css`).toHaveLength(1);
      const file = `_astro/${files[0]}`;
      // The search results' stylesheet is linked by the header search box's code, on any page.
      const users = sheet === 'search-results' ? pages : pages.filter((p) => linked(p.html).includes(file));
      expect(users.length, `pages linking ${file}`).toBeGreaterThan(0);
      const used = new Set([...client, ...users.flatMap((p) => classesOf(p.html))]);
      const unused = [...selectorClasses(readFileSync(join(DIST, file), 'utf8'))].filter((c) => !used.has(c));
      expect(unused, `classes in ${file} that no page linking it and no client code uses`).toEqual([]);
    });
  }
});
