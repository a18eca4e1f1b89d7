// Word count and reading time of a card body. Kept free of the YAML parser: the browser bundle of the /cards/ filter
// reaches this module through deck.ts.

/** Prose words in an MDX body: imports, JSX tags, expressions, code fences and Markdown syntax do not count. */
export function countWords(body: string): number {
  const text = body
    .replace(/^```[\s\S]*?^```/gm, ' ')
    .replace(/^(import|export)\s.*$/gm, ' ')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/[#*_>`|[\]-]+/g, ' ');
  return (text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.,%×·/+-]*/gu) ?? []).length;
}

/** Minutes to read at 220 words per minute, at least 1. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 220));
}
