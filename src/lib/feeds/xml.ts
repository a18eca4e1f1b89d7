/**
 * XML text helpers for the feed builders. Everything that goes into a feed passes through one of these.
 */
import { escapeUTF8 } from 'entities/escape';

/**
 * Characters XML 1.0 forbids anywhere in a document (C0 controls other than tab, LF and CR, lone surrogates,
 * U+FFFE and U+FFFF). Even escaped as character references they make the feed malformed, so they are removed.
 */
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML_CHARS, '');
}

/**
 * The text as an XML parser will read it back: forbidden characters removed and line ends normalised to `\n`
 * (parsers turn `\r\n` and `\r` into `\n` anyway, also inside CDATA).
 */
export function normalizeXmlText(text: string): string {
  return stripInvalidXmlChars(text).replace(/\r\n?/g, '\n');
}

/** Escapes text for XML element content and for attribute values (either quote style); see normalizeXmlText. */
export function escapeXml(text: string): string {
  return escapeUTF8(normalizeXmlText(text));
}

/**
 * Wraps text in a CDATA section. A `]]>` inside the text would end the section early, so it is split across two
 * sections (`]]` + `>`); a parser joins them back to the original text.
 */
export function cdata(text: string): string {
  return `<![CDATA[${normalizeXmlText(text).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}
