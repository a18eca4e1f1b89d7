// "Did you mean": close terms from the index's own vocabulary for a query that found nothing. The vocabulary is
// written by the search index step (scripts/search-index.ts) from the pages it indexed, so suggestions always lead
// to results.

/** The vocabulary file's name in the Pagefind bundle folder (beside pagefind.js and pagefind-entry.json). */
export const VOCABULARY_FILE = 'vocabulary.json';

/** The vocabulary file: words of the indexed pages, most frequent first. */
export interface SearchVocabulary {
  words: string[];
}

/** Lower-case words of a text, as the vocabulary and the suggestions see them. */
export function vocabularyWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu) ?? []).filter((w) => w.length >= 2);
}

/** Edit distance with adjacent transpositions (optimal string alignment): `qlroa` → `qlora` is 1. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows[i] = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i] as number[];
      if (i === 0) {
        row[j] = j;
        continue;
      }
      const prev = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = d;
      best = Math.min(best, d);
    }
    if (i > 0 && best > max) return max + 1;
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** How far a word may be from a suggestion: one edit for short words, two from seven letters on. */
const allowed = (word: string) => (word.length <= 3 ? 0 : word.length <= 6 ? 1 : 2);

/**
 * Up to `limit` queries close to `query`: each word the vocabulary lacks is replaced by its nearest known words
 * (fewest edits, then the most frequent). Empty when every word is known or nothing is close enough.
 */
export function suggestQueries(query: string, vocabulary: readonly string[], limit = 3): string[] {
  const words = vocabularyWords(query);
  if (words.length === 0) return [];
  const known = new Set(vocabulary);
  const options = words.map((w) => {
    if (known.has(w)) return [w];
    const max = allowed(w);
    if (max === 0) return [];
    const near: { word: string; d: number; rank: number }[] = [];
    vocabulary.forEach((v, rank) => {
      const d = editDistance(w, v, max);
      if (d <= max) near.push({ word: v, d, rank });
    });
    return near.sort((a, b) => a.d - b.d || a.rank - b.rank).map((n) => n.word);
  });
  if (options.some((o) => o.length === 0) || options.every((o, i) => o[0] === words[i])) return [];
  // The best candidate for each word, then the runners-up of the first unknown word.
  const out: string[] = [];
  const first = options.findIndex((o, i) => o[0] !== words[i]);
  for (const alt of options[first] ?? []) {
    const q = options.map((o, i) => (i === first ? alt : (o[0] as string))).join(' ');
    if (!out.includes(q)) out.push(q);
    if (out.length >= limit) break;
  }
  return out;
}
