// The home page's interests: INTEREST_FORM_LABELS are rendered into the page, INTEREST_LABELS written by its script.

export const INTEREST_FORM_LABELS = {
  title: 'Your interests',
  lead: 'Pick topics and levels once: the card of the day on this page then comes from those, in this browser.',
  topics: 'Topics',
  levels: 'Levels',
  save: 'Save interests',
  clear: 'Clear',
  feeds: 'Feeds for your interests',
  opml: 'Download these feeds (OPML)',
} as const;

export const INTEREST_LABELS = {
  summaryNone: 'Choose your interests',
  summary: (names: readonly string[]) => `Your interests: ${names.join(', ')}`,
  saved: 'Saved: the card of the day now comes from your interests.',
  cleared: 'Cleared: the card of the day is the site’s again.',
  noMatch: 'No card matches your interests yet, so this is the site’s card of the day.',
  reason: (names: readonly string[]) => `from your interests: ${names.join(', ')}`,
  opmlTitle: 'Fine-Tuning Cards: my feeds',
  opmlFile: 'fine-tuning-cards-feeds.opml',
} as const;
