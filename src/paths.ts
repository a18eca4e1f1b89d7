// Site-wide URL helpers bound to the configured base path (the pure versions live in src/lib/site/paths.ts).
import site from '../site.config.mjs';
import { absoluteUrl, routes, withBase } from './lib/site/paths.ts';

export { routes, site };
/** Base-aware link for a site path such as `cards/qlora/`. */
export const href = (path: string): string => withBase(import.meta.env.BASE_URL, path);
/** Absolute URL (for canonical links, Open Graph and feeds). */
export const absolute = (path: string): string => absoluteUrl(site.url, import.meta.env.BASE_URL, path);
