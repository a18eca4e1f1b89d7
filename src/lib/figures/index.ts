// <Figure id="…" />: the deck's accessible SVG figures, rendered to HTML at build time.
import { FIGURES } from './catalog.ts';
import { figureMarkup } from './svg.ts';

export { FIGURES } from './catalog.ts';
export type { FigureSpec } from './svg.ts';

export const FIGURE_IDS: readonly string[] = Object.keys(FIGURES);

/** Whether rendered card HTML (or an MDX body) shows a figure, so its page must link the figures' stylesheet. */
export const hasFigure = (htmlOrBody: string): boolean => /data-figure="|<Figure\b/.test(htmlOrBody);

/** The HTML of one figure; an unknown id or prop throws a message naming it and the ids that exist. */
export function figureHtml(props: Record<string, unknown>): string {
  for (const key of Object.keys(props))
    if (key !== 'id') throw new Error(`<Figure> prop "${key}" is not a <Figure> prop (use id)`);
  const id = props.id;
  const make = typeof id === 'string' ? FIGURES[id] : undefined;
  if (!make) throw new Error(`<Figure> id ${JSON.stringify(id)} is not a figure (use one of ${FIGURE_IDS.join(', ')})`);
  return figureMarkup(id as string, make());
}
