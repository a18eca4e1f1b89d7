/**
 * Makes rendered card HTML safe to put in a feed: absolute URLs, no scripts.
 *
 * A small HTML tokenizer (no DOM, so it runs anywhere): text is copied untouched; in every start tag,
 * - URL attributes (href, src, srcset, poster, cite, action, formaction, xlink:href) are resolved against `baseUrl`;
 *   values that already carry a scheme (https:, mailto:, data:, ...) are left alone;
 * - `javascript:` / `vbscript:` URLs are removed (the whole attribute);
 * - event-handler attributes (any name starting with `on`) are removed;
 * `<script>` elements are removed with their content, comments are removed, and the raw-text elements style, textarea,
 * title and xmp are copied verbatim (their content is not markup).
 *
 * Not handled (none of it appears in card HTML today): URLs inside inline `style` attributes or `<style>` blocks,
 * custom URL attributes of custom elements (for example Astro islands' `component-url`), `<iframe srcdoc>`.
 */

const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'cite', 'action', 'formaction', 'xlink:href']);
const RAW_TEXT_ELEMENTS = new Set(['style', 'textarea', 'title', 'xmp']);
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
const UNSAFE_SCHEME = /^(?:javascript|vbscript):/i;
const TAG_NAME_START = /[A-Za-z]/;
const WHITESPACE = /[\t\n\f\r ]/;

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the character references that show up in URL attribute values (numeric ones and the five XML ones). */
function decodeAttribute(value: string): string {
  return value.replace(/&(?:#[xX]([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));?/g, (m, hex, dec, named) => {
    if (named !== undefined) return NAMED_ENTITIES[named] as string;
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number.parseInt(dec, 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : m;
  });
}

function encodeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** What the URL parser sees: no leading/trailing C0 controls or spaces, no tabs or newlines anywhere. */
function urlForSchemeCheck(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping C0 controls is the point
  return value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/** The absolute form of one URL, the value unchanged when it already has a scheme, or null to drop the attribute. */
function resolveOne(value: string, base: URL): string | null {
  const probe = urlForSchemeCheck(value);
  if (UNSAFE_SCHEME.test(probe)) return null;
  if (SCHEME.test(probe)) return value;
  try {
    return new URL(probe, base).href;
  } catch {
    return null; // not a URL a reader could follow either
  }
}

/** Resolves every candidate of a srcset (`url [descriptor], ...`), following the HTML parsing rules loosely. */
function resolveSrcset(value: string, base: URL): string | null {
  const out: string[] = [];
  let i = 0;
  const n = value.length;
  while (i < n) {
    while (i < n && (WHITESPACE.test(value[i] as string) || value[i] === ',')) i++;
    if (i >= n) break;
    let j = i;
    while (j < n && !WHITESPACE.test(value[j] as string)) j++;
    let url = value.slice(i, j);
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
      i = j;
    } else {
      let k = j;
      let depth = 0;
      while (k < n && (value[k] !== ',' || depth > 0)) {
        if (value[k] === '(') depth++;
        else if (value[k] === ')' && depth > 0) depth--;
        k++;
      }
      descriptor = value.slice(j, k).trim();
      i = k + 1;
    }
    const resolved = resolveOne(url, base);
    if (resolved === null) continue;
    out.push(descriptor ? `${resolved} ${descriptor}` : resolved);
  }
  return out.length > 0 ? out.join(', ') : null;
}

interface ParsedAttribute {
  readonly name: string;
  /** The attribute as written, e.g. `class="x"` or `hidden`. */
  readonly raw: string;
  /** Decoded value; undefined for a bare attribute. */
  readonly value: string | undefined;
}

interface ParsedTag {
  readonly name: string;
  readonly attributes: ParsedAttribute[];
  readonly selfClosing: boolean;
  /** Index just past the closing `>`. */
  readonly end: number;
}

/** Parses the start tag at `start` (`html[start] === '<'`, a letter follows). Null when the tag never closes. */
function parseStartTag(html: string, start: number): ParsedTag | null {
  const n = html.length;
  let i = start + 1;
  while (i < n && !WHITESPACE.test(html[i] as string) && html[i] !== '/' && html[i] !== '>') i++;
  const name = html.slice(start + 1, i);
  const attributes: ParsedAttribute[] = [];
  for (;;) {
    while (i < n && (WHITESPACE.test(html[i] as string) || (html[i] === '/' && html[i + 1] !== '>'))) i++;
    if (i >= n) return null;
    if (html[i] === '>') return { name, attributes, selfClosing: false, end: i + 1 };
    if (html[i] === '/' && html[i + 1] === '>') return { name, attributes, selfClosing: true, end: i + 2 };
    const attrStart = i;
    i++; // the first character belongs to the name, even `=`
    while (i < n && !WHITESPACE.test(html[i] as string) && html[i] !== '/' && html[i] !== '>' && html[i] !== '=') i++;
    const attrName = html.slice(attrStart, i);
    let j = i;
    while (j < n && WHITESPACE.test(html[j] as string)) j++;
    if (html[j] !== '=') {
      attributes.push({ name: attrName, raw: attrName, value: undefined });
      continue;
    }
    j++;
    while (j < n && WHITESPACE.test(html[j] as string)) j++;
    if (j >= n) return null;
    const quote = html[j];
    let rawValue: string;
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, j + 1);
      if (close === -1) return null;
      rawValue = html.slice(j + 1, close);
      i = close + 1;
    } else {
      let k = j;
      while (k < n && !WHITESPACE.test(html[k] as string) && html[k] !== '>') k++;
      rawValue = html.slice(j, k);
      i = k;
    }
    attributes.push({ name: attrName, raw: html.slice(attrStart, i), value: decodeAttribute(rawValue) });
  }
}

/** Index just past the end tag `</name ...>` searched from `from`, plus where it starts; null when absent. */
function findEndTag(html: string, name: string, from: number): { start: number; end: number } | null {
  const re = new RegExp(`</${name}(?=[\\t\\n\\f\\r />])`, 'gi');
  re.lastIndex = from;
  const m = re.exec(html);
  if (!m) return null;
  const close = html.indexOf('>', m.index);
  return { start: m.index, end: close === -1 ? html.length : close + 1 };
}

function rewriteAttributes(attributes: readonly ParsedAttribute[], base: URL): string {
  let out = '';
  for (const attr of attributes) {
    const lower = attr.name.toLowerCase();
    if (lower.startsWith('on')) continue;
    if (attr.value !== undefined && (URL_ATTRIBUTES.has(lower) || lower === 'srcset')) {
      const resolved = lower === 'srcset' ? resolveSrcset(attr.value, base) : resolveOne(attr.value, base);
      if (resolved === null) continue;
      out += ` ${attr.name}="${encodeAttribute(resolved)}"`;
      continue;
    }
    out += ` ${attr.raw}`;
  }
  return out;
}

/**
 * `html` with relative URLs made absolute against `baseUrl`, and scripts and event handlers removed.
 * `baseUrl` is the absolute URL of the page the HTML comes from (the card page), so that `#anchor` and `./x` links
 * resolve where they did on the site; root-relative links (`/cards/x/`) resolve against its origin.
 */
export function absolutizeHtml(html: string, baseUrl: string): string {
  const base = new URL(baseUrl); // throws on a relative base: there is nothing to resolve against
  let out = '';
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    i = lt;
    const next = html[i + 1] ?? '';
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      i = close === -1 ? n : close + 3; // comments dropped
    } else if (html.startsWith('<![CDATA[', i)) {
      const close = html.indexOf(']]>', i);
      const end = close === -1 ? n : close + 3;
      out += html.slice(i, end);
      i = end;
    } else if (next === '!' || next === '?') {
      const close = html.indexOf('>', i);
      const end = close === -1 ? n : close + 1;
      out += html.slice(i, end);
      i = end;
    } else if (next === '/' && TAG_NAME_START.test(html[i + 2] ?? '')) {
      const close = html.indexOf('>', i);
      const end = close === -1 ? n : close + 1;
      const tag = html.slice(i, end);
      if (!/^<\/script[\t\n\f\r />]/i.test(tag)) out += tag; // a stray </script> goes too
      i = end;
    } else if (TAG_NAME_START.test(next)) {
      const tag = parseStartTag(html, i);
      if (tag === null) break; // an unterminated tag at the end: browsers drop it, so do we
      const lower = tag.name.toLowerCase();
      if (lower === 'script') {
        const endTag = tag.selfClosing ? { start: tag.end, end: tag.end } : findEndTag(html, 'script', tag.end);
        i = endTag === null ? n : endTag.end;
        continue;
      }
      out += `<${tag.name}${rewriteAttributes(tag.attributes, base)}${tag.selfClosing ? ' />' : '>'}`;
      i = tag.end;
      if (RAW_TEXT_ELEMENTS.has(lower) && !tag.selfClosing) {
        const endTag = findEndTag(html, lower, i);
        const stop = endTag === null ? n : endTag.end;
        out += html.slice(i, stop);
        i = stop;
      }
    } else {
      out += '<';
      i++;
    }
  }
  return out;
}

/**
 * Feed readers run no scripts, so an interactive island would arrive as a dead form. Each `<astro-island>` (with its
 * server-rendered fallback) is replaced by the given HTML, typically a link to the page where it works, and the
 * `<style>` Astro writes for islands goes too (a reader would show it as text or ignore it).
 */
export function replaceIslands(html: string, replacement: string): string {
  return html
    .replace(/<style>astro-island\b[^<]*<\/style>/g, '')
    .replace(/<astro-island\b[\s\S]*?<\/astro-island>/g, replacement);
}
