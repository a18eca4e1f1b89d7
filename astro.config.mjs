// @ts-check
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import site from './site.config.mjs';
import { contentChecks } from './src/astro/content-checks.ts';
import { clientParamHelp } from './src/astro/client-param-help.ts';
import { cspNarrow } from './src/astro/csp-narrow.ts';

// The theme is set before first paint by a tiny inline script (no flash); CSP allows it by its hash.
const themeInit = readFileSync(new URL('./src/client/theme-init.js', import.meta.url), 'utf8');
// The embed's pages set their theme from the host page's data-theme the same way (src/client/embed-theme.js).
const embedTheme = readFileSync(new URL('./src/client/embed-theme.js', import.meta.url), 'utf8');
const sha256 = (/** @type {string} */ s) => `sha256-${createHash('sha256').update(s).digest('base64')}`;

// Each content folder (and each way of loading cards) gets its own content-layer cache, so a fixture or benchmark deck
// never leaks into the real one.
const cacheKey = `${site.contentDir}${site.allMdx ? ':all-mdx' : ''}`;
const cacheDir =
  cacheKey === 'content'
    ? undefined
    : `./node_modules/.astro-${createHash('sha256').update(cacheKey).digest('hex').slice(0, 12)}`;

export default defineConfig({
  site: site.url,
  base: site.base,
  trailingSlash: 'always',
  ...(cacheDir ? { cacheDir } : {}),
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Lossless: Astro 7's default ('jsx') drops the line break between text and an element or expression, which glued
  // words together ("with<a>RSS</a>" read "withRSS"); tests/build/glued-words.test.ts reads every page for that.
  compressHTML: true,
  // Shiki's inline styles cannot run under our CSP; cards rarely need highlighted code.
  markdown: { syntaxHighlight: false },
  integrations: [
    contentChecks({ contentDir: site.contentDir, policy: site.policy }),
    mdx(),
    // Only islands are Preact; without this the plugin runs Babel over every .ts file in src.
    preact({ include: ['**/src/client/islands/**/*.tsx'] }),
    // The embeddable widget is for iframes and the offline page for the service worker, not for search engines.
    sitemap({ filter: (page) => !page.includes('/embed/') && !page.endsWith('/offline/') }),
    // Astro puts the hashes of the whole site's inline code in every page's CSP; each page keeps its own.
    cspNarrow(),
  ],
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: {
        hashes: [/** @type {any} */ (sha256(themeInit)), /** @type {any} */ (sha256(embedTheme))],
        resources: ["'self'", "'wasm-unsafe-eval'"],
      },
    },
  },
  vite: {
    // The parameter table's help sentences stay out of the browser's code (see the file).
    plugins: [clientParamHelp()],
    // Our island client entry: the stock one without Preact Signals (0.3 kB less on each island page; see the file).
    resolve: {
      alias: [
        {
          find: /^@astrojs\/preact\/client\.js$/,
          replacement: fileURLToPath(new URL('./src/client/islands/preact-client.ts', import.meta.url)),
        },
      ],
    },
    build: {
      // Astro inlines small scripts, and the CSP lists the hash of every inline script of the site on every page. The
      // /cards/ filter is used on one page: as a file it costs that page a request instead of every page a hash. The
      // theme toggle is on every page: as a file it is cached once instead of repeated in each page's HTML (0.3 kB).
      assetsInlineLimit: (file) => (/(FilterBar|ThemeToggle)\.astro_astro_type_script/.test(file) ? false : undefined),
      rolldownOptions: { checks: { moduleLevelDirective: false } },
    },
  },
});
