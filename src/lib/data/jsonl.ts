// A JSONL sample read line by line (JSON Lines, https://jsonlines.org/: one JSON value per line, UTF-8, `\n` between
// lines; a trailing `\r` is tolerated). Blank lines are skipped; every line that is not JSON is reported with its line
// number, so a reader can fix them all at once.

/** A sample, not a training set: every line is tokenized in the page, on the reader's machine, and 50,000 examples or
 *  20 MB keep that within seconds (the byte cap is checked before the file is read at all). */
export const MAX_LINES = 50_000;
export const MAX_BYTES = 20_000_000;

export interface JsonlRow {
  line: number;
  value: unknown;
}
export interface LineError {
  line: number;
  message: string;
}
export interface JsonlResult {
  rows: JsonlRow[];
  errors: LineError[];
  /** set when the sample had more than MAX_LINES non-blank lines: the rows are the first MAX_LINES */
  cappedAt?: number;
}

/** The problem with a file of this size, or null. */
export function checkSize(bytes: number, name: string): string | null {
  return bytes > MAX_BYTES
    ? `${name} is ${(bytes / 1e6).toFixed(1)} MB: this reads samples up to ${MAX_BYTES / 1e6} MB (take the first lines, e.g. head -n 10000).`
    : null;
}

export function parseJsonl(text: string): JsonlResult {
  const rows: JsonlRow[] = [];
  const errors: LineError[] = [];
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  let cappedAt: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] as string).replace(/\r$/, '');
    if (raw.trim() === '') continue;
    if (rows.length + errors.length >= MAX_LINES) {
      cappedAt = MAX_LINES;
      break;
    }
    try {
      rows.push({ line: i + 1, value: JSON.parse(raw) });
    } catch {
      errors.push({ line: i + 1, message: `line ${i + 1}: not valid JSON` });
    }
  }
  return cappedAt ? { rows, errors, cappedAt } : { rows, errors };
}
