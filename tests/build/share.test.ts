import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import site from '../../site.config.mjs';
import { checkContentDir } from '../../src/astro/content-checks.ts';
import { ankiGuid } from '../../src/lib/export/anki.ts';
import { OG_HEIGHT, OG_WIDTH } from '../../src/lib/og/images.ts';
import type { OfflineDeck } from '../../src/lib/site/offline-files.ts';
import { fileRoutes, routes } from '../../src/lib/site/routes.ts';
import { parseAnkiFile } from '../support/anki.ts';
import { DIST, distHas, htmlPages, readDist } from '../support/dist.ts';
import { tags } from '../support/html.ts';

// What readers take away from the build: preview images, the deck as data, Anki and Markdown files, the manifest and
// the service worker's lists.
const deck = checkContentDir(process.cwd(), site.contentDir, site.policy);
const base = site.base;
const origin = `${site.url}${base}`;
const fileOf = (page: string) => (page.endsWith('.html') ? page : `${page}index.html`);
const meta = (html: string, key: string) =>
  tags(html)
    .filter((t) => t.name === 'meta' && (t.attrs.property === key || t.attrs.name === key))
    .map((t) => t.attrs.content ?? '');

/** Width and height from a PNG's IHDR, or undefined when the bytes are not a PNG. */
function pngSize(file: string): { width: number; height: number } | undefined {
  const b = readFileSync(file);
  if (b.length < 24 || b.toString('latin1', 1, 4) !== 'PNG' || b.toString('latin1', 12, 16) !== 'IHDR')
    return undefined;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('social preview images', () => {
  const pages = htmlPages();
  const used = new Set<string>();

  it(`gives every page one og:image that resolves to a ${OG_WIDTH}×${OG_HEIGHT} PNG, with alt text and a large Twitter card`, () => {
    const problems: string[] = [];
    for (const page of pages) {
      const html = readDist(fileOf(page));
      const [image, ...more] = meta(html, 'og:image');
      if (!image || more.length > 0) {
        problems.push(`${page}: ${more.length + (image ? 1 : 0)} og:image tags`);
        continue;
      }
      if (!image.startsWith(`${origin}og/`)) problems.push(`${page}: og:image ${image} is not under ${origin}og/`);
      const path = image.slice(origin.length);
      used.add(path);
      const size = distHas(path) ? pngSize(join(DIST, path)) : undefined;
      if (size?.width !== OG_WIDTH || size?.height !== OG_HEIGHT)
        problems.push(`${page}: ${path} is ${size ? `${size.width}×${size.height}` : 'not a PNG in the build'}`);
      if (!meta(html, 'og:image:alt')[0]) problems.push(`${page}: no og:image:alt`);
      if (meta(html, 'twitter:card')[0] !== 'summary_large_image') problems.push(`${page}: twitter:card is not large`);
      if (meta(html, 'twitter:image')[0] !== image) problems.push(`${page}: twitter:image differs from og:image`);
    }
    expect(pages.length).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });

  it('gives each card, topic, learning path, the home, selector and calculator page its own image', () => {
    const own = (page: string) => meta(readDist(fileOf(page)), 'og:image')[0];
    for (const c of deck.cards) expect(own(routes.card(c.id)), c.id).toBe(`${origin}og/cards/${c.id}.png`);
    for (const page of pages.filter((p) => /^(topics|series)\/[^/]+\/$/.test(p)))
      expect(own(page), page).toBe(`${origin}${fileRoutes.ogImage(page)}`);
    for (const page of [routes.home(), routes.selector(), routes.calculator()])
      expect(own(page), page || 'home').toBe(`${origin}${fileRoutes.ogImage(page)}`);
    const alt = meta(readDist(fileOf(routes.card(deck.cards[0]?.id ?? ''))), 'og:image:alt')[0];
    expect(alt).toContain(deck.cards[0]?.data.title);
  });

  it('leaves no image in the build that no page uses', () => {
    const files = (readdirSync(join(DIST, 'og'), { recursive: true, encoding: 'utf8' }) as string[])
      .filter((f) => f.endsWith('.png'))
      .map((f) => `og/${f.replaceAll('\\', '/')}`);
    expect(files.filter((f) => !used.has(f))).toEqual([]);
  });
});

describe('the deck as data', () => {
  const data = JSON.parse(readDist(fileRoutes.cardsJson()));
  const schema = JSON.parse(readDist(fileRoutes.cardsJsonSchema()));

  it('validates /api/cards.json against /api/cards.schema.json', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(data), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    expect(data.$schema).toBe(schema.$id);
    expect(schema.$id).toBe(`${origin}${fileRoutes.cardsJsonSchema()}`);
  });

  it('lists every published card once, with the URL of its page and its sources and quiz', () => {
    const ids = data.cards.map((c: { id: string }) => c.id);
    expect([...ids].sort()).toEqual(deck.cards.map((c) => c.id).sort());
    for (const c of data.cards) {
      expect(c.url).toBe(`${origin}${routes.card(c.id)}`);
      expect(distHas(fileOf(routes.card(c.id)))).toBe(true);
      const source = deck.cards.find((d) => d.id === c.id);
      expect(c.sources).toEqual(source?.data.sources);
      expect(c.quiz).toEqual(source?.data.quiz);
    }
  });
});

describe('the Anki files', () => {
  const whole = parseAnkiFile(readDist(fileRoutes.ankiDeck()));
  const withQuiz = deck.cards.filter((c) => c.data.quiz);

  it('has one note per card with a quiz, read back with the columns its header names', () => {
    expect(whole.headers.get('separator')).toBe('tab');
    expect(whole.headers.get('notetype')).toBe('Basic');
    expect(whole.rows.map((r) => r[0]).sort()).toEqual(withQuiz.map((c) => ankiGuid(c.id)).sort());
    for (const c of withQuiz) {
      const row = whole.rows.find((r) => r[0] === ankiGuid(c.id)) ?? [];
      expect(row[2], c.id).toContain(`href="${origin}${routes.card(c.id)}"`);
      expect(row[4]?.split(' '), c.id).toEqual(c.data.tags);
    }
  });

  it('has a file per topic with exactly that topic’s notes', () => {
    const topics = new Set(withQuiz.map((c) => c.data.topic as unknown as string));
    for (const t of topics) {
      const file = parseAnkiFile(readDist(fileRoutes.ankiTopicDeck(t)));
      const expected = withQuiz.filter((c) => (c.data.topic as unknown as string) === t).map((c) => ankiGuid(c.id));
      expect(file.rows.map((r) => r[0]).sort(), t).toEqual(expected.sort());
      expect(new Set(file.rows.map((r) => r[3])).size, t).toBe(1);
    }
  });
});

describe('the Markdown file', () => {
  const md = readDist(fileRoutes.markdownDeck());
  it('has every card with a link to it and every source', () => {
    for (const c of deck.cards) {
      expect(md, c.id).toContain(`Card: ${origin}${routes.card(c.id)}`);
      for (const s of c.data.sources) expect(md, `${c.id}: ${s.url}`).toContain(`](${s.url.replace(/[()]/g, '\\$&')})`);
    }
  });
});

describe('offline', () => {
  const manifest = JSON.parse(readDist(fileRoutes.manifest()));

  it('has a web app manifest with the site name, scope and icons of the sizes it declares', () => {
    expect(manifest).toMatchObject({ name: site.name, start_url: base, scope: base, display: 'standalone' });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    for (const icon of manifest.icons) {
      const size = pngSize(join(DIST, icon.src.slice(base.length)));
      expect(`${size?.width}x${size?.height}`, icon.src).toBe(icon.sizes);
    }
    expect(manifest.icons.some((i: { sizes: string }) => i.sizes === '512x512')).toBe(true);
  });

  it('links the manifest and the service worker from every page', () => {
    for (const page of htmlPages()) {
      const link = tags(readDist(fileOf(page))).find((t) => t.name === 'link' && t.attrs.rel === 'manifest');
      expect(link?.attrs.href, page).toBe(`${base}${fileRoutes.manifest()}`);
      expect(link?.attrs['data-sw'], page).toBe(`${base}${fileRoutes.serviceWorker()}`);
    }
  });

  it('precaches the whole search index, the tools and the offline page', () => {
    const sw = readDist(fileRoutes.serviceWorker());
    const urls = new Set([...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]));
    const index = (readdirSync(join(DIST, 'pagefind'), { recursive: true, encoding: 'utf8' }) as string[]).filter((f) =>
      statSync(join(DIST, 'pagefind', f)).isFile(),
    );
    expect(index.length).toBeGreaterThan(5);
    for (const f of index) expect(urls, f).toContain(`${base}pagefind/${f.replaceAll('\\', '/')}`);
    for (const page of [routes.calculator(), routes.selector(), routes.search(), routes.offline()])
      expect(urls, page).toContain(`${base}${page}index.html`);
  });

  it('lists every card page with its size for "Save the deck for offline"', () => {
    const list = JSON.parse(readDist(fileRoutes.offlineDeck())) as OfflineDeck;
    expect(list.pages.map((p) => p.url).sort()).toEqual(deck.cards.map((c) => `${base}${routes.card(c.id)}`).sort());
    for (const p of list.pages)
      expect(p.bytes, p.url).toBe(statSync(join(DIST, fileOf(p.url.slice(base.length)))).size);
    expect(list.bytes).toBe(list.pages.reduce((n, p) => n + p.bytes, 0));
  });
});
