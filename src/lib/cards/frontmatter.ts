import { parseDocument } from 'yaml';

export interface SplitCard {
  /** Parsed frontmatter, or undefined when it could not be parsed. */
  data: unknown;
  /** The MDX body after the closing `---`. */
  body: string;
  /** 1-based line in the file where the body starts (to map body errors back to file lines). */
  bodyLine: number;
  /** Problems with the frontmatter block itself, already written for authors. */
  errors: string[];
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits `---` YAML frontmatter from an MDX body and parses the YAML. Never throws. */
export function splitFrontmatter(source: string): SplitCard {
  const match = FENCE.exec(source);
  if (!match) {
    return {
      data: undefined,
      body: source,
      bodyLine: 1,
      errors: ['frontmatter: missing: start the file with a YAML block between two "---" lines'],
    };
  }
  const yamlText = match[1] ?? '';
  const body = source.slice(match[0].length);
  const bodyLine = match[0].split('\n').length;
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const errors = doc.errors.map((e) => {
      // +1 for the opening fence line.
      const line = (e.linePos?.[0]?.line ?? 0) + 1;
      const first = e.message.split('\n')[0] ?? e.message;
      return `frontmatter: YAML syntax error at line ${line}: ${first} (check quotes, indentation and colons)`;
    });
    return { data: undefined, body, bodyLine, errors };
  }
  // Dates stay strings so our schema can say exactly what is wrong with them.
  const data = doc.toJS({ maxAliasCount: 0 });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { data: undefined, body, bodyLine, errors: ['frontmatter: must be a YAML mapping of fields (key: value)'] };
  }
  return { data, body, bodyLine, errors: [] };
}

// Word counts live in words.ts (no YAML parser), so browser code can import them; re-exported for existing callers.
export { countWords, readingMinutes } from './words.ts';
