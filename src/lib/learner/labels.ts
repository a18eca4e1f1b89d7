// Every word the learning features show, in one place (src/lib/learner/labels/): pages (server-rendered) and the
// browser code read these, never a literal of their own. One file per surface, so that each browser bundle takes only
// its own words: a bundler puts a module shared by the on-load script and a lazy chunk into the on-load script.
export { CARD_LABELS } from './labels/card.ts';
export { INTEREST_FORM_LABELS, INTEREST_LABELS } from './labels/interests.ts';
export { MARK_LABELS, progressText } from './labels/marks.ts';
export { LEARN_NOTICES } from './labels/notices.ts';
export { REVIEW_LABELS, REVIEW_PAGE_LABELS } from './labels/review.ts';
