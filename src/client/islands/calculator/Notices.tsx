/**
 * What the calculator ignored of its link (a value out of range, an unknown name): notices come only from reading
 * the URL with the memory model, so this renders from the on-demand engine (engine.ts) rather than the page's code.
 */
import type { Notice } from '../../../lib/memory/url-state.ts';

export function Notices({ notices }: { notices: Notice[] }) {
  return (
    <div class="vc-notices" role="status">
      <p>Parts of this link were ignored:</p>
      <ul>
        {notices.map((n, i) => (
          <li key={i}>{n.message}</li>
        ))}
      </ul>
    </div>
  );
}
