// The one place for site identity and deployment settings. Environment variables override for deploys, tests
// under a base path, and the benchmark's synthetic decks.
// Read through globalThis so bundlers never inline `process.env.X` at build time.
const env = globalThis.process?.env ?? {};
const base = env.BASE_PATH ?? '/';

/** @type {import('./src/lib/site/config.ts').SiteConfig} */
export default {
  name: 'Fine-Tuning Cards',
  tagline: 'Short, sourced cards on fine-tuning LLMs, with a method selector and a VRAM calculator.',
  // `.example` is a reserved TLD: set SITE_URL to your real origin when you deploy (feeds need absolute URLs).
  url: (env.SITE_URL ?? 'https://fine-tuning-cards.example').replace(/\/+$/, ''),
  base: base.endsWith('/') ? base : `${base}/`,
  language: 'en',
  contentDir: env.CONTENT_DIR ?? 'content',
  // CARDS_ALL_MDX=1 renders every card as an MDX module, as Astro's glob loader does, instead of rendering plain cards
  // in the loader (src/astro/card-loader.ts); a build test compares the two.
  allMdx: env.CARDS_ALL_MDX === '1',
  // Cards per day in the daily schedule and its feeds.
  perDay: 1,
  // Deck policy, enforced by the content check before every build and by `npm run check`.
  // maxCardBytes: the largest card today is about 5 kB; 32 kB leaves room for long source lists and tables.
  policy: {
    minWords: 180,
    maxWords: 400,
    minRelated: 2,
    requireQuiz: true,
    minTags: 2,
    maxTags: 6,
    // A card's `verified` API check older than this many months (before SITE_DATE or today) draws a warning.
    maxVerifiedAgeMonths: 12,
    // Right answers spread over the positions (at most 40% in any one), and at most a third of the quizzes whose
    // answer is over 30% longer than every wrong option; from 10 quizzes on.
    quiz: { maxAnswerShare: 0.4, longestMargin: 0.3, maxLongestShare: 1 / 3, minQuizzes: 10 },
    maxCardBytes: 32_768,
  },
};
