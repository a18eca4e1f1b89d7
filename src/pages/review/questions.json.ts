// Every card's quiz as a review question, for /review/ only (a static file, fetched there and nowhere else).
import type { APIRoute } from 'astro';
import { getDeck } from '../../astro/collections.ts';
import { type ReviewQuestion, toReviewQuestion } from '../../lib/review/question.ts';

export const GET: APIRoute = async () => {
  const deck = await getDeck();
  const questions = deck.learningOrder.map(toReviewQuestion).filter((q): q is ReviewQuestion => q !== undefined);
  return new Response(JSON.stringify(questions), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
