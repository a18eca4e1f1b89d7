import type { Level } from '../../schemas/enums.ts';
import { OG_HEIGHT, OG_WIDTH, type OgImage } from './images.ts';

// The layout of every preview image, as the element tree satori lays out (plain objects, no JSX runtime). One colour
// scheme for light and dark feeds: a deep indigo card with white text and a bright accent strip stands out on a white
// timeline and, with its lighter strip and badge, on a black one. Type sizes hold up in a 400 px wide thumbnail.

export interface OgNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: (OgNode | string)[] | OgNode | string };
}

export const OG_COLORS = {
  background: '#1e1b4b',
  text: '#ffffff',
  muted: '#c7d2fe',
  accent: '#a5b4fc',
  badgeText: '#1e1b4b',
} as const;

/** The badge colours follow the site's level colours in dark mode (src/styles/global.css). */
export const LEVEL_COLORS: Record<Level, string> = {
  beginner: '#86efac',
  intermediate: '#fcd34d',
  advanced: '#fda4af',
};

/** The font family the renderer registers (Inter, regular and bold). */
export const OG_FONT = 'Inter';

const el = (type: string, style: Record<string, string | number>, ...children: (OgNode | string)[]): OgNode => ({
  type,
  props: { style, children },
});

/** Long titles step down in size so three lines always fit. */
export function titleSize(title: string): number {
  if (title.length <= 36) return 76;
  if (title.length <= 60) return 64;
  return 54;
}

/** Where the parts sit: the frame (background, header, strip) is shared by every image with the same strip colour;
 * the eyebrow and the title are drawn in their own boxes on the frame's plain background. */
export const OG_LAYOUT = {
  padX: 72,
  eyebrow: { y: 196, height: 64 },
  title: { y: 284, height: 200 },
  stripHeight: 18,
} as const;

const CONTENT_WIDTH = OG_WIDTH - 2 * OG_LAYOUT.padX;

export interface OgBlock {
  x: number;
  y: number;
  width: number;
  height: number;
  node: OgNode;
}

/** An image as the renderer draws it: a frame, then blocks on it. Its JSON is part of the image's cache key. */
export interface OgLayout {
  frame: OgNode;
  blocks: OgBlock[];
}

function mark(): OgNode {
  return el(
    'div',
    { display: 'flex', position: 'relative', width: 44, height: 44 },
    el('div', {
      position: 'absolute',
      left: 0,
      top: 10,
      width: 30,
      height: 30,
      borderRadius: 7,
      border: `4px solid ${OG_COLORS.muted}`,
    }),
    el('div', {
      position: 'absolute',
      left: 12,
      top: 0,
      width: 30,
      height: 30,
      borderRadius: 7,
      backgroundColor: OG_COLORS.text,
    }),
  );
}

/** Background, the site's mark, name and host along the top, and a strip in the level's colour along the bottom. */
export function ogFrame(site: { name: string; host: string }, strip: string): OgNode {
  return el(
    'div',
    {
      width: OG_WIDTH,
      height: OG_HEIGHT,
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      backgroundColor: OG_COLORS.background,
      color: OG_COLORS.text,
      fontFamily: OG_FONT,
    },
    el(
      'div',
      {
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        fontSize: 32,
        paddingTop: 56,
        paddingLeft: OG_LAYOUT.padX,
        paddingRight: OG_LAYOUT.padX,
      },
      el(
        'div',
        { display: 'flex', alignItems: 'center' },
        mark(),
        el('div', { marginLeft: 18, fontWeight: 700 }, site.name),
      ),
      el('div', { color: OG_COLORS.muted, fontSize: 26 }, site.host),
    ),
    el('div', { display: 'flex', width: OG_WIDTH, height: OG_LAYOUT.stripHeight, backgroundColor: strip }),
  );
}

function ogEyebrow(image: OgImage): OgNode {
  const [first = '', ...rest] = image.eyebrow.split(' · ');
  const badge = image.level
    ? [
        el(
          'div',
          {
            display: 'flex',
            padding: '4px 18px',
            marginRight: 18,
            borderRadius: 999,
            backgroundColor: LEVEL_COLORS[image.level],
            color: OG_COLORS.badgeText,
            fontWeight: 700,
          },
          first,
        ),
      ]
    : [];
  return el(
    'div',
    {
      width: CONTENT_WIDTH,
      height: OG_LAYOUT.eyebrow.height,
      display: 'flex',
      alignItems: 'center',
      fontFamily: OG_FONT,
      fontSize: 30,
      color: OG_COLORS.muted,
    },
    ...badge,
    image.level ? rest.join(' · ') : image.eyebrow,
  );
}

function ogTitle(image: OgImage): OgNode {
  return el(
    'div',
    {
      width: CONTENT_WIDTH,
      height: OG_LAYOUT.title.height,
      display: 'flex',
      fontFamily: OG_FONT,
      fontSize: titleSize(image.title),
      fontWeight: 700,
      lineHeight: 1.12,
      color: OG_COLORS.text,
    },
    image.title,
  );
}

/** The whole image: the frame for its strip colour, the eyebrow line, then the title in up to three lines. */
export function ogLayout(image: OgImage, site: { name: string; host: string }): OgLayout {
  const block = (box: { y: number; height: number }, node: OgNode): OgBlock => ({
    x: OG_LAYOUT.padX,
    y: box.y,
    width: CONTENT_WIDTH,
    height: box.height,
    node,
  });
  return {
    frame: ogFrame(site, image.level ? LEVEL_COLORS[image.level] : OG_COLORS.accent),
    blocks: [block(OG_LAYOUT.eyebrow, ogEyebrow(image)), block(OG_LAYOUT.title, ogTitle(image))],
  };
}
