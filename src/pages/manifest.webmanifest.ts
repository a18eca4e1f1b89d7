// The web app manifest: name, icons (the feed icons) and colours, so the site can be installed and read offline.
import type { APIRoute } from 'astro';
import { textResponse } from '../astro/exports.ts';
import { fileRoutes, href, routes, site } from '../astro/links.ts';
import { MANIFEST_COLORS } from '../lib/site/offline-files.ts';

export const GET: APIRoute = () =>
  textResponse(
    `${JSON.stringify(
      {
        id: href(routes.home()),
        name: site.name,
        short_name: 'FT Cards',
        description: site.tagline,
        lang: site.language,
        start_url: href(routes.home()),
        scope: href(routes.home()),
        display: 'standalone',
        background_color: MANIFEST_COLORS.background,
        theme_color: MANIFEST_COLORS.theme,
        icons: [
          { src: href(fileRoutes.icon()), sizes: '144x144', type: 'image/png', purpose: 'any' },
          { src: href(fileRoutes.iconLarge()), sizes: '512x512', type: 'image/png', purpose: 'any' },
        ],
      },
      null,
      2,
    )}\n`,
    'application/manifest+json',
  );
