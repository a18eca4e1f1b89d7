// The deck for the home page's interests (src/lib/learner/deck-json.ts), fetched once a reader has picked interests.
import type { APIRoute } from 'astro';
import { getDeck } from '../../astro/collections.ts';
import { href, routes } from '../../astro/links.ts';
import { learnDeckJson } from '../../lib/learner/deck-json.ts';

export const GET: APIRoute = async () => {
  const deck = await getDeck();
  return new Response(JSON.stringify(learnDeckJson(deck, (id) => href(routes.card(id)))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
