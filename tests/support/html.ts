// Reads the HTML our build emits with htmlparser2 (sanitize-html's parser, so no second one): start tags with their
// attributes, and the text of <script> and <style> elements. Enough for link, budget and font checks.
import { Parser } from 'htmlparser2';
import parseSrcset from 'parse-srcset';

export interface Tag {
  /** Lower-case element name. */
  name: string;
  /** Attribute values with character references decoded; a bare attribute has the value ''. */
  attrs: Record<string, string>;
}

export interface RawText {
  /** `script` or `style`. */
  name: string;
  attrs: Record<string, string>;
  text: string;
}

/** One pass over the document: every start tag in order, and each script and style element with its text. */
function read(html: string): { tags: Tag[]; raw: RawText[] } {
  const tags: Tag[] = [];
  const raw: RawText[] = [];
  let open: RawText | undefined;
  const parser = new Parser({
    onopentag(name, attrs) {
      // htmlparser2 lower-cases names and keeps the first of repeated attributes, as browsers do.
      tags.push({ name, attrs: { ...attrs } });
      if (name === 'script' || name === 'style') open = { name, attrs: { ...attrs }, text: '' };
    },
    ontext(text) {
      if (open) open.text += text;
    },
    onclosetag(name) {
      if (open && name === open.name) {
        raw.push(open);
        open = undefined;
      }
    },
  });
  parser.end(html);
  return { tags, raw };
}

/** Every start tag in document order (not those inside comments or script and style text). */
export function tags(html: string): Tag[] {
  return read(html).tags;
}

/** Inline and external <script> and <style> elements with their text. */
export function rawTextElements(html: string): RawText[] {
  return read(html).raw;
}

/** URLs of a srcset attribute (descriptors dropped), split as the HTML standard says (parse-srcset). */
export function srcsetUrls(srcset: string): string[] {
  return parseSrcset(srcset).map((c) => c.url);
}
