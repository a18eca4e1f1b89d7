import { describe, expect, it } from 'vitest';
import site from '../../site.config.mjs';
import { checkContentDir } from '../../src/astro/content-checks.ts';
import { escapeHtml } from '../../src/lib/html/entities.ts';
import { distHas, htmlPages, links, readDist } from '../support/dist.ts';

// Assertions on the production build of the real deck (scripts/test-all.ts builds it first).
const deck = checkContentDir(process.cwd(), site.contentDir, site.policy);
const base = site.base;
const cardHref = (id: string) => `${base}cards/${id}/`;

describe('the build', () => {
  it('validates the deck with no problems', () => {
    expect(deck.problems).toEqual([]);
    expect(deck.cards.length).toBeGreaterThanOrEqual(3);
  });

  it('has a page for every card and none for drafts', () => {
    for (const card of deck.cards) expect(distHas(`cards/${card.id}/index.html`), card.id).toBe(true);
    const built = htmlPages()
      .filter((p) => /^cards\/[^/]+\/$/.test(p))
      .map((p) => p.split('/')[1]);
    expect(built.sort()).toEqual(deck.cards.map((c) => c.id).sort());
  });

  it('lists exactly the cards of each tag on its tag page', () => {
    const tags = new Map<string, string[]>();
    for (const c of deck.cards) for (const t of c.data.tags) tags.set(t, [...(tags.get(t) ?? []), c.id]);
    for (const [tag, ids] of tags) {
      const html = readDist(`tags/${tag}/index.html`);
      const listed = links(html.slice(html.indexOf('<main')))
        .filter((h) => /\/cards\/[^/]+\/$/.test(h))
        .map((h) => h.split('/').at(-2));
      expect([...new Set(listed)].sort(), tag).toEqual([...ids].sort());
    }
  });

  it('lists every card on its topic and level pages', () => {
    for (const c of deck.cards) {
      const topicRef = c.data.topic as unknown as string;
      expect(readDist(`topics/${topicRef}/index.html`)).toContain(`href="${cardHref(c.id)}"`);
      expect(readDist(`levels/${c.data.level}/index.html`)).toContain(`href="${cardHref(c.id)}"`);
    }
  });

  it('puts every page in the sitemap, and nothing else', () => {
    const sitemap = readDist('sitemap-0.xml');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) =>
      (m[1] as string).replace(`${site.url}${base}`, ''),
    );
    // The 404 page, the embed and the service worker's offline page are not for search engines (astro.config.mjs).
    const pages = htmlPages().filter((p) => p !== '404.html' && !p.startsWith('embed/') && p !== 'offline/');
    expect(locs.sort()).toEqual(pages.sort());
  });

  it('renders a complete card page', () => {
    const card = deck.cards.find((c) => c.data.quiz && c.data.series) ?? deck.cards[0];
    if (!card) throw new Error('no card');
    const html = readDist(`cards/${card.id}/index.html`);
    expect(html).toContain(`<link rel="canonical" href="${site.url}${base}cards/${card.id}/">`);
    expect(html).toContain(`<meta property="og:title" content="${escapeHtml(card.data.title)}">`);
    expect(html).toMatch(
      /<script type="application\/ld\+json">\{"@context":"https:\/\/schema.org","@type":"LearningResource"/,
    );
    expect(html).toContain('data-pagefind-body');
    expect(html).toContain('<details><summary>Show the answer</summary>');
    for (const s of card.data.sources) expect(html).toContain(`href="${s.url}"`);
    for (const t of card.data.tags) expect(html).toContain(`href="${base}tags/${t}/"`);
    if (card.data.series) expect(html).toMatch(new RegExp(`Part ${card.data.series.part} of \\d+ in`));
  });

  it('links prev and next along every series in order', () => {
    const series = new Map<string, { id: string; part: number }[]>();
    for (const c of deck.cards)
      if (c.data.series)
        series.set(c.data.series.id, [...(series.get(c.data.series.id) ?? []), { id: c.id, part: c.data.series.part }]);
    for (const [, members] of series) {
      members.sort((a, b) => a.part - b.part);
      members.forEach((m, i) => {
        const html = readDist(`cards/${m.id}/index.html`);
        const next = members[i + 1];
        const prev = members[i - 1];
        if (next) expect(html, m.id).toMatch(new RegExp(`href="${cardHref(next.id)}" rel="next"`));
        else expect(html, m.id).not.toContain('rel="next"');
        if (prev) expect(html, m.id).toMatch(new RegExp(`href="${cardHref(prev.id)}" rel="prev"`));
      });
    }
  });

  it('gives every page a unique title and description', () => {
    const seen = new Map<string, string>();
    for (const page of htmlPages().filter((p) => !p.startsWith('embed/'))) {
      const html = readDist(page.endsWith('.html') ? page : `${page}index.html`);
      const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
      const desc = /<meta name="description" content="([^"]*)"/.exec(html)?.[1];
      expect(title, page).toBeTruthy();
      expect(desc, page).toBeTruthy();
      expect(seen.get(`t:${title}`), `title of ${page}`).toBeUndefined();
      seen.set(`t:${title}`, page);
    }
  });

  it('serves robots.txt with the sitemap and a 404 page', () => {
    expect(readDist('robots.txt')).toContain(`Sitemap: ${site.url}${base}sitemap-index.xml`);
    expect(readDist('404.html')).toContain('This page does not exist');
  });
});
