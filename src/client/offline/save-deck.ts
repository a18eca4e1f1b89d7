// "Save the deck for offline" on /deck/: shows how much the card pages weigh, then fetches them all into the cache
// the service worker reads when there is no network. Needs a browser with service workers and the Cache API;
// without them the panel stays hidden and the page says so.
import { PAGES_CACHE } from '../../lib/site/offline.ts';
import { formatBytes, type OfflineDeck } from '../../lib/site/offline-files.ts';

const PARALLEL = 4;

export async function mount(root: HTMLElement): Promise<void> {
  const button = root.querySelector<HTMLButtonElement>('[data-save-deck-button]');
  const status = root.querySelector<HTMLElement>('[data-save-deck-status]');
  const src = root.dataset.src;
  if (!button || !status || !src || !('serviceWorker' in navigator) || !('caches' in window)) return;
  root.hidden = false;
  root.parentElement?.querySelector('[data-save-deck-fallback]')?.setAttribute('hidden', '');
  status.textContent = 'Checking the size of the deck…';
  let deck: OfflineDeck;
  try {
    const res = await fetch(src, { cache: 'no-cache' });
    if (!res.ok) throw new Error(String(res.status));
    deck = (await res.json()) as OfflineDeck;
  } catch {
    status.textContent = 'The list of cards could not be loaded. Try again when you are online.';
    return;
  }
  const size = formatBytes(deck.bytes);
  button.textContent = `Save the deck for offline (${deck.pages.length} cards, ${size})`;
  button.disabled = false;
  status.textContent = `Saving stores ${deck.pages.length} card pages, about ${size}, in this browser.`;
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await navigator.serviceWorker.ready;
      const cache = await caches.open(PAGES_CACHE);
      let done = 0;
      const queue = deck.pages.map((p) => p.url);
      const next = async (): Promise<void> => {
        const url = queue.shift();
        if (url === undefined) return;
        await cache.add(url);
        done++;
        status.textContent = `Saved ${done} of ${deck.pages.length} cards…`;
        return next();
      };
      await Promise.all(Array.from({ length: PARALLEL }, next));
      status.textContent = `Saved all ${deck.pages.length} cards (${size}): they open without a connection.`;
      button.textContent = 'Save the deck again (refresh it)';
    } catch {
      status.textContent = 'Saving stopped: the connection dropped or the browser has no room. Try again.';
    } finally {
      button.disabled = false;
    }
  });
}
