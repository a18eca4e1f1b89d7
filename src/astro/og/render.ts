// Renders preview images at build time: satori lays the template out as SVG with the text as paths, resvg rasterises
// it, and encodePng writes the PNG. The font ships in the @fontsource/inter package (WOFF, which satori reads); nothing
// is downloaded. A cache key covers everything that changes the pixels, so a rebuild renders only what changed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { OG_HEIGHT, OG_WIDTH, type OgImage } from '../../lib/og/images.ts';
import { OG_COLORS, OG_FONT, ogTemplate } from '../../lib/og/template.ts';
import { encodePng } from './png.ts';

const require = createRequire(import.meta.url);
const FONT_FILES = [
  { weight: 400, subset: 'latin' },
  { weight: 700, subset: 'latin' },
  { weight: 400, subset: 'latin-ext' },
  { weight: 700, subset: 'latin-ext' },
] as const;
// Bump when encodePng or the resvg options change the bytes of an image without changing its template.
const PIPELINE = 'png-l1-v1';

export interface SiteIdentity {
  name: string;
  /** Host shown on the image, e.g. `fine-tuning-cards.example`. */
  host: string;
}

export interface OgRenderer {
  /** Hash of everything that decides the image's pixels. */
  key(image: OgImage): string;
  render(image: OgImage): Promise<Buffer>;
}

export function createOgRenderer(site: SiteIdentity): OgRenderer {
  const fonts = FONT_FILES.map((f) => ({
    name: OG_FONT,
    weight: f.weight,
    style: 'normal' as const,
    data: readFileSync(require.resolve(`@fontsource/inter/files/inter-${f.subset}-${f.weight}-normal.woff`)),
  }));
  const version = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;
  const base = createHash('sha256').update(
    [PIPELINE, version('satori'), version('@resvg/resvg-js'), version('@fontsource/inter')].join('\n'),
  );
  for (const f of fonts) base.update(f.data);
  const salt = base.digest('hex');
  return {
    key: (image) =>
      createHash('sha256')
        .update(salt)
        .update(JSON.stringify(ogTemplate(image, site)))
        .digest('hex')
        .slice(0, 32),
    async render(image) {
      const svg = await satori(ogTemplate(image, site) as unknown as Parameters<typeof satori>[0], {
        width: OG_WIDTH,
        height: OG_HEIGHT,
        fonts,
      });
      const pixels = new Resvg(svg, {
        background: OG_COLORS.background,
        fitTo: { mode: 'original' },
        font: { loadSystemFonts: false },
      }).render();
      return encodePng(pixels.pixels, pixels.width, pixels.height);
    },
  };
}
