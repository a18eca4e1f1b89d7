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

export function ogTemplate(image: OgImage, site: { name: string; host: string }): OgNode {
  const strip = image.level ? LEVEL_COLORS[image.level] : OG_COLORS.accent;
  const mark = el(
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
          image.eyebrow.split(' · ')[0] ?? '',
        ),
      ]
    : [];
  const eyebrowText = image.level ? image.eyebrow.split(' · ').slice(1).join(' · ') : image.eyebrow;
  return el(
    'div',
    {
      width: OG_WIDTH,
      height: OG_HEIGHT,
      display: 'flex',
      flexDirection: 'column',
      backgroundColor: OG_COLORS.background,
      color: OG_COLORS.text,
      fontFamily: OG_FONT,
    },
    el(
      'div',
      {
        display: 'flex',
        flexDirection: 'column',
        flexGrow: 1,
        paddingTop: 56,
        paddingBottom: 56,
        paddingLeft: 72,
        paddingRight: 72,
      },
      el(
        'div',
        { display: 'flex', alignItems: 'center', justifyContent: 'space-between', fontSize: 32 },
        el(
          'div',
          { display: 'flex', alignItems: 'center' },
          mark,
          el('div', { marginLeft: 18, fontWeight: 700 }, site.name),
        ),
        el('div', { color: OG_COLORS.muted, fontSize: 26 }, site.host),
      ),
      el(
        'div',
        { display: 'flex', flexDirection: 'column', justifyContent: 'center', flexGrow: 1 },
        el(
          'div',
          { display: 'flex', alignItems: 'center', fontSize: 30, color: OG_COLORS.muted, marginBottom: 24 },
          ...badge,
          eyebrowText,
        ),
        el(
          'div',
          { display: 'flex', fontSize: titleSize(image.title), fontWeight: 700, lineHeight: 1.12 },
          image.title,
        ),
      ),
    ),
    el('div', { display: 'flex', width: OG_WIDTH, height: 18, backgroundColor: strip }),
  );
}
