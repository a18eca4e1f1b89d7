// What the embed loader (/embed.js) accepts, from the parameter table, and the script text around its body.
import { routes } from '../site/routes.ts';
import { EMBED_OPTIONS, type EmbedLayout } from './embed-options.ts';
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

/** For the site owner, on /about/memory/: what each embed option does. */
export const EMBED_OPTION_HELP: Readonly<Record<keyof typeof EMBED_OPTIONS, string>> = {
  layout:
    'compact (the default) shows the estimate first with the settings and the details folded; full shows everything as on the calculator page.',
  theme: 'light (the default), dark, or auto to follow the reader’s system setting.',
};

/** The widget's page for each layout, relative to the site's base (routes.ts), the default layout first, with the
 *  frame's height before the widget reports its own (the default state's at 390 px wide), so the host page barely
 *  moves when it does. */
export const EMBED_PAGES: Readonly<Record<EmbedLayout, { path: string; height: number }>> = {
  compact: { path: routes.embedCalculator(), height: 540 },
  full: { path: routes.embedCalculatorFull(), height: 720 },
};

/** The loader script: a header for the site owner who reads it, and `loader` called with the table's names. */
export function embedScript(loader: string): string {
  return `/*! Fine-Tuning Cards VRAM calculator loader.
 * <script src="https://SITE/embed.js" data-model="llama-3.1-8b" data-method="qlora" async></script>
 * Options: ${Object.values(EMBED_OPTIONS)
   .map((o) => `data-${o.name} (${o.values.join(', ')})`)
   .join(', ')}.
 * Accepted calculator data-* attributes: ${EMBED_ATTRIBUTES.join(', ')}
 * (${Object.entries(EMBED_ALIASES)
   .map(([a, p]) => `data-${a} = data-${p}`)
   .join(', ')}). Other values are checked, and refused with a notice, by the widget itself. */
(${loader})(${JSON.stringify(EMBED_ATTRIBUTES)}, ${JSON.stringify(EMBED_ALIASES)}, ${JSON.stringify(EMBED_PAGES)}, ${JSON.stringify(
    Object.values(EMBED_OPTIONS).map((o) => o.name),
  )});
`;
}
