// What the embed loader (/embed.js) accepts, from the parameter table, and the script text around its body.
import { PARAMS } from './parameters.ts';

/** Every data-* name the loader reads: each parameter's URL name, then the aliases. */
export const EMBED_ATTRIBUTES: readonly string[] = [
  ...PARAMS.map((p) => p.url),
  ...PARAMS.flatMap((p) => p.aliases ?? []),
];

/** alias → parameter URL name */
export const EMBED_ALIASES: Readonly<Record<string, string>> = Object.fromEntries(
  PARAMS.flatMap((p) => (p.aliases ?? []).map((a) => [a, p.url])),
);

/** The loader script: a header for the site owner who reads it, and `loader` called with the table's names. */
export function embedScript(loader: string): string {
  return `/*! Fine-Tuning Cards VRAM calculator loader.
 * <script src="https://SITE/embed.js" data-model="llama-3.1-8b" data-method="qlora" async></script>
 * Accepted data-* attributes: ${EMBED_ATTRIBUTES.join(', ')}
 * (${Object.entries(EMBED_ALIASES)
   .map(([a, p]) => `data-${a} = data-${p}`)
   .join(', ')}). Other values are checked, and refused with a notice, by the widget itself. */
(${loader})(${JSON.stringify(EMBED_ATTRIBUTES)}, ${JSON.stringify(EMBED_ALIASES)});
`;
}
