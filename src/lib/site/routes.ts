// Every route of the site, as a site path relative to the base (no leading slash, trailing slash on pages). Pages,
// links, feeds, the sitemap filter, the content check and the link tests all take their paths from here.

export const routes = {
  home: () => '',
  cards: () => 'cards/',
  card: (id: string) => `cards/${id}/`,
  topics: () => 'topics/',
  topic: (id: string) => `topics/${id}/`,
  level: (id: string) => `levels/${id}/`,
  tags: () => 'tags/',
  tag: (id: string) => `tags/${id}/`,
  seriesIndex: () => 'series/',
  series: (id: string) => `series/${id}/`,
  about: () => 'about/',
  aboutMemory: () => 'about/memory/',
  calculator: () => 'calculator/',
  selector: () => 'selector/',
  search: () => 'search/',
  daily: () => 'daily/',
  day: (day: string) => `daily/${day}/`,
  embedCalculator: () => 'embed/calculator/',
  dailyFeed: () => 'rss.xml',
  dailyJsonFeed: () => 'feed.json',
  cardsFeed: () => 'cards/rss.xml',
  topicFeed: (id: string) => `topics/${id}/rss.xml`,
  tagFeed: (id: string) => `tags/${id}/rss.xml`,
  embedScript: () => 'embed.js',
  favicon: () => 'favicon.svg',
  /** The figures' stylesheet (public/figures.css), linked only by card pages that show a <Figure>. */
  figuresCss: () => 'figures.css',
  sitemap: () => 'sitemap-index.xml',
  searchBundle: () => 'pagefind/pagefind.js',
} as const;

/** Pages outside the card collection that a card body may link to (the content check rejects any other site path). */
export const LINKABLE_PAGES: ReadonlySet<string> = new Set([
  routes.home(),
  routes.cards(),
  routes.topics(),
  routes.tags(),
  routes.seriesIndex(),
  routes.about(),
  routes.aboutMemory(),
  routes.calculator(),
  routes.selector(),
  routes.search(),
  routes.daily(),
]);
