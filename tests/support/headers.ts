// Reads a Cloudflare Pages style _headers file and computes the headers a path would get.

export interface HeaderRule {
  pattern: string;
  set: [string, string][];
  detach: string[];
}

export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), set: [], detach: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`header line before any path: ${line}`);
    const detach = /^\s+!\s*([\w-]+)\s*$/.exec(line);
    if (detach) {
      rule.detach.push((detach[1] as string).toLowerCase());
      continue;
    }
    const m = /^\s+([\w-]+)\s*:\s*(.+?)\s*$/.exec(line);
    if (!m) throw new Error(`not a header line: ${line}`);
    rule.set.push([(m[1] as string).toLowerCase(), m[2] as string]);
  }
  return rules;
}

const matches = (pattern: string, path: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/:\w+/g, '[^/]+')}$`,
  ).test(path);

/**
 * Headers for a request path, as Cloudflare Pages applies them: every matching rule in file order; `! Name` drops what
 * earlier rules set; a header set by several rules is joined with ", ".
 */
export function headersFor(rules: HeaderRule[], path: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rule of rules.filter((r) => matches(r.pattern, path))) {
    for (const name of rule.detach) out.delete(name);
    for (const [name, value] of rule.set) out.set(name, out.has(name) ? `${out.get(name)}, ${value}` : value);
  }
  return out;
}
