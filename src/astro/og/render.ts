// Renders preview images at build time: satori lays each part out as SVG with the text as paths, resvg rasterises it,
// and encodePng writes the PNG. The frame (background, header, strip) is drawn once per strip colour and each eyebrow
// line once per wording; a card costs one title block (a fifth of the canvas) and the PNG encoding, about half of
// drawing the whole image each time. The font ships in the @fontsource/inter package (WOFF, which satori reads);
// nothing is downloaded. The cache key covers everything that changes the pixels, so a rebuild renders only what
// changed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { OG_HEIGHT, OG_WIDTH, type OgImage } from '../../lib/og/images.ts';
import { OG_COLORS, OG_FONT, type OgNode, ogLayout } from '../../lib/og/template.ts';
import { encodePng } from './png.ts';

const require = createRequire(import.meta.url);
const FONT_FILES = [
  { weight: 400, subset: 'latin' },
  { weight: 700, subset: 'latin' },
  { weight: 400, subset: 'latin-ext' },
  { weight: 700, subset: 'latin-ext' },
] as const;
/** What the latin subset covers (@fontsource/inter/unicode.json; control characters never reach a title). Text with
 * anything else also gets latin-ext, which costs satori about a third more time per image. */
const BEYOND_LATIN =
  /[^\u0020-\u00ff\u0131\u0152\u0153\u02bb\u02bc\u02c6\u02da\u02dc\u2000-\u206f\u20ac\u2122\u2191\u2193\u2212\u2215]/u;
// Bump when encodePng or the resvg options change the bytes of an image without changing its template.
const PIPELINE = 'blocks-png-l1-v1';

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
  const allFonts = FONT_FILES.map((f) => ({
    name: OG_FONT,
    weight: f.weight,
    style: 'normal' as const,
    data: readFileSync(require.resolve(`@fontsource/inter/files/inter-${f.subset}-${f.weight}-normal.woff`)),
  }));
  const version = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;
  const base = createHash('sha256').update(
    [PIPELINE, version('satori'), version('@resvg/resvg-js'), version('@fontsource/inter')].join('\n'),
  );
  for (const f of allFonts) base.update(f.data);
  const latinFonts = allFonts.filter((_, i) => FONT_FILES[i]?.subset === 'latin');
  const fontsFor = (node: OgNode) => (BEYOND_LATIN.test(JSON.stringify(node)) ? allFonts : latinFonts);
  const salt = base.digest('hex');
  // Loaded on the first image to draw: a warm rebuild, which only hashes layouts, never pays for them.
  let engines: Promise<[typeof import('satori').default, typeof import('@resvg/resvg-js').Resvg]> | undefined;
  // Satori wants React-like elements; ours are the same shape as plain objects.
  const draw = async (node: OgNode, width: number, height: number) => {
    engines ??= Promise.all([import('satori').then((m) => m.default), import('@resvg/resvg-js').then((m) => m.Resvg)]);
    const [satori, Resvg] = await engines;
    const svg = await satori(node as unknown as Parameters<typeof satori>[0], { width, height, fonts: fontsFor(node) });
    const img = new Resvg(svg, { background: OG_COLORS.background, font: { loadSystemFonts: false } }).render();
    return img.pixels;
  };
  // Parts shared by many images, by the JSON of their layout.
  const shared = new Map<string, Promise<Buffer>>();
  const drawShared = (node: OgNode, width: number, height: number) => {
    const id = JSON.stringify(node);
    const known = shared.get(id);
    if (known) return known;
    const part = draw(node, width, height);
    shared.set(id, part);
    return part;
  };
  return {
    key: (image) =>
      createHash('sha256')
        .update(salt)
        .update(JSON.stringify(ogLayout(image, site)))
        .digest('hex')
        .slice(0, 32),
    async render(image) {
      const layout = ogLayout(image, site);
      const out = Buffer.from(await drawShared(layout.frame, OG_WIDTH, OG_HEIGHT));
      for (const [i, b] of layout.blocks.entries()) {
        // The title is the image's own; the eyebrow ("Beginner · Parameter-efficient fine-tuning") repeats.
        const last = i === layout.blocks.length - 1;
        const pixels = last ? await draw(b.node, b.width, b.height) : await drawShared(b.node, b.width, b.height);
        // Blocks are opaque on the frame's own background colour, so copying rows is the whole composition.
        for (let y = 0; y < b.height; y++)
          pixels.copy(out, ((b.y + y) * OG_WIDTH + b.x) * 4, y * b.width * 4, (y + 1) * b.width * 4);
      }
      return encodePng(out, OG_WIDTH, OG_HEIGHT);
    },
  };
}
