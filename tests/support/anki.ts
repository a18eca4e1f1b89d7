// Reads an Anki text import file back (tests only): `#key:value` header lines, then tab-separated rows whose fields
// may be quoted ("…", with "" for a quote), as Anki's importer reads them.

export interface AnkiFile {
  headers: Map<string, string>;
  rows: string[][];
}

function parseRow(line: string, lineNo: number): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= line.length) throw new Error(`line ${lineNo}: unterminated quoted field`);
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += line[i];
        i++;
      }
      fields.push(value);
      if (i < line.length && line[i] !== '\t') throw new Error(`line ${lineNo}: text after a quoted field`);
      i++;
    } else {
      const end = line.indexOf('\t', i);
      const stop = end < 0 ? line.length : end;
      fields.push(line.slice(i, stop));
      i = stop + 1;
    }
  }
  return fields;
}

export function parseAnkiFile(text: string): AnkiFile {
  const headers = new Map<string, string>();
  const rows: string[][] = [];
  text.split('\n').forEach((line, n) => {
    if (line === '') return;
    const header = /^#([^:]+):(.*)$/.exec(line);
    if (header && rows.length === 0) headers.set(header[1] as string, header[2] as string);
    else rows.push(parseRow(line, n + 1));
  });
  return { headers, rows };
}
