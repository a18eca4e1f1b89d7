// The one search client of a page, bound to the site's base path. Importing this module loads no index yet:
// pagefind.js is fetched on the first ready(), preload() or search().
import { bundleUrl, createSearchClient, type PagefindApi } from '../../lib/search/pagefind.ts';

const base = import.meta.env.BASE_URL;

export const client = createSearchClient(() => import(/* @vite-ignore */ bundleUrl(base)) as Promise<PagefindApi>, {
  // Pagefind loads its index files from the bundle's folder.
  basePath: bundleUrl(base).replace(/[^/]+$/, ''),
  baseUrl: base,
});
