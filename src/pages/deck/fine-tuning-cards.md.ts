// The whole deck as one Markdown file with sources, for note apps.
import type { APIRoute } from 'astro';
import { getDeck } from '../../astro/collections.ts';
import { exportLinks, textResponse } from '../../astro/exports.ts';
import { deckMarkdown } from '../../lib/export/markdown.ts';

export const GET: APIRoute = async () => {
  const deck = await getDeck();
  return textResponse(deckMarkdown(deck, exportLinks(deck)), 'text/markdown');
};
