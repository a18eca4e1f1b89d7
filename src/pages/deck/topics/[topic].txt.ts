// One topic's cards as Anki notes.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDeck } from '../../../astro/collections.ts';
import { exportLinks, textResponse } from '../../../astro/exports.ts';
import { ankiFile } from '../../../lib/export/anki.ts';

export const getStaticPaths = (async () => {
  const deck = await getDeck();
  return deck.topics.filter((t) => deck.cardsOfTopic(t.id).length > 0).map((t) => ({ params: { topic: t.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const deck = await getDeck();
  return textResponse(ankiFile(deck.cardsOfTopic(params.topic as string), exportLinks(deck)), 'text/plain');
};
