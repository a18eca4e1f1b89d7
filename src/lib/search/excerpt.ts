// Pagefind excerpts are HTML: the page text with entities escaped, and `<mark>` around matched words. We turn them
// into plain segments so the UI builds DOM with textContent (no innerHTML, nothing to sanitise).

export interface Segment {
  text: string;
  /** A matched search term, shown highlighted. */
  mark: boolean;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the entities Pagefind emits (named basics and numeric); leaves anything else as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/**
 * Splits an excerpt into text and marked runs. Unbalanced or nested marks are tolerated; any other tag (there should be
 * none) is kept as literal text. Adjacent runs of the same kind are merged and empty runs dropped.
 */
export function parseExcerpt(html: string): Segment[] {
  const out: Segment[] = [];
  let mark = false;
  for (const part of html.split(/(<\/?mark>)/i)) {
    if (/^<mark>$/i.test(part)) {
      mark = true;
      continue;
    }
    if (/^<\/mark>$/i.test(part)) {
      mark = false;
      continue;
    }
    const text = decodeEntities(part);
    if (!text) continue;
    const last = out.at(-1);
    if (last && last.mark === mark) last.text += text;
    else out.push({ text, mark });
  }
  return out;
}

export const segmentsToText = (segments: Segment[]): string => segments.map((s) => s.text).join('');
