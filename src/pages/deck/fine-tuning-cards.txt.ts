// The whole deck as Anki notes (tab-separated with Anki's file headers), one subdeck per topic.
import type { APIRoute } from 'astro';
import { getDeck } from '../../astro/collections.ts';
import { exportLinks, textResponse } from '../../astro/exports.ts';
import { ankiFile } from '../../lib/export/anki.ts';

export const GET: APIRoute = async () => {
  const deck = await getDeck();
  return textResponse(ankiFile(deck.cards, exportLinks(deck)), 'text/plain');
};
