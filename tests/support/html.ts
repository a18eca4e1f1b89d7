// A small, dependency-free reader for the HTML our build emits: start tags with their attributes, and the text of
// inline <script> and <style> elements. Not a general HTML parser; enough for link, budget and font checks.

import { decodeHtml } from '../../src/lib/html/entities.ts';

export interface Tag {
  /** Lower-case element name. */
  name: string;
  /** Attribute values with character references decoded; a bare attribute has the value ''. */
  attrs: Record<string, string>;
}

export interface RawText {
  /** `script` or `style`. */
  name: string;
  attrs: Record<string, string>;
  text: string;
}

const TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const RAW =
  /<(script|style)\b((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*>([\s\S]*?)<\/\1\s*>/gi;

function parseAttrs(src: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of src.matchAll(ATTR)) {
    const name = (m[1] as string).toLowerCase();
    if (!(name in attrs)) attrs[name] = decodeHtml(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** Comments removed and the bodies of script and style elements emptied, so their text is never read as tags. */
function markupOnly(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(RAW, (_m, name: string, attrs: string) => `<${name}${attrs}></${name}>`);
}

/** Every start tag in document order. */
export function tags(html: string): Tag[] {
  return [...markupOnly(html).matchAll(TAG)].map((m) => ({
    name: (m[1] as string).toLowerCase(),
    attrs: parseAttrs(m[2] ?? ''),
  }));
}

/** Inline and external <script> and <style> elements with their text. */
export function rawTextElements(html: string): RawText[] {
  return [...html.replace(/<!--[\s\S]*?-->/g, '').matchAll(RAW)].map((m) => ({
    name: (m[1] as string).toLowerCase(),
    attrs: parseAttrs(m[2] ?? ''),
    text: m[3] ?? '',
  }));
}

/** URLs of a srcset attribute (descriptors dropped), following the HTML spec's candidate splitting. */
export function srcsetUrls(srcset: string): string[] {
  const urls: string[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i] as string)) i++;
    if (i >= srcset.length) break;
    let url = '';
    while (i < srcset.length && !/\s/.test(srcset[i] as string)) url += srcset[i++];
    const endsCandidate = /,+$/.test(url);
    url = url.replace(/,+$/, '');
    if (url) urls.push(url);
    if (endsCandidate) continue;
    let depth = 0;
    while (i < srcset.length) {
      const ch = srcset[i++];
      if (ch === '(') depth++;
      else if (ch === ')') depth = Math.max(0, depth - 1);
      else if (ch === ',' && depth === 0) break;
    }
  }
  return urls;
}
