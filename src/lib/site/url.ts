// The one place that knows how a site path meets the base path: every link, script URL and absolute URL on the site
// goes through these.

/** A base path with exactly one trailing slash: `''` and `/` → `/`, `/cards` → `/cards/`. */
export function withTrailingSlash(base: string): string {
  if (base === '') return '/';
  return base.endsWith('/') ? base : `${base}/`;
}

/** Joins the base path and a site path (`cards/qlora/`); keeps exactly one slash between them. */
export function withBase(base: string, path: string): string {
  return withTrailingSlash(base) + path.replace(/^\/+/, '');
}

/** Absolute URL of a site path, for canonical links, Open Graph and feeds. */
export function absoluteUrl(origin: string, base: string, path: string): string {
  return origin.replace(/\/+$/, '') + withBase(base, path);
}
