// Astro's CSP lists, on every page, the hash of every inline script and style of the whole site (18 of them, about
// 0.9 kB of gzipped, incompressible HTML per page, where a card page runs 2). Keeping only the hashes of the inline
// elements a page really has grants no page anything new, and takes from it only what it never uses.

const META = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"\s*\/?>/i;
const INLINE = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi;
/** Script types a browser runs: only these need a hash (JSON-LD and other data blocks do not). */
const RUNNABLE = /^(?:|module|text\/javascript|application\/javascript)$/i;

/**
 * The page with its CSP <meta> narrowed: in script-src and style-src, every `'sha256-…'` source that matches no
 * inline <script> or <style> of the page is dropped. `hash` returns the CSP source of a text, e.g. `'sha256-…'`.
 */
export function narrowCspMeta(html: string, hash: (text: string) => string): string {
  const meta = META.exec(html);
  if (!meta) return html;
  const used = { script: new Set<string>(), style: new Set<string>() };
  for (const m of html.matchAll(INLINE)) {
    const name = (m[1] as string).toLowerCase() as 'script' | 'style';
    const attrs = m[2] ?? '';
    if (name === 'script' && /\bsrc\s*=/i.test(attrs)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]*)/i.exec(attrs)?.[1] ?? '';
    if (name === 'script' && !RUNNABLE.test(type)) continue;
    used[name].add(hash(m[3] ?? ''));
  }
  const policy = (meta[1] as string)
    .split(';')
    .map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      const kind = name === 'script-src' ? 'script' : name === 'style-src' ? 'style' : undefined;
      if (!kind) return directive;
      const kept = sources.filter((s) => !/^'sha(256|384|512)-/.test(s) || used[kind].has(s));
      return ` ${[name, ...kept].join(' ')}`;
    })
    .join(';');
  return html.replace(meta[0], meta[0].replace(meta[1] as string, policy));
}
