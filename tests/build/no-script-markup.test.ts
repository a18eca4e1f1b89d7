import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SCRIPT_CAPABLE_ELEMENTS } from '../../src/lib/cards/body-checks.ts';
import { DIST, distHas, htmlPages, readDist } from '../support/dist.ts';
import { parseRss } from '../support/feeds.ts';
import { rawTextElements, tags } from '../support/html.ts';

// The content check keeps script-capable markup out of cards; this checks the result: no page, feed item or search
// record carries markup that runs code, other than the site's own scripts.
// biome-ignore lint/suspicious/noControlCharactersInRegex: browsers strip leading C0 controls before the scheme
const UNSAFE_URL = /^[\s\u0000-\u001f]*(javascript|vbscript):/i;
const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster'];

/** Problems of one HTML document or fragment; `allowed` are the elements the site itself writes (in page heads). */
function unsafe(html: string, where: string, allowed: (name: string, attrs: Record<string, string>) => boolean) {
  const out: string[] = [];
  for (const t of tags(html)) {
    if (SCRIPT_CAPABLE_ELEMENTS.has(t.name) && !allowed(t.name, t.attrs)) out.push(`${where}: <${t.name}>`);
    for (const [k, v] of Object.entries(t.attrs)) {
      if (/^on/.test(k) || k === 'srcdoc') out.push(`${where}: <${t.name} ${k}>`);
      if (URL_ATTRS.includes(k) && UNSAFE_URL.test(v)) out.push(`${where}: <${t.name} ${k}="${v}">`);
    }
  }
  return out;
}

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

describe('script-capable markup in the build', () => {
  it('appears on no page beyond the site’s own hashed scripts, styles, links and CSP meta', () => {
    const problems: string[] = [];
    for (const page of htmlPages()) {
      const html = readDist(page.endsWith('.html') ? page : `${page}index.html`);
      const csp = tags(html).find((t) => t.name === 'meta' && t.attrs['http-equiv'] === 'content-security-policy');
      const policy = csp?.attrs.content ?? '';
      problems.push(
        ...unsafe(html, page, (name, a) =>
          name === 'script'
            ? a.type === 'application/ld+json' || a.src !== undefined || a.type === 'module' || a.type === undefined
            : name === 'meta'
              ? a['http-equiv'] === undefined || a['http-equiv'] === 'content-security-policy'
              : name === 'link' || name === 'style' || name === 'form',
        ),
      );
      // Every inline script is one the CSP names by hash (Astro's and the theme's), or JSON-LD data.
      for (const s of rawTextElements(html))
        if (s.name === 'script' && s.attrs.src === undefined && s.attrs.type !== 'application/ld+json')
          if (!policy.includes(sha256(s.text)))
            problems.push(`${page}: inline script not in the CSP: ${s.text.slice(0, 60)}`);
    }
    expect(problems).toEqual([]);
  });

  it('appears in no feed item', () => {
    const problems: string[] = [];
    for (const feed of ['rss.xml', 'cards/rss.xml']) {
      for (const item of parseRss(readDist(feed)).rss.channel.item ?? [])
        problems.push(
          ...unsafe(`${item['content:encoded'] ?? ''}${item.description}`, `${feed} ${item.link}`, () => false),
        );
    }
    const json = JSON.parse(readDist('feed.json')) as { items: { id: string; content_html?: string }[] };
    for (const item of json.items)
      problems.push(...unsafe(item.content_html ?? '', `feed.json ${item.id}`, () => false));
    expect(problems).toEqual([]);
  });

  // Record content is text (results render it with textContent), and a card may quote `<script>` in prose; the
  // fields a result shows as they are, and the address it opens, must carry no markup or script URL.
  it('appears in no search record’s title, summary, meta or address', () => {
    expect(distHas('pagefind/fragment')).toBe(true);
    const problems: string[] = [];
    for (const f of readdirSync(join(DIST, 'pagefind/fragment'))) {
      const text = gunzipSync(readFileSync(join(DIST, 'pagefind/fragment', f)))
        .toString('utf8')
        .slice('pagefind_dcd'.length);
      const record = JSON.parse(text) as { url: string; content: string; meta: Record<string, string> };
      const all = `${record.url}\n${Object.values(record.meta).join('\n')}`;
      if (/<\s*(script|iframe|object|embed|meta)\b|\son[a-z]+\s*=|javascript:/i.test(all)) problems.push(record.url);
    }
    expect(problems).toEqual([]);
  });
});
