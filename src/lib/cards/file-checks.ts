// Checks on a card file itself, before its text is read as frontmatter and MDX: where it sits, what it is called,
// its size and its encoding. Each of these, missed, made Astro drop a card or crash later with a message that pointed
// elsewhere.
import { KEBAB } from '../../schemas/common.ts';

/** One problem with a file, in the shape of the deck's other problems (`field` is always `file`). */
export interface FileProblem {
  file: string;
  field: 'file';
  message: string;
}

const base = (path: string) => path.split('/').pop() ?? path;
const stem = (path: string) => base(path).replace(/\.mdx?$/, '');

/**
 * Where the card files sit and what they are called. `paths` are every file under the cards folder (drafts too);
 * `cardsDir` is that folder, as the paths spell it.
 */
export function checkCardPaths(paths: readonly string[], cardsDir: string): FileProblem[] {
  const problems: FileProblem[] = [];
  const dir = cardsDir.replace(/\/+$/, '');
  const add = (file: string, message: string) => problems.push({ file, field: 'file', message });
  const cards: string[] = [];
  for (const path of paths) {
    const name = base(path);
    if (name.startsWith('_') || name.startsWith('.')) continue;
    const nested = path.slice(dir.length + 1).includes('/');
    if (name.endsWith('.md')) {
      add(path, `only .mdx files are cards, so this one is never built: rename it to ${stem(path)}.mdx`);
      continue;
    }
    if (!name.endsWith('.mdx')) continue;
    cards.push(path);
    if (nested) {
      add(
        path,
        `a card must sit directly in ${dir}/ (the site has no pages for subfolders): move it to ${dir}/${name}`,
      );
    }
    if (!KEBAB.test(stem(path))) {
      add(
        path,
        `"${stem(path)}" is not a card id: name the file in lowercase kebab-case, e.g. ${stem(path)
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')}.mdx`,
      );
    }
  }
  // The site lower-cases ids, so two files that differ only by case would be one page: one card silently lost.
  const byId = new Map<string, string[]>();
  for (const p of cards) byId.set(stem(p).toLowerCase(), [...(byId.get(stem(p).toLowerCase()) ?? []), p]);
  for (const group of byId.values()) {
    if (group.length < 2) continue;
    for (const p of group) {
      const others = group.filter((o) => o !== p);
      add(
        p,
        `"${stem(p)}" and ${others.map((o) => `"${stem(o)}" (${o})`).join(', ')} are one id to the site, which ignores case: rename or merge them`,
      );
    }
  }
  return problems;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1 when all of it is UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    const c1 = bytes[i + 1] as number;
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF.
    if (
      (b === 0xe0 && c1 < 0xa0) ||
      (b === 0xed && c1 > 0x9f) ||
      (b === 0xf0 && c1 < 0x90) ||
      (b === 0xf4 && c1 > 0x8f)
    )
      return i;
    i += need + 1;
  }
  return -1;
}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * A card's bytes as text, with the problems a reader of the text alone cannot see: a size over `maxBytes`, bytes that
 * are not UTF-8 (shown as U+FFFD otherwise) and a byte-order mark (which hides the frontmatter's opening `---`).
 * The text is returned in every case, so the card's other problems are reported in the same run.
 */
export function decodeCardFile(
  path: string,
  bytes: Uint8Array,
  maxBytes?: number,
): { source: string; problems: FileProblem[] } {
  const problems: FileProblem[] = [];
  const add = (message: string) => problems.push({ file: path, field: 'file', message });
  if (maxBytes !== undefined && bytes.length > maxBytes) {
    add(
      `is ${bytes.length.toLocaleString('en-US')} bytes, over the deck's limit of ${maxBytes.toLocaleString('en-US')} bytes per card (policy.maxCardBytes in site.config.mjs): shorten it or split it into two cards`,
    );
  }
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    add('starts with a byte-order mark (BOM), which hides the opening "---": save the file as UTF-8 without BOM');
    body = bytes.subarray(3);
  }
  const bad = firstInvalidUtf8(body);
  if (bad >= 0) {
    let line = 1;
    for (let i = 0; i < bad; i++) if (body[i] === 0x0a) line++;
    add(
      `line ${line}: byte ${hex(body[bad] as number)} is not UTF-8 (the file was saved in another encoding, e.g. Windows-1252): save it as UTF-8`,
    );
  }
  return { source: new TextDecoder('utf-8').decode(body), problems };
}
