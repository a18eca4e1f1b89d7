/**
 * The widget's side of the conversation with the page that embeds it, loaded by the island only on the embed pages
 * (so /calculator/ does not ship it). The loader (/embed.js) passes `host` (the embedding page's origin) and `frame`
 * (an id) in the query. The widget posts `{ type: 'ftc-vram:resize', frame, height }` to that origin only, and acts
 * on one message, `{ type: 'ftc-vram:set', query }`, only when it comes from the parent window with exactly that origin.
 */

function exactOrigin(s: string | null): string | null {
  try {
    return s && new URL(s).origin === s && /^https?:/.test(s) ? s : null;
  } catch {
    return null;
  }
}

/** Starts listening to the host page and reporting `root`'s height to it; returns the function that stops both. */
export function connectHost(root: HTMLElement, query: URLSearchParams, onSet: (search: string) => void): () => void {
  const origin = exactOrigin(query.get('host'));
  const frame = (query.get('frame') ?? '').slice(0, 64);
  const onMessage = (e: MessageEvent) => {
    // Only the embedding page, from exactly the origin the loader declared, may change the state.
    if (!origin || e.origin !== origin || e.source !== window.parent) return;
    const d = e.data as { type?: unknown; query?: unknown } | null;
    if (d?.type === 'ftc-vram:set' && typeof d.query === 'string' && d.query.length < 4000) onSet(d.query);
  };
  addEventListener('message', onMessage);
  const ro =
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver(() => {
          if (origin && parent !== window)
            parent.postMessage({ type: 'ftc-vram:resize', frame, height: root.scrollHeight }, origin);
        });
  ro?.observe(root);
  return () => {
    removeEventListener('message', onMessage);
    ro?.disconnect();
  };
}
