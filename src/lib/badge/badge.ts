// A shields.io-style "flat" badge as SVG text: a grey label box and a coloured message box, each as wide as its text
// measured with the declared font's width table, plus 5 px padding on each side (shields' horizontal padding).
// Pure: no DOM, so the CLI and the calculator page write the same bytes.
import { escapeXml, stripInvalidXmlChars } from '../feeds/xml.ts';
import { BADGE_FONT_FAMILY, BADGE_FONT_SIZE } from './font.ts';
import { GLYPH_WIDTHS } from './glyph-widths.ts';

export type BadgeTone = 'ok' | 'bad' | 'info';

export interface Badge {
  /** left box, e.g. "QLoRA" */
  label: string;
  /** right box, e.g. "fits RTX 4090 · 14.2 GB" */
  message: string;
  tone: BadgeTone;
  /** the SVG <title>: what a screen reader or a tooltip gives in full */
  title: string;
}

/** Box colours. White 11 px text on each has a contrast of at least 4.5:1 (WCAG AA): #555 7.5, #2e7d32 5.1,
 *  #c62828 5.6, #1565c0 5.8 (relative luminance per WCAG 2.2, 1.4.3). */
export const BADGE_COLORS: Readonly<Record<BadgeTone | 'label', string>> = {
  label: '#555',
  ok: '#2e7d32',
  bad: '#c62828',
  info: '#1565c0',
};

const PAD = 5;
const HEIGHT = 20;
/** Characters missing from the table count as the widest one, so the box is never too narrow. */
const WIDEST = Math.max(...GLYPH_WIDTHS.values());

/** Text as the badge shows it: characters XML cannot carry removed, runs of white space as one space. */
export function badgeText(s: string): string {
  return stripInvalidXmlChars(s).replace(/\s+/g, ' ').trim();
}

/** Width in px of `s` at the badge's font size, from the measured table (by code point). */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += GLYPH_WIDTHS.get(ch) ?? WIDEST;
  return Math.round(w * 100) / 100;
}

const n = (x: number): string => String(Math.round(x * 100) / 100);

/** A short id from the badge's text (FNV-1a), so two different badges inlined in one page never share a clip path. */
function idOf(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/** The badge as a standalone SVG document (UTF-8, no XML declaration needed). */
export function badgeSvg(b: Badge): string {
  const label = badgeText(b.label);
  const message = badgeText(b.message);
  const lw = textWidth(label);
  const mw = textWidth(message);
  const L = Math.ceil(lw) + 2 * PAD;
  const M = Math.ceil(mw) + 2 * PAD;
  const W = L + M;
  const id = idOf(`${b.tone}|${label}|${message}`);
  const text = (x: number, w: number, t: string) =>
    `<text x="${n(x)}" y="15" fill="#010101" fill-opacity=".3" textLength="${n(w)}" aria-hidden="true">${escapeXml(t)}</text>` +
    `<text x="${n(x)}" y="14" textLength="${n(w)}">${escapeXml(t)}</text>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${HEIGHT}" viewBox="0 0 ${W} ${HEIGHT}" role="img" aria-label="${escapeXml(`${label}: ${message}`)}">` +
    `<title>${escapeXml(badgeText(b.title))}</title>` +
    `<linearGradient id="s${id}" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>` +
    `<clipPath id="r${id}"><rect width="${W}" height="${HEIGHT}" rx="3" fill="#fff"/></clipPath>` +
    `<g clip-path="url(#r${id})"><rect width="${L}" height="${HEIGHT}" fill="${BADGE_COLORS.label}"/>` +
    `<rect x="${L}" width="${M}" height="${HEIGHT}" fill="${BADGE_COLORS[b.tone]}"/>` +
    `<rect width="${W}" height="${HEIGHT}" fill="url(#s${id})"/></g>` +
    `<g fill="#fff" text-anchor="middle" font-family="${BADGE_FONT_FAMILY}" font-size="${BADGE_FONT_SIZE}" text-rendering="geometricPrecision">` +
    text(L / 2, lw, label) +
    text(L + M / 2, mw, message) +
    '</g></svg>\n'
  );
}

/** Markdown for a README: the badge file (committed next to it) linking to the calculator with the same state. */
export function badgeMarkdown(b: Badge, image: string, link: string): string {
  const alt = `${badgeText(b.label)}: ${badgeText(b.message)}`.replace(/[\\[\]]/g, '\\$&');
  const url = (u: string) =>
    u.replace(/[\s()<>]/g, (c) => `%${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[![${alt}](${url(image)})](${url(link)})`;
}
