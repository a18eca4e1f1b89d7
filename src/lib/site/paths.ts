/** Joins the base path and a site path; keeps exactly one slash between them. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

/** Absolute URL of a site path. */
export function absoluteUrl(origin: string, base: string, path: string): string {
  return origin.replace(/\/+$/, '') + withBase(base, path);
}

export const routes = {
  home: () => '',
  cards: () => 'cards/',
  card: (id: string) => `cards/${id}/`,
  topic: (id: string) => `topics/${id}/`,
  topics: () => 'topics/',
  level: (id: string) => `levels/${id}/`,
  tags: () => 'tags/',
  tag: (id: string) => `tags/${id}/`,
  series: (id: string) => `series/${id}/`,
  seriesIndex: () => 'series/',
  about: () => 'about/',
} as const;
