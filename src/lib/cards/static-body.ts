// Most cards are Markdown plus build-time <Vram> figures: nothing in them needs to run as a JavaScript module. For
// those, the card loader (src/astro/card-loader.ts) swaps each <Vram> for its HTML and renders the result as Markdown,
// so the build neither compiles nor bundles nor imports one module per card (the cost that dominates large decks).
// A card with anything else MDX can do (imports, exports, expressions, other components) stays an MDX module.
import { mdxToMdast } from 'satteri';

/** A JSX element in a card body: its name and literal props (numbers and booleans as values, not strings). */
export interface StaticElement {
  name: string;
  props: Record<string, string | number | boolean>;
}

/** Why a body must stay an MDX module, or null when it can be rendered as Markdown. */
export type StaticResult = { markdown: string; reason: null } | { markdown: null; reason: string };

/** A component's render function rejected its props: carries the 1-based line of the element in the body. */
export class StaticElementError extends Error {
  readonly line: number;
  /** The render function's own message, e.g. `<Vram> prop "shows" is not a <Vram> prop (use …)`. */
  readonly detail: string;
  constructor(name: string, line: number, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`<${name}> at line ${line}: ${detail}`);
    this.name = 'StaticElementError';
    this.line = line;
    this.detail = detail;
  }
}

interface Node {
  type: string;
  name?: string | null;
  value?: unknown;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { offset: number; line: number }; end: { offset: number } };
}

/** A prop value written as a literal: "text", {2048}, {true}, or a bare name (true). Anything else is code. */
function literal(value: unknown): string | number | boolean | undefined {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value;
  const expr = (value as { type?: string; value?: unknown }).type === 'mdxJsxAttributeValueExpression';
  const src = expr ? String((value as { value: unknown }).value).trim() : '';
  if (/^-?\d+(\.\d+)?$/.test(src)) return Number(src);
  if (src === 'true' || src === 'false') return src === 'true';
  return undefined;
}

/**
 * Rewrites an MDX body as Markdown when every MDX construct in it is an element named in `render`, replacing each
 * with the HTML `render` returns. Elements must have literal props and no children. A body Sätteri cannot parse stays
 * MDX (the content check reports the syntax error with its line); a render function that throws (a bad <Vram> prop)
 * becomes a StaticElementError with the element's line in the body.
 */
export function toStaticMarkdown(
  body: string,
  render: Record<string, (props: StaticElement['props']) => string>,
  /** The body's tree from `mdxToMdast(body)`, when the caller already parsed it. */
  parsed?: unknown,
): StaticResult {
  let tree: Node;
  try {
    tree = (parsed ?? mdxToMdast(body)) as Node;
  } catch {
    return { markdown: null, reason: 'MDX syntax error' };
  }
  const edits: { start: number; end: number; html: string }[] = [];
  let reason: string | null = null;
  const visit = (n: Node) => {
    if (reason) return;
    if (n.type === 'mdxjsEsm') reason = 'imports or exports';
    else if (n.type === 'mdxFlowExpression' || n.type === 'mdxTextExpression') reason = 'a {…} expression';
    else if (n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') {
      const name = n.name ?? '';
      const fn = render[name];
      if (!fn) reason = `the <${name || '>'}> element`;
      else if ((n.children ?? []).length > 0) reason = `<${name}> with children`;
      else if (!n.position) reason = `<${name}> without a source position`;
      else {
        const props: StaticElement['props'] = {};
        for (const a of n.attributes ?? []) {
          const v = a.type === 'mdxJsxAttribute' && a.name ? literal(a.value) : undefined;
          if (v === undefined) {
            reason = `<${name}> with a computed prop`;
            return;
          }
          props[a.name as string] = v;
        }
        let html: string;
        try {
          html = fn(props);
        } catch (e) {
          throw new StaticElementError(name, n.position.start.line, e);
        }
        edits.push({ start: n.position.start.offset, end: n.position.end.offset, html });
      }
      return;
    }
    for (const c of n.children ?? []) visit(c);
  };
  visit(tree);
  if (reason) return { markdown: null, reason };
  let out = '';
  let at = 0;
  for (const e of edits.sort((a, b) => a.start - b.start)) {
    // Offsets index the string as JavaScript does (UTF-16 code units); check, rather than trust, that they land on
    // the tag.
    if (body[e.start] !== '<' || body[e.end - 1] !== '>')
      return { markdown: null, reason: 'unexpected source offsets' };
    out += body.slice(at, e.start) + e.html;
    at = e.end;
  }
  return { markdown: out + body.slice(at), reason: null };
}
