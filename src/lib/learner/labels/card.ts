// The card page's own controls and the home page's way back in.

export const CARD_LABELS = {
  mark: 'Mark as understood',
  due: 'Due for review:',
  review: 'Review now',
  next: 'Next card',
  continue: 'Continue where you left off:',
  startPath: 'Start the beginner path',
} as const;
