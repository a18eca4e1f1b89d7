// Finds words glued together across element boundaries in built HTML: `with<a>RSS</a>` reads "withRSS", and
// `all{n}` rendered as `all<span>19</span>` reads "all19". A whitespace formatter (Astro's compressHTML: 'jsx', a
// JSX-style component) drops the line break between text and an element; nothing in the source looks wrong.
import { decodeHtml as decodeEntities } from '../../src/lib/html/entities.ts';

/** Elements that start a new line or box of their own: text on either side never reads as one word. */
const SEPARATES = new Set(
  (
    'address article aside blockquote body br button canvas caption dd details dialog div dl dt fieldset figcaption ' +
    'figure footer form h1 h2 h3 h4 h5 h6 head header hr html iframe img input legend li main menu meter nav ol ' +
    'optgroup option p picture pre progress section select summary table tbody td textarea tfoot th thead tr ul ' +
    'video audio search'
  ).split(' '),
);
/** Elements whose content is not text a reader sees. */
const SKIPS = new Set(['script', 'style', 'template', 'svg', 'math', 'title', 'textarea']);
const VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '));

const WORD = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;

/** Whether the last character of one run and the first of the next, with only tags between, read as glued. */
export function glued(left: string, right: string): boolean {
  return (WORD.test(left) && WORD.test(right)) || (/[,;:!?]/.test(left) && LETTER.test(right));
}

/** Code, where camelCase and `fp16` are names, not typos. */
const CODE = new Set(['code', 'pre', 'kbd', 'samp', 'var']);

/**
 * A token of one text node that reads as two words of the page run together: a lower-case word the page also uses on
 * its own, then a capital or a digit (`withRSS`, `all19`); or a number then a capitalised word (`100Mtokens`,
 * `2026All`). A name such as `LoRA`, `bf16` or `A100` does not start with a word the page uses alone.
 */
function gluedToken(token: string, words: ReadonlySet<string>): boolean {
  const lower = /^([a-z]{2,})[A-Z0-9]/.exec(token);
  if (lower && words.has(lower[1] as string)) return true;
  return /^\d+[A-Z][a-z]{2,}/.test(token);
}

const tokensOf = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * Every place in a page's visible text where two words run together: across an element boundary with nothing
 * between (`with<a>RSS</a>`), or inside one text node where an expression's value was glued on (`all{n}` → `all19`).
 * Each as the text before and after the junction, joined by `|` (a whole token for the second kind).
 */
export function gluedWords(html: string): string[] {
  const out: string[] = [];
  const texts: { text: string; code: boolean }[] = [];
  const source = html.replace(/<!--[\s\S]*?-->/g, '');
  const TOKEN = /<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)/g;
  let run = ''; // the visible text of the current line of inline content
  let crossed = false; // a tag came between the end of `run` and the next text
  const stack: string[] = []; // open elements whose content is skipped (SKIPS or hidden)
  let code = 0; // depth of open code elements
  for (const m of source.matchAll(TOKEN)) {
    const [, close, rawName, attrs, text] = m;
    if (text !== undefined) {
      if (stack.length > 0) continue;
      const t = decodeEntities(text).replace(/\s+/g, ' ');
      if (t === '') continue;
      texts.push({ text: t, code: code > 0 });
      if (crossed && run !== '' && glued(run.at(-1) as string, t[0] as string)) {
        out.push(`${run.slice(-25).trimStart()}|${t.slice(0, 25).trimEnd()}`);
      }
      run = (run + t).slice(-200);
      crossed = false;
      continue;
    }
    const name = (rawName as string).toLowerCase();
    const selfClosing = /\/\s*$/.test(attrs ?? '') || VOID.has(name);
    if (CODE.has(name) && !selfClosing) code = Math.max(0, code + (close ? -1 : 1));
    if (close) {
      if (stack.at(-1) === name) stack.pop();
    } else if (stack.length > 0) {
      if (!selfClosing && (SKIPS.has(name) || stack.includes(name))) stack.push(name);
    } else if (!selfClosing && (SKIPS.has(name) || /\shidden(\s|=|$)/.test(attrs ?? ''))) {
      stack.push(name);
    }
    if (SEPARATES.has(name) || SKIPS.has(name)) run = '';
    crossed = true;
  }
  const words = new Set(texts.flatMap((t) => tokensOf(t.text)));
  // A name the page also writes in a link (`oneDNN` in its docs' URL) is a name, not two words run together.
  const linked = new Set([...source.matchAll(/\shref="([^"]*)"/g)].flatMap((m) => tokensOf(m[1] as string)));
  for (const t of texts) {
    if (t.code) continue;
    for (const token of tokensOf(t.text)) if (gluedToken(token, words) && !linked.has(token)) out.push(token);
  }
  return out;
}
