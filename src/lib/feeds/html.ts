/**
 * Makes rendered card HTML safe to put in a feed: an allow-list sanitizer (sanitize-html) keeps the elements and
 * attributes card content is made of and drops everything else (scripts, styles, forms, frames, plugins, `<base>`,
 * `<meta>`, event handlers, SVG animation, inline `style`); URL attributes are made absolute on the way, and only
 * http(s), mailto and tel URLs survive (plus data: images).
 */
import parseSrcset from 'parse-srcset';
import sanitizeHtml from 'sanitize-html';

const SVG_SHAPES = ['circle', 'ellipse', 'line', 'path', 'polygon', 'polyline', 'rect', 'use'];

/** Markdown / MDX output and what the card components render, plus a static SVG subset. Nothing interactive. */
const ALLOWED_TAGS = [
  ...['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'div', 'span', 'section', 'aside'],
  ...['a', 'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'code', 'kbd', 'samp'],
  ...['var', 'abbr', 'cite', 'q', 'dfn', 'time', 'wbr', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'details', 'summary'],
  ...['table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
  ...['figure', 'figcaption', 'img', 'picture', 'source', 'video', 'audio', 'track'],
  ...['svg', 'g', 'defs', 'symbol', 'title', 'desc', 'text', 'tspan', ...SVG_SHAPES],
];

const SVG_PAINT = ['fill', 'fill-opacity', 'fill-rule', 'opacity', 'stroke', 'stroke-opacity', 'stroke-width'];
const SVG_PRESENTATION = [
  ...SVG_PAINT,
  ...['stroke-dasharray', 'stroke-linecap', 'stroke-linejoin', 'transform', 'font-size', 'font-weight'],
  ...['text-anchor', 'dominant-baseline'],
];

// Attribute names as htmlparser2 reports them: lower-case (browsers restore the case of SVG ones such as viewBox).
const ALLOWED_ATTRIBUTES: sanitizeHtml.IOptions['allowedAttributes'] = {
  '*': ['id', 'class', 'title', 'lang', 'dir', 'role', 'aria-*', 'data-*'],
  a: ['href', 'hreflang', 'rel'],
  blockquote: ['cite'],
  q: ['cite'],
  del: ['cite', 'datetime'],
  ins: ['cite', 'datetime'],
  time: ['datetime'],
  ol: ['start', 'reversed', 'type'],
  li: ['value'],
  details: ['open'],
  th: ['align', 'colspan', 'rowspan', 'scope', 'headers'],
  td: ['align', 'colspan', 'rowspan', 'headers'],
  col: ['span'],
  colgroup: ['span'],
  img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding'],
  source: ['src', 'srcset', 'sizes', 'type', 'media', 'width', 'height'],
  video: ['src', 'poster', 'controls', 'width', 'height', 'preload', 'muted', 'loop', 'playsinline'],
  audio: ['src', 'controls', 'preload', 'muted', 'loop'],
  track: ['src', 'kind', 'srclang', 'label', 'default'],
  svg: ['viewbox', 'width', 'height', 'xmlns', 'xmlns:xlink', 'preserveaspectratio', 'focusable', ...SVG_PRESENTATION],
  g: SVG_PRESENTATION,
  symbol: ['viewbox', 'preserveaspectratio'],
  text: ['x', 'y', 'dx', 'dy', ...SVG_PRESENTATION],
  tspan: ['x', 'y', 'dx', 'dy', ...SVG_PRESENTATION],
  circle: ['cx', 'cy', 'r', ...SVG_PRESENTATION],
  ellipse: ['cx', 'cy', 'rx', 'ry', ...SVG_PRESENTATION],
  line: ['x1', 'y1', 'x2', 'y2', ...SVG_PRESENTATION],
  path: ['d', 'pathlength', ...SVG_PRESENTATION],
  polygon: ['points', ...SVG_PRESENTATION],
  polyline: ['points', ...SVG_PRESENTATION],
  rect: ['x', 'y', 'width', 'height', 'rx', 'ry', ...SVG_PRESENTATION],
  use: ['href', 'xlink:href', 'x', 'y', 'width', 'height', ...SVG_PRESENTATION],
};

/** Attributes whose value is one URL, resolved against the page. */
const URL_ATTRIBUTES = ['href', 'src', 'poster', 'cite', 'xlink:href'];
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
const DATA_URL = /^data:/i;
const DATA_IMAGE = /^data:image\//i;

/** What the URL parser sees: no leading/trailing C0 controls or spaces, no tabs or newlines anywhere. */
function urlForSchemeCheck(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping C0 controls is the point
  return value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/**
 * The absolute form of one (decoded) URL; a value that already has a scheme is returned as written, for the
 * sanitizer's scheme allow-list to judge. Null drops the attribute.
 */
function resolveUrl(value: string, base: URL): string | null {
  const probe = urlForSchemeCheck(value);
  // data: is allowed on <img> only; even there a candidate that is not an image has no business.
  if (DATA_URL.test(probe) && !DATA_IMAGE.test(probe)) return null;
  if (SCHEME.test(probe)) return value;
  try {
    return new URL(probe, base).href;
  } catch {
    return null; // not a URL a reader could follow either
  }
}

/** Every candidate of a srcset resolved (written the way sanitize-html writes srcsets back), or null when none is left. */
function resolveSrcset(value: string, base: URL): string | null {
  const out: string[] = [];
  for (const candidate of parseSrcset(value)) {
    const url = resolveUrl(candidate.url, base);
    if (url === null) continue;
    const w = candidate.w ? ` ${candidate.w}w` : '';
    const h = candidate.h ? ` ${candidate.h}h` : '';
    const d = candidate.d ? ` ${candidate.d}x` : '';
    out.push(`${url}${w}${h}${d}`);
  }
  return out.length > 0 ? out.join(', ') : null;
}

function absolutizeAttributes(attribs: sanitizeHtml.Attributes, base: URL): sanitizeHtml.Attributes {
  const out: sanitizeHtml.Attributes = {};
  for (const [name, value] of Object.entries(attribs)) {
    const resolved =
      name === 'srcset' ? resolveSrcset(value, base) : URL_ATTRIBUTES.includes(name) ? resolveUrl(value, base) : value;
    if (resolved !== null) out[name] = resolved;
  }
  return out;
}

function options(base: URL): sanitizeHtml.IOptions {
  return {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    // An image cannot run script, so inline data: images stay; a data: link or frame could.
    allowedSchemesByTag: { img: ['http', 'https', 'data'] },
    allowProtocolRelative: false, // all resolved to https: already
    parseStyleAttributes: false, // no style attribute is allowed, so postcss never needs to run
    selfClosing: [...(sanitizeHtml.defaults.selfClosing ?? []), ...SVG_SHAPES],
    // Elements whose content goes with them (the defaults plus what a browser would never show as text).
    nonTextTags: [
      ...['script', 'style', 'textarea', 'option', 'xmp', 'noscript', 'noembed', 'noframes', 'template', 'iframe'],
      ...['select', 'applet', 'frameset', 'math', 'foreignobject'],
    ],
    transformTags: { '*': (tagName, attribs) => ({ tagName, attribs: absolutizeAttributes(attribs, base) }) },
    // Astro writes apostrophes in text as &#39;; so do we, so that feed bytes stay what the card page has.
    textFilter: (text) => text.replaceAll("'", '&#39;'),
  };
}

/**
 * `html` sanitized for a feed, with relative URLs made absolute against `baseUrl`. `baseUrl` is the absolute URL of the
 * page the HTML comes from (the card page), so that `#anchor` and `./x` links resolve where they did on the site;
 * root-relative links (`/cards/x/`) resolve against its origin.
 */
export function absolutizeHtml(html: string, baseUrl: string): string {
  const base = new URL(baseUrl); // throws on a relative base: there is nothing to resolve against
  return sanitizeHtml(html, options(base));
}

/**
 * Feed readers run no scripts, so an interactive island would arrive as a dead form. Each `<astro-island>` (with its
 * server-rendered fallback) is replaced by the given HTML, typically a link to the page where it works.
 */
export function replaceIslands(html: string, replacement: string): string {
  return html.replace(/<astro-island\b[\s\S]*?<\/astro-island>/g, replacement);
}
