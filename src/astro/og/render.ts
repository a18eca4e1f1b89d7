// Renders preview images at build time: satori lays each part out as SVG with the text as paths, resvg rasterises it,
// and assemblePng writes the PNG. The frame (background, header, strip) is drawn once per strip colour and each
// eyebrow line once per wording, and their rows are deflated once too. A title, the one part every image has of its
// own, is drawn by text.ts from glyphs rasterised once (the same layout as satori's, a tenth of the time), then its
// rows are deflated; a title with a character beyond the latin subset goes through satori as the rest. The font ships in the @fontsource/inter package (WOFF, which satori reads);
// nothing is downloaded. The cache key covers everything that changes the pixels, so a rebuild renders only what
// changed.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { OG_HEIGHT, OG_WIDTH, type OgImage } from '../../lib/og/images.ts';
import { OG_COLORS, OG_FONT, type OgBlock, type OgNode, ogLayout } from '../../lib/og/template.ts';
import { assemblePng, deflateRows, type PngRows, paintCoverage, pasteRgb, rgbRows } from './png.ts';
import type { TitleRenderer } from './text.ts';

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
const PIPELINE = 'blocks-png-rgb-runs-title-glyphs-v3';
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
  // Versions from each package's own package.json, found above its entry point (some packages do not export it).
  const version = (pkg: string) => {
    for (let dir = dirname(require.resolve(pkg)); dir !== dirname(dir); dir = dirname(dir)) {
      const file = join(dir, 'package.json');
      if (!existsSync(file)) continue;
      const meta = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version: string };
      if (meta.name === pkg) return meta.version;
    }
    throw new Error(`preview images: no package.json of ${pkg}`);
  };
  const base = createHash('sha256').update(
    [PIPELINE, ...['satori', '@resvg/resvg-js', '@fontsource/inter', 'harfbuzzjs', 'linebreak'].map(version)].join(
      '\n',
    ),
  );
  for (const f of allFonts) base.update(f.data);
  const latinFonts = allFonts.filter((_, i) => FONT_FILES[i]?.subset === 'latin');
  const fontsFor = (node: OgNode) => (BEYOND_LATIN.test(JSON.stringify(node)) ? allFonts : latinFonts);
  const salt = base.digest('hex');
  // Loaded on the first image to draw: a warm rebuild, which only hashes layouts, never pays for them.
  let engines: Promise<[typeof import('satori').default, typeof import('@resvg/resvg-js').Resvg]> | undefined;
  // Satori wants React-like elements; ours are the same shape as plain objects.
  const engine = () =>
    (engines ??= Promise.all([
      import('satori').then((m) => m.default),
      import('@resvg/resvg-js').then((m) => m.Resvg),
    ]));
  const draw = async (node: OgNode, width: number, height: number) => {
    const [satori, Resvg] = await engine();
    const svg = await satori(node as unknown as Parameters<typeof satori>[0], { width, height, fonts: fontsFor(node) });
    const img = new Resvg(svg, { background: OG_COLORS.background, font: { loadSystemFonts: false } }).render();
    return img.pixels;
  };
  // The title font: Inter bold, latin subset (what ogTitle asks for); other titles go through satori.
  const titleFont = allFonts.find((f, i) => f.weight === 700 && FONT_FILES[i]?.subset === 'latin')?.data;
  let titles: Promise<TitleRenderer> | undefined;
  /** A title block's glyph coverage, or undefined when satori has to draw it. */
  const titleCoverage = async (b: OgBlock) => {
    const { style, children } = b.node.props;
    const text = Array.isArray(children) && children.length === 1 ? children[0] : children;
    if (typeof text !== 'string' || BEYOND_LATIN.test(text) || style?.fontWeight !== 700 || !titleFont)
      return undefined;
    titles ??= Promise.all([import('./text.ts'), engine()]).then(([{ createTitleRenderer }, [, Resvg]]) =>
      createTitleRenderer(titleFont, (svg) => {
        const img = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
        return { width: img.width, height: img.height, pixels: img.pixels };
      }),
    );
    return (await titles).coverage(text, {
      fontSize: Number(style.fontSize),
      lineHeight: Number(style.lineHeight),
      width: b.width,
      height: b.height,
    });
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
    let all = rgbCache.get(frameId);
    if (!all) {
      all = rgbRows(frame, OG_WIDTH, 0, OG_HEIGHT);
      rgbCache.set(frameId, all);
    }
    return all.subarray(y0 * (OG_WIDTH * 3 + 1), y1 * (OG_WIDTH * 3 + 1));
  };
  const rowCache = new Map<string, PngRows>();
  // RGB of each coverage 0–255 of the text colour on the background, per colour pair.
  const shades = new Map<string, Uint8Array>();
  const inkShades = (b: OgBlock) => {
    const ink = String(b.node.props.style?.color ?? OG_COLORS.text);
    let lut = shades.get(ink);
    if (!lut) {
      lut = coverageShades(OG_COLORS.background, ink);
      shades.set(ink, lut);
    }
    return lut;
  };
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
        y = b.y;
        // The title is the image's own; the eyebrow ("Beginner · Parameter-efficient fine-tuning") repeats.
        const own = i === layout.blocks.length - 1;
        const title = own ? await titleCoverage(b) : undefined;
        if (title) {
          // Only the rows with ink are the image's own: the frame's rows above them are shared, and the ones below
          // go along into the last piece, which zlib closes (cheap: plain background compresses fast).
          const inkTop = b.y + title.top;
          if (inkTop > y)
            pieces.push(sharedRows(`${frameId}|${y}|${inkTop}`, () => frameRgb(frameId, frame, y, inkTop)));
          const rows = Buffer.from(frameRgb(frameId, frame, inkTop, OG_HEIGHT));
          const ink = title.coverage.subarray(title.top * b.width, title.bottom * b.width);
          paintCoverage(rows, OG_WIDTH, b.x, ink, b.width, inkShades(b));
          pieces.push(deflateRows(rows, OG_WIDTH, OWN_LEVEL, true));
          y = OG_HEIGHT;
          continue;
        }
        const pixels = own ? await draw(b.node, b.width, b.height) : await drawShared(b.node, b.width, b.height);
        // Blocks are opaque on the frame's own background colour, so pasting them onto the frame's rows is the whole
        // composition. The image's own block takes the frame's rows below it along into the last, final piece.
        const rows = (end: number) => {
          const out = Buffer.from(frameRgb(frameId, frame, b.y, end));
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

const rgbOf = (hex: string) => {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`preview image colour ${hex}: give it as #rrggbb`);
  return [m[1], m[2], m[3]].map((c) => Number.parseInt(c as string, 16));
};

/** The 256 RGB colours of `ink` painted at coverage 0–255 over `background` (source-over, rounded to 8 bits). */
export function coverageShades(background: string, ink: string): Uint8Array {
  const bg = rgbOf(background);
  const fg = rgbOf(ink);
  const lut = new Uint8Array(256 * 3);
  for (let a = 0; a < 256; a++)
    for (let c = 0; c < 3; c++)
      lut[a * 3 + c] = Math.round((bg[c] as number) + (((fg[c] as number) - (bg[c] as number)) * a) / 255);
  return lut;
}
