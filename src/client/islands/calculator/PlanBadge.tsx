/**
 * The current state's badge under the starter plan (issue #13): the same SVG as `vram --badge` (src/lib/badge), shown,
 * downloaded, and a README Markdown snippet for the downloaded file. A chunk of its own, loaded with the open plan,
 * holding only the SVG writer: the plan panel passes the words (src/lib/badge/words.ts, from its memory model).
 */
import { useMemo, useState } from 'preact/hooks';
import { type Badge, badgeMarkdown, badgeSvg } from '../../../lib/badge/badge.ts';

/** The file name the badge downloads as, and the one its Markdown points at. */
export const BADGE_FILE = 'vram-badge.svg';

interface Props {
  /** the badge's words for the current state (vramBadge) */
  badge: Badge;
  /** the view's canonical query (valid values only), for the link back */
  query: string;
}

export function PlanBadge({ badge, query }: Props) {
  const [status, setStatus] = useState('');
  const b = useMemo(() => ({ badge, svg: badgeSvg(badge) }), [badge]);
  // The link back to this calculator state; the image is the committed file, not this site: a static site cannot
  // draw a badge per state, and GitHub does not show data: images in a README.
  const md = badgeMarkdown(b.badge, `./${BADGE_FILE}`, `${location.origin}${location.pathname}?${query}`);
  const width = /width="(\d+)"/.exec(b.svg)?.[1];
  const download = () => {
    const url = URL.createObjectURL(new Blob([b.svg], { type: 'image/svg+xml' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = BADGE_FILE;
    document.body.append(a);
    a.click();
    a.remove();
    // Revoked later: some browsers read the URL after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus(`${BADGE_FILE} downloaded.`);
  };
  const copy = () =>
    navigator.clipboard.writeText(md).then(
      () => setStatus('Markdown copied.'),
      () => setStatus('Copy failed: select the Markdown and copy it by hand.'),
    );
  return (
    <section class="vc-plan-badge">
      <h3>Badge for a README</h3>
      <img
        class="vc-plan-badge-img"
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(b.svg)}`}
        alt={b.badge.title}
        width={width}
        height="20"
      />
      <div class="vc-plan-actions">
        <button type="button" onClick={download}>
          Download {BADGE_FILE}
        </button>
        <button type="button" onClick={copy}>
          Copy Markdown
        </button>
        <span class="vc-note" role="status">
          {status}
        </span>
      </div>
      <p class="vc-note">
        The Markdown shows <code>{BADGE_FILE}</code> from your repository: commit the downloaded file next to your
        README. It links back to this calculator with these settings.
      </p>
      <pre class="vc-plan-md">
        <code>{md}</code>
      </pre>
    </section>
  );
}
