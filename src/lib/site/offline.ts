// What the service worker (src/client/offline/sw.ts) and the pages agree on. Plain values, so both bundles share them.

/** The cache of pages the reader opened or saved with "Save the deck for offline". */
export const PAGES_CACHE = 'fine-tuning-cards-pages';

/** The message a page sends to a waiting service worker when the reader accepts the update. */
export const SKIP_WAITING = 'SKIP_WAITING';
