/**
 * HTML character references, in one place: the escaper every page fragment, feed and test uses, and decoders from the
 * `entities` package. No DOM, so it runs in the build, the tests and the browser alike.
 */
import { decodeHTML, decodeXML } from 'entities/decode';

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Plain text as HTML text or as a quoted attribute value (either quote style). The same five characters and references
 * as Astro's own escaping, so text we write reads byte for byte like text Astro wrote.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}

/** Decodes every character reference the HTML standard knows (named, numeric, legacy ones without `;`). */
export function decodeHtml(html: string): string {
  return decodeHTML(html);
}

/**
 * Decodes only the five XML references (`&amp;` `&lt;` `&gt;` `&quot;` `&apos;`) and numeric ones, which is all that
 * escaped text (ours, Pagefind's excerpts) contains. Unlike decodeHtml it does not pull the 26 kB table of named HTML
 * references into a browser bundle.
 */
export function decodeXmlEntities(text: string): string {
  return decodeXML(text);
}
