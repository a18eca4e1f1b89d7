// The deck's titles of the cards the method selector cites, for the island's props and the decision table: the
// selector's own code carries card ids only.
import { citedCardTitles } from '../lib/selector/cited-cards.ts';
import { getDeck } from './collections.ts';

export async function selectorCardTitles(): Promise<Record<string, string>> {
  return citedCardTitles((await getDeck()).cards);
}
