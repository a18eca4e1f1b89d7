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
  embedCalculatorFull: () => 'embed/calculator/full/',
  review: () => 'review/',
  /** Every card's quiz as review questions (src/lib/review/question.ts), fetched only by the review page. */
  reviewQuestions: () => 'review/questions.json',
  /** The deck for the home page's interests (src/lib/learner/deck-json.ts), fetched once interests are picked. */
  learnDeck: () => 'learn/deck.json',
  dailyFeed: () => 'rss.xml',
  dailyJsonFeed: () => 'feed.json',
  cardsFeed: () => 'cards/rss.xml',
  topicFeed: (id: string) => `topics/${id}/rss.xml`,
  tagFeed: (id: string) => `tags/${id}/rss.xml`,
  embedScript: () => 'embed.js',
  favicon: () => 'favicon.svg',
  /** The figures' stylesheet (public/figures.css), linked only by card pages that show a <Figure> and /about/memory/. */
  figuresCss: () => 'figures.css',
  sitemap: () => 'sitemap-index.xml',
  searchBundle: () => 'pagefind/pagefind.js',
  // Take the deck away: downloads, the deck as data and saving it offline (the files are in fileRoutes).
  deck: () => 'deck/',
  // What the service worker shows for a page never saved.
  offline: () => 'offline/',
} as const;

/**
 * Files that are not pages: the deck's downloads, the web app manifest and its icons, the service worker, preview
 * images. Apart from `routes` so the islands, which import `routes` for their links, do not carry them.
 */
export const fileRoutes = {
  cardsJson: () => 'api/cards.json',
  cardsJsonSchema: () => 'api/cards.schema.json',
  ankiDeck: () => 'deck/fine-tuning-cards.txt',
  ankiTopicDeck: (topic: string) => `deck/topics/${topic}.txt`,
  markdownDeck: () => 'deck/fine-tuning-cards.md',
  manifest: () => 'manifest.webmanifest',
  icon: () => 'feed-icon.png',
  iconLarge: () => 'feed-icon-512.png',
  serviceWorker: () => 'sw.js',
  /** The card pages "Save the deck for offline" fetches, with their sizes (written after the build). */
  offlineDeck: () => 'offline/deck.json',
  /** The social preview image of a page: `cards/qlora/` → `og/cards/qlora.png`, the home page → `og/home.png`. */
  ogImage: (page: string) => `og/${page.replace(/^\/+|\/+$/g, '') || 'home'}.png`,
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
  routes.deck(),
  routes.review(),
]);
