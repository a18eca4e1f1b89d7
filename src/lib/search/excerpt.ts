// Pagefind excerpts are HTML: the page text with `<` and `>` escaped, and `<mark>` around matched words. We turn them
// into plain segments so the UI builds DOM with textContent (no innerHTML, nothing to sanitise).
import { decodeXmlEntities } from '../html/entities.ts';

export interface Segment {
  text: string;
  /** A matched search term, shown highlighted. */
  mark: boolean;
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
    const text = decodeXmlEntities(part);
    if (!text) continue;
    const last = out.at(-1);
    if (last && last.mark === mark) last.text += text;
    else out.push({ text, mark });
  }
  return out;
}

export const segmentsToText = (segments: Segment[]): string => segments.map((s) => s.text).join('');
