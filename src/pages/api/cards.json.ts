// Every published card as data, with its sources and quiz; its JSON Schema is /api/cards.schema.json.
import type { APIRoute } from 'astro';
import { cardsJson, textResponse } from '../../astro/exports.ts';

export const GET: APIRoute = async () => textResponse(await cardsJson(), 'application/json');
