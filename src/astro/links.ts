// Links bound to this build's base path and origin (import.meta.env): the pure helpers are src/lib/site/url.ts.
import site from '../../site.config.mjs';
import { fileRoutes, routes } from '../lib/site/routes.ts';
import { absoluteUrl, withBase } from '../lib/site/url.ts';

export { fileRoutes, routes, site };
/** Base-aware link for a site path such as `cards/qlora/`. */
export const href = (path: string): string => withBase(import.meta.env.BASE_URL, path);
/** Absolute URL (for canonical links, Open Graph and feeds). */
export const absolute = (path: string): string => absoluteUrl(site.url, import.meta.env.BASE_URL, path);
