// Components a card body may use and still be rendered as Markdown by the card loader (src/astro/card-loader.ts): each as
// a function from literal props to HTML. Their MDX counterparts, for cards that stay MDX modules, are in
// src/components/mdx.ts; both call the same HTML function, so a card looks the same either way.
import { figureHtml } from '../figures/index.ts';
import { vramHtml } from '../memory/index.ts';

export const STATIC_COMPONENTS: Record<string, (props: Record<string, string | number | boolean>) => string> = {
  Vram: (props) => vramHtml(props),
  Figure: (props) => figureHtml(props),
};
