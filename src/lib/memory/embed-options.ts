// The embed's own options: how the widget looks on the host page, not what it computes (those are the calculator's
// parameters, parameters.ts). The loader (/embed.js) reads them as data-layout and data-theme, the widget as the
// `layout` and `theme` query names; values outside these lists are ignored with a notice. No imports and no prose
// (that is EMBED_OPTION_HELP in embed.ts): the island ships this file.

export interface EmbedOption {
  /** data-* attribute (without `data-`) on the loader's <script>, and the query name the widget reads */
  name: string;
  /** allowed values; the first is the default */
  values: readonly string[];
}

export const EMBED_OPTIONS = {
  layout: {
    name: 'layout',
    values: ['compact', 'full'],
  },
  theme: {
    name: 'theme',
    values: ['light', 'dark', 'auto'],
  },
} as const satisfies Record<string, EmbedOption>;

export type EmbedLayout = (typeof EMBED_OPTIONS.layout.values)[number];

/** Query names the loader adds for itself: the host page's origin and the frame's id. */
export const EMBED_LOADER_NAMES: readonly string[] = ['host', 'frame'];

/** Query names the widget reads besides the calculator's parameters. */
export const EMBED_RESERVED: readonly string[] = [
  ...EMBED_LOADER_NAMES,
  ...Object.values(EMBED_OPTIONS).map((o) => o.name),
];
