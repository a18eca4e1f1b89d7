// Offline link checker for a built site: every internal href, src, srcset and #fragment must resolve to a file in
// the build (under the base path), and every external URL must at least be well formed. No network.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHtml } from '../../src/lib/html/entities.ts';
import { srcsetUrls, tags } from './html.ts';

export interface LinkCheckOptions {
  /** Build folder, e.g. `dist`. */
  dist: string;
  /** Base path the site was built with, with leading and trailing slash (`/` or `/cards/`). */
  base: string;
  /** Site origin the build used for absolute URLs, e.g. `https://fine-tuning-cards.example`. */
  siteUrl: string;
}

export interface LinkProblem {
  /** Internal links must resolve; external ones are only checked for syntax. */
  kind: 'internal' | 'external';
  /** File in the build that holds the link. */
  file: string;
  /** Where the URL was found, e.g. `a[href]`, `img[srcset]`, `css url()`, `text`. */
  where: string;
  url: string;
  message: string;
}

export interface LinkReport {
  problems: LinkProblem[];
  /** Counts of what was checked, so callers can assert the check was not vacuous. */
  counts: { pages: number; internal: number; fragments: number; external: number };
}

const URL_ATTRS: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  script: ['src'],
  iframe: ['src'],
  embed: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  object: ['data'],
  form: ['action'],
  button: ['formaction'],
  input: ['src', 'formaction'],
  'astro-island': ['component-url', 'renderer-url', 'before-hydration-url'],
};
/** Schemes an external link may use. */
const EXTERNAL_SCHEMES = new Set(['https:', 'http:', 'mailto:', 'tel:']);
const TEXT_FILES = /\.(html|xml|xsl|json|txt|webmanifest)$/;

export function listFiles(dist: string): string[] {
  return (readdirSync(dist, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) =>
      join(d.parentPath, d.name)
        .slice(dist.replace(/\/+$/, '').length + 1)
        .replaceAll('\\', '/'),
    )
    .sort();
}

/** Site path of a built file: `cards/x/index.html` → `cards/x/`. */
export const sitePathOf = (file: string): string =>
  file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file;

export function checkLinks(opts: LinkCheckOptions): LinkReport {
  const { dist, base } = opts;
  const origin = new URL(opts.siteUrl).origin;
  const files = listFiles(dist);
  const fileSet = new Set(files);
  const problems: LinkProblem[] = [];
  const counts = { pages: 0, internal: 0, fragments: 0, external: 0 };
  const idCache = new Map<string, Set<string>>();
  const seen = new Set<string>();

  const idsOf = (file: string): Set<string> => {
    let ids = idCache.get(file);
    if (!ids) {
      ids = new Set<string>();
      for (const t of tags(readFileSync(join(dist, file), 'utf8'))) {
        if (t.attrs.id) ids.add(t.attrs.id);
        if (t.name === 'a' && t.attrs.name) ids.add(t.attrs.name);
      }
      idCache.set(file, ids);
    }
    return ids;
  };

  const check = (file: string, where: string, raw: string, opts2: { allowData?: boolean } = {}) => {
    const ref = raw.trim();
    const key = `${file}\u0000${ref}`;
    if (seen.has(key)) return;
    seen.add(key);
    let kind: LinkProblem['kind'] = 'internal';
    const problem = (message: string) => problems.push({ kind, file, where, url: raw, message });
    if (ref === '') return problem('empty URL (it points back at the page itself)');
    if (/\s/.test(ref) && !ref.startsWith('data:')) return problem('URL contains whitespace');
    const pageUrl = `${origin}${base}${sitePathOf(file)}`;
    let u: URL;
    try {
      u = new URL(ref, pageUrl);
    } catch {
      return problem('not a valid URL');
    }
    if (u.origin !== origin || !/^https?:$/.test(u.protocol)) {
      counts.external++;
      kind = 'external';
      if (u.protocol === 'data:' || u.protocol === 'blob:')
        return opts2.allowData ? undefined : problem(`${u.protocol} URL where a link is expected`);
      if (!EXTERNAL_SCHEMES.has(u.protocol)) return problem(`unexpected URL scheme ${u.protocol}`);
      if (u.protocol === 'mailto:' || u.protocol === 'tel:')
        return u.pathname ? undefined : problem(`empty ${u.protocol} link`);
      if (!/^[a-z][a-z+.-]*:\/\//i.test(ref) && !ref.startsWith('//')) return problem('external URL is not absolute');
      if (!u.hostname.includes('.') || u.hostname.startsWith('.') || u.hostname.endsWith('.'))
        return problem(`"${u.hostname}" is not a public host name`);
      return;
    }
    if (!u.pathname.startsWith(base)) return problem(`internal URL is outside the base path ${base}`);
    let rel: string;
    try {
      rel = decodeURIComponent(u.pathname.slice(base.length));
    } catch {
      return problem('malformed percent-encoding');
    }
    const target = rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
    // A bare fragment (`#x`) on this page only needs the id; a link to another page needs that page first.
    if (!fileSet.has(target)) {
      if (fileSet.has(`${rel}/index.html`)) return problem(`missing trailing slash: the page is ${base}${rel}/`);
      return problem(`nothing at ${u.pathname} in the build`);
    }
    counts.internal++;
    if (u.hash && u.hash !== '#' && target.endsWith('.html')) {
      counts.fragments++;
      const id = decodeURIComponent(u.hash.slice(1));
      if (id !== 'top' && !idsOf(target).has(id)) problem(`no element with id "${id}" on ${base}${sitePathOf(target)}`);
    }
  };

  for (const file of files) {
    if (file.endsWith('.html')) {
      counts.pages++;
      const html = readFileSync(join(dist, file), 'utf8');
      for (const t of tags(html)) {
        for (const attr of URL_ATTRS[t.name] ?? []) {
          const value = t.attrs[attr];
          if (value === undefined) continue;
          if (t.name === 'form' && value === '') continue;
          const where = `${t.name}[${attr}]`;
          if (attr === 'srcset') for (const u of srcsetUrls(value)) check(file, where, u, { allowData: true });
          else check(file, where, value, { allowData: t.name !== 'a' && t.name !== 'area' && t.name !== 'form' });
        }
        if (t.name === 'meta' && t.attrs['http-equiv']?.toLowerCase() === 'refresh') {
          const m = /url\s*=\s*['"]?([^'"]+)/i.exec(t.attrs.content ?? '');
          if (m?.[1]) check(file, 'meta[refresh]', m[1]);
        }
      }
    }
    if (file.endsWith('.css')) {
      const css = readFileSync(join(dist, file), 'utf8');
      for (const m of css.matchAll(
        /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/g,
      )) {
        const u = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
        if (!u.startsWith('#')) check(file, 'css url()', u, { allowData: true });
      }
    }
    // Absolute URLs of this site anywhere in text: canonical and og:url, JSON-LD, sitemap, feeds, robots.txt.
    if (TEXT_FILES.test(file)) {
      const text = readFileSync(join(dist, file), 'utf8');
      const prefix = `${origin}${base}`.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      for (const m of text.matchAll(new RegExp(`${prefix}[^\\s"'<>\\\\)\\]]*`, 'g'))) {
        const url = decodeHtml(m[0]).replace(/[.,;:!?]+$/, '');
        check(file, 'text', url);
      }
    }
  }
  return { problems, counts };
}

export const formatProblems = (problems: LinkProblem[]): string[] =>
  problems.map((p) => `${p.file}: ${p.where} "${p.url}": ${p.message}`);
