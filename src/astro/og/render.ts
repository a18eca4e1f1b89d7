// Renders preview images at build time: satori lays each part out as SVG with the text as paths, resvg rasterises it,
// and assemblePng writes the PNG. The frame (background, header, strip) is drawn once per strip colour and each
// eyebrow line once per wording, and their rows are deflated once too; a card costs one title block (a fifth of the
// canvas) and deflating its rows. The font ships in the @fontsource/inter package (WOFF, which satori reads);
// nothing is downloaded. The cache key covers everything that changes the pixels, so a rebuild renders only what
// changed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { OG_HEIGHT, OG_WIDTH, type OgImage } from '../../lib/og/images.ts';
import { OG_COLORS, OG_FONT, type OgNode, ogLayout } from '../../lib/og/template.ts';
import { assemblePng, deflateRows, type PngRows, pasteRgb, rgbRows } from './png.ts';

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
// Bump when the PNG encoding or the resvg options change the bytes of an image without changing its template.
const PIPELINE = 'blocks-png-rgb-runs-v2';
// Rows shared by many images are deflated once, so they can afford zlib's strongest level; a title's rows, deflated
// per image, the fastest.
const SHARED_LEVEL = 9;
const OWN_LEVEL = 1;

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
  // The frames' rows as RGB, and deflated rows shared by many images, by the frame and the block they show.
  const rgbCache = new Map<string, Buffer>();
  const frameRgb = (frameId: string, frame: Buffer, y0: number, y1: number) => {
    const id = `${frameId}|${y0}|${y1}`;
    let known = rgbCache.get(id);
    if (!known) {
      known = rgbRows(frame, OG_WIDTH, y0, y1);
      rgbCache.set(id, known);
    }
    return known;
  };
  const rowCache = new Map<string, PngRows>();
  const sharedRows = (id: string, rows: () => Buffer) => {
    let known = rowCache.get(id);
    if (!known) {
      known = deflateRows(rows(), OG_WIDTH, SHARED_LEVEL);
      rowCache.set(id, known);
    }
    return known;
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
      const frameId = JSON.stringify(layout.frame);
      const frame = await drawShared(layout.frame, OG_WIDTH, OG_HEIGHT);
      const pieces: PngRows[] = [];
      let y = 0;
      for (const [i, b] of layout.blocks.entries()) {
        if (b.y < y) throw new Error(`preview image layout: a block at y ${b.y} overlaps the one above (ends at ${y})`);
        if (b.y > y) pieces.push(sharedRows(`${frameId}|${y}|${b.y}`, () => frameRgb(frameId, frame, y, b.y)));
        // The title is the image's own; the eyebrow ("Beginner · Parameter-efficient fine-tuning") repeats.
        const own = i === layout.blocks.length - 1;
        const pixels = own ? await draw(b.node, b.width, b.height) : await drawShared(b.node, b.width, b.height);
        // Blocks are opaque on the frame's own background colour, so pasting them onto the frame's rows is the whole
        // composition. The image's own block takes the frame's rows below it along into the last, final piece.
        const rows = (end: number) => {
          const out = Buffer.concat([frameRgb(frameId, frame, b.y, end)]);
          pasteRgb(out, OG_WIDTH, b.x, pixels, b.width);
          return out;
        };
        pieces.push(
          own
            ? deflateRows(rows(OG_HEIGHT), OG_WIDTH, OWN_LEVEL, true)
            : sharedRows(`${frameId}|${JSON.stringify(b)}`, () => rows(b.y + b.height)),
        );
        y = own ? OG_HEIGHT : b.y + b.height;
      }
      if (y < OG_HEIGHT)
        pieces.push(sharedRows(`${frameId}|${y}|${OG_HEIGHT}`, () => frameRgb(frameId, frame, y, OG_HEIGHT)));
      return assemblePng(OG_WIDTH, OG_HEIGHT, pieces);
    },
  };
}
