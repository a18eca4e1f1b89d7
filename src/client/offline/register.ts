// Registers the service worker (every page loads this; budget 1 kB gzipped, tests/build/budgets.test.ts) and offers
// the reload when a new deploy's worker is waiting: the reader's open pages keep the version they were opened with
// until the reader says so.
import { PAGES_CACHE, SKIP_WAITING } from '../../lib/site/offline.ts';

const sw = navigator.serviceWorker;
// The worker's URL and scope come from the page (src/components/OfflineSupport.astro), already joined to the base.
const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"][data-sw]');

function offer(waiting: ServiceWorker) {
  if (document.querySelector('[data-sw-update]')) return;
  const box = document.createElement('div');
  box.className = 'sw-update';
  box.dataset.swUpdate = '';
  box.setAttribute('role', 'status');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button primary';
  button.textContent = 'Updated, reload';
  button.addEventListener('click', () => {
    sw.addEventListener('controllerchange', () => location.reload());
    waiting.postMessage({ type: SKIP_WAITING });
  });
  box.append(button);
  document.body.append(box);
}

if (sw && link?.dataset.sw) {
  const firstVisit = !sw.controller;
  sw.register(link.dataset.sw, { scope: link.dataset.scope })
    .then((reg) => {
      // The first page loads before its worker exists, so the worker never saw it: keep it too.
      if (firstVisit)
        sw.ready
          .then(() => caches.open(PAGES_CACHE))
          .then((c) => c.add(location.href))
          .catch(() => {});
      if (reg.waiting && sw.controller) offer(reg.waiting);
      reg.addEventListener('updatefound', () => {
        const next = reg.installing;
        next?.addEventListener('statechange', () => {
          if (next.state === 'installed' && sw.controller) offer(next);
        });
      });
    })
    .catch(() => {});
}
