// Checks on a card body's MDX tree (from Sätteri's mdxToMdast): markup that could run code in a reader's browser, and
// imports of files that do not exist. Pure: the caller parses the body and says which import targets exist.

/** One problem in a body, at a 1-based line of the body. */
export interface BodyIssue {
  line: number;
  message: string;
}

interface Node {
  type: string;
  name?: string | null;
  value?: unknown;
  url?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
  position?: { start: { line: number; offset?: number } };
}

/**
 * Raw HTML elements that run script, load other documents or change how the page is read (CSP, base URL, styles,
 * form targets). Card authors use components (src/components/) for anything richer than Markdown.
 */
export const SCRIPT_CAPABLE_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'portal',
  'meta',
  'base',
  'link',
  'style',
  'form',
]);

/** Attributes whose value is a URL the browser may navigate to or load. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background']);

// What the URL parser strips before reading the scheme: C0 controls and spaces around, tabs and newlines inside.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping C0 controls is the point
const urlProbe = (v: string) => v.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
const SCRIPT_URL = /^(?:javascript|vbscript):/i;

/** `javascript:` and `vbscript:`: the schemes of a URL that runs code instead of opening a page. */
export function isScriptUrl(value: string): boolean {
  return SCRIPT_URL.test(urlProbe(value));
}

const schemeOf = (value: string) => (/^([a-z]+):/i.exec(urlProbe(value))?.[1] ?? '').toLowerCase();
const short = (s: string) => (s.length > 40 ? `${s.slice(0, 37)}…` : s);
const USE_COMPONENT = 'cards may not carry raw HTML that runs code; use a component from src/components/ instead';

function checkElement(n: Node, line: number, out: BodyIssue[]) {
  const name = n.name ?? '';
  // Components (capitalised names) are code of this repository; raw HTML elements are lower-case.
  if (!/^[a-z]/.test(name)) return;
  if (SCRIPT_CAPABLE_ELEMENTS.has(name.toLowerCase())) {
    out.push({ line, message: `<${name}> can run code or load another page: ${USE_COMPONENT}` });
    return;
  }
  for (const a of n.attributes ?? []) {
    if (a.type !== 'mdxJsxAttribute') {
      out.push({
        line,
        message: `<${name} {…}> spreads attributes onto raw HTML, which can set event handlers: ${USE_COMPONENT}`,
      });
      continue;
    }
    const attr = a.name ?? '';
    const lower = attr.toLowerCase();
    const text =
      typeof a.value === 'string'
        ? a.value
        : a.value && typeof a.value === 'object'
          ? String((a.value as { value?: unknown }).value ?? '').replace(/^\s*["'`]|["'`]\s*$/g, '')
          : '';
    if (/^on/.test(lower))
      out.push({ line, message: `<${name} ${attr}> runs code when the event fires: remove the ${attr} attribute` });
    else if (lower === 'srcdoc' || lower === 'dangerouslysetinnerhtml')
      out.push({ line, message: `<${name} ${attr}> writes raw HTML into the page: remove the ${attr} attribute` });
    else if (URL_ATTRIBUTES.has(lower) && isScriptUrl(text))
      out.push({
        line,
        message: `<${name} ${attr}="${short(text)}"> is a ${schemeOf(text)}: URL, which runs code instead of opening a page: link to an https:// page`,
      });
  }
}

// JSX written inside a {…} expression or an export never becomes an element node; read its text instead.
const CODE_MARKUP = new RegExp(`<\\s*(${[...SCRIPT_CAPABLE_ELEMENTS].join('|')})\\b`, 'i');
const CODE_HANDLER = /<[a-z][^>]*\s(on[a-z]+|srcdoc|dangerouslySetInnerHTML)\s*=/i;
const CODE_URL = /\b(?:javascript|vbscript):/i;

function checkCode(code: string, line: number, what: string, out: BodyIssue[]) {
  const el = CODE_MARKUP.exec(code);
  const handler = CODE_HANDLER.exec(code);
  if (el) out.push({ line, message: `${what} writes a <${el[1]}> element, which can run code: ${USE_COMPONENT}` });
  else if (handler)
    out.push({ line, message: `${what} sets ${handler[1]} on raw HTML, which runs code: ${USE_COMPONENT}` });
  else if (CODE_URL.test(code))
    out.push({ line, message: `${what} holds a javascript: URL, which runs code: link to an https:// page` });
}

/** Markup in a body that could run code in the reader's browser: by line and element, in document order. */
export function unsafeMarkup(tree: unknown): BodyIssue[] {
  const out: BodyIssue[] = [];
  const visit = (n: Node) => {
    const line = n.position?.start.line ?? 1;
    switch (n.type) {
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(n, line, out);
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        checkCode(String(n.value ?? ''), line, 'a {…} expression', out);
        break;
      case 'mdxjsEsm':
        checkCode(String(n.value ?? ''), line, 'an import or export', out);
        break;
      case 'link':
      case 'image':
      case 'definition':
        if (n.url && isScriptUrl(n.url))
          out.push({
            line,
            message: `${n.type === 'image' ? 'image' : 'link'} to "${short(n.url)}" is a ${schemeOf(n.url)}: URL, which runs code instead of opening a page: link to an https:// page`,
          });
        break;
    }
    for (const c of n.children ?? []) visit(c);
  };
  visit(tree as Node);
  return out;
}

/** Every `import … from "x"` / `import "x"` of a body with the line it is on. */
export function importsOf(tree: unknown): { specifier: string; line: number }[] {
  const out: { specifier: string; line: number }[] = [];
  for (const n of (tree as Node).children ?? []) {
    if (n.type !== 'mdxjsEsm') continue;
    const code = String(n.value ?? '');
    const first = n.position?.start.line ?? 1;
    for (const m of code.matchAll(/\bimport\s+(?:[^'";]*?\s+from\s+)?["']([^"']+)["']/g)) {
      const before = code.slice(0, m.index);
      out.push({ specifier: m[1] as string, line: first + (before.match(/\n/g)?.length ?? 0) });
    }
  }
  return out;
}

/** Imports whose target `exists` says is not there (relative paths and packages; virtual modules are skipped). */
export function missingImports(tree: unknown, exists: (specifier: string) => boolean): BodyIssue[] {
  return importsOf(tree)
    .filter((i) => !/^(astro|virtual|node):/.test(i.specifier) && !exists(i.specifier))
    .map((i) => ({
      line: i.line,
      message: i.specifier.startsWith('.')
        ? `imports "${i.specifier}", which does not exist (paths are relative to the card's file): fix the path or remove the import`
        : `imports "${i.specifier}", which is not an installed package: fix the name or remove the import`,
    }));
}
