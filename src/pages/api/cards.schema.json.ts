// The JSON Schema of /api/cards.json, generated from the zod schemas the content check uses.
import type { APIRoute } from 'astro';
import { textResponse } from '../../astro/exports.ts';
import { absolute, fileRoutes } from '../../astro/links.ts';
import { cardsJsonSchema } from '../../schemas/export.ts';

export const GET: APIRoute = () =>
  textResponse(
    `${JSON.stringify(cardsJsonSchema(absolute(fileRoutes.cardsJsonSchema())), null, 2)}\n`,
    'application/schema+json',
  );
