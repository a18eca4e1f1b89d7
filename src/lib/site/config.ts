/** Deck rules beyond the schema (the schema allows more; the published deck holds itself to these). */
export interface DeckPolicy {
  minWords: number;
  maxWords: number;
  minRelated: number;
  requireQuiz: boolean;
  minTags: number;
  maxTags: number;
  /** Largest card file, in bytes: a card is 180–400 words plus frontmatter, so a much larger file is a mistake. */
  maxCardBytes: number;
}

export interface SiteConfig {
  name: string;
  tagline: string;
  /** Origin without trailing slash, e.g. https://example.org */
  url: string;
  /** Base path with leading and trailing slash, e.g. `/` or `/cards/`. */
  base: string;
  language: string;
  contentDir: string;
  /** Render every card as an MDX module instead of rendering plain cards in the loader (CARDS_ALL_MDX=1). */
  allMdx: boolean;
  perDay: number;
  policy: DeckPolicy;
}
