// The font a badge declares and the characters its width table covers. The table (glyph-widths.ts) is measured from
// DejaVu Sans, the first family declared; Verdana (Windows, macOS) is as wide within a few per cent, and every
// <text> also carries textLength, so a viewer with another font still fits the text to the measured box.

/** font-family of the badge text, in the order a viewer tries them. */
export const BADGE_FONT_FAMILY = 'DejaVu Sans,Verdana,Geneva,sans-serif';
export const BADGE_FONT_SIZE = 11;

/** Printable ASCII plus the punctuation badges use (middle dot, multiplication sign, dashes, ellipsis, ≤ ≥). */
export const BADGE_CHARS: readonly string[] = [
  ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)),
  '·',
  '×',
  '–',
  '—',
  '…',
  '≤',
  '≥',
  '’',
];
