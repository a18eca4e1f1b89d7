// /embed.js (routes.embedScript()): the calculator loader, built from the parameter table so that it accepts exactly
// the calculator's parameters as data-* attributes (a data-* name is the parameter's URL name or one of its aliases).
import type { APIRoute } from 'astro';
import { embedLoader } from '../client/embed-loader.ts';
import { embedScript } from '../lib/memory/embed.ts';

export const GET: APIRoute = () =>
  new Response(embedScript(embedLoader.toString()), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
