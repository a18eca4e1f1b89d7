/// <reference lib="webworker" />
// The service worker, built with Workbox by scripts/service-worker.ts (bundled with esbuild, then workbox-build's
// injectManifest writes the precache list into it). What it keeps:
// - from the first visit: the site's scripts and styles, the search index, the calculator, selector and search pages,
//   and the offline page (PRECACHE_GLOBS), updated with each deploy;
// - every page the reader opens, and every card page when the reader saves the deck (PAGES_CACHE): network first,
//   so a new deploy is seen at once, and the saved copy when there is no network.
// A new deploy's worker waits until the reader accepts "Updated, reload" (src/client/offline/register.ts).
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { PAGES_CACHE, SKIP_WAITING } from '../../lib/site/offline.ts';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

self.addEventListener('message', (event) => {
  if (event.data?.type === SKIP_WAITING) void self.skipWaiting();
});
clientsClaim();
cleanupOutdatedCaches();
// Query strings are page state (the calculator's inputs, a search query): the page itself is the same file.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/] });
registerRoute(
  ({ request }) => request.mode === 'navigate',
  new NetworkFirst({ cacheName: PAGES_CACHE, networkTimeoutSeconds: 5 }),
);
const offlinePage = new URL('offline/', self.registration.scope).pathname;
setCatchHandler(async ({ request }) =>
  request.mode === 'navigate'
    ? ((await matchPrecache(`${offlinePage}index.html`)) ?? Response.error())
    : Response.error(),
);
