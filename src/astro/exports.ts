// The deck's downloads (/api/cards.json, the Anki files, the Markdown file) bound to this build's deck and URLs; the
// formats themselves are pure functions in src/lib/export.
import { cardsExportSchema } from '../schemas/export.ts';
import type { Deck } from '../lib/cards/deck.ts';
import { exportDeck } from '../lib/export/json.ts';
import type { ExportLinks } from '../lib/export/links.ts';
import { getDeck } from './collections.ts';
import { absolute, site } from './links.ts';

export const exportLinks = (deck: Deck): ExportLinks => ({
  siteName: site.name,
  url: absolute,
  topicTitle: (id) => deck.topicById.get(id)?.title ?? id,
});

/** /api/cards.json, checked against its own schema before it is written: a bad export fails the build. */
export async function cardsJson(): Promise<string> {
  const deck = await getDeck();
  const data = exportDeck(deck, exportLinks(deck));
  const checked = cardsExportSchema.safeParse(data);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new Error(`api/cards.json does not match its schema at ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return `${JSON.stringify(data, null, 2)}\n`;
}

export const textResponse = (body: string, type: string): Response =>
  new Response(body, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
