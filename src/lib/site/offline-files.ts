// What the build puts in the service worker and the manifest, and what "Save the deck for offline" reads. Kept apart
// from offline.ts, which every page's registration script imports, so those pages do not carry it.

/** Files every reader's service worker keeps from its first visit on: what search, the calculator and the selector
 * need offline, and the page shown for a page that was never saved. Globs over the build, relative to its root. */
export const PRECACHE_GLOBS = [
  '_astro/**/*.{js,css}',
  'pagefind/**/*',
  'calculator/index.html',
  'selector/index.html',
  'search/index.html',
  'offline/index.html',
  'manifest.webmanifest',
  'favicon.svg',
  'feed-icon*.png',
];

/** The card pages "Save the deck for offline" fetches, with their sizes (written after the build). */
export interface OfflineDeck {
  /** Site paths (under the base) of every card page. */
  pages: { url: string; bytes: number }[];
  /** Sum of the pages' sizes as the browser stores them (uncompressed). */
  bytes: number;
}

/** "1.2 MB", "340 kB": sizes in the units browsers show for storage. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1e3))} kB`;
}

/** The manifest's colours: the site's light background (--bg in src/styles/global.css) for the splash screen, and its
 * accent for the title bar of the installed app. */
export const MANIFEST_COLORS = { background: '#f7f7fb', theme: '#4338ca' } as const;
