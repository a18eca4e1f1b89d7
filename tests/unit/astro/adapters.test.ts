import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collectionReads, mockCollections } from '../../support/astro-content.ts';

// The adapters in src/astro/ on a mocked astro:content: what they hand to the pure deck and the schedule, and that
// they read the collections once per build.
const entry = (id: string, over: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  id,
  data: {
    title: `Card ${id}`,
    summary: `Summary of ${id}`,
    level: 'beginner',
    kind: 'knowledge',
    topic: { collection: 'topics', id: 'peft' },
    tags: ['lora', 'x'],
    related: [],
    publishedAt: new Date('2026-10-01T00:00:00Z'),
    sources: [{ title: 'LoRA', url: 'https://arxiv.org/abs/2106.09685' }],
    ...over,
  },
  ...extra,
});

const deckCollections = () => ({
  cards: [
    entry('a', { related: [{ collection: 'cards', id: 'b' }] }, { body: 'one two three' }),
    entry('b', { publishedAt: new Date('2026-10-02T00:00:00Z') }, { rendered: { metadata: { words: 250 } } }),
    entry('c', { publishedAt: new Date('2026-10-03T00:00:00Z'), topic: { collection: 'topics', id: 'memory' } }),
  ],
  topics: [
    { id: 'peft', data: { title: 'PEFT', description: 'd', category: 'c', order: 2 } },
    { id: 'memory', data: { title: 'Memory', description: 'd', category: 'c', order: 1 } },
  ],
  series: [],
});

beforeEach(() => {
  vi.resetModules();
  mockCollections(deckCollections());
});
afterEach(() => vi.unstubAllEnvs());

describe('getDeck (src/astro/collections.ts)', () => {
  it('turns references into ids and keeps the loader word count or counts the body', async () => {
    const { getDeck } = await import('../../../src/astro/collections.ts');
    const deck = await getDeck();
    expect(deck.cards.map((c) => c.id)).toEqual(['c', 'b', 'a']);
    const a = deck.byId.get('a');
    expect(a?.topic).toBe('peft');
    expect(a?.related).toEqual(['b']);
    expect(a?.words).toBe(3);
    expect(deck.byId.get('b')?.words).toBe(250);
    expect(deck.topics.map((t) => t.id)).toEqual(['memory', 'peft']);
  });

  it('reads the three collections once per build, however many pages ask', async () => {
    const { getDeck } = await import('../../../src/astro/collections.ts');
    await Promise.all([getDeck(), getDeck(), getDeck()]);
    expect(collectionReads()).toBe(3);
  });
});

describe('getDaily (src/astro/days.ts)', () => {
  it("takes today from SITE_DATE and dates each day's page with an absolute URL", async () => {
    vi.stubEnv('SITE_DATE', '2026-10-03');
    const { getDaily } = await import('../../../src/astro/days.ts');
    const daily = await getDaily();
    expect(daily.todayId).toBe('2026-10-03');
    expect(daily.days.map((d) => d.day)).toEqual(['2026-10-03', '2026-10-02', '2026-10-01']);
    expect(daily.days.every((d) => d.cards.length === 1)).toBe(true);
    expect(daily.entries[0]?.link).toMatch(/^https:\/\/[^/]+\/daily\/2026-10-03\/$/);
    expect(daily.entries[0]?.pubDate.toISOString()).toBe('2026-10-03T06:00:00.000Z');
  });
});

describe('links (src/astro/links.ts)', () => {
  it('joins the build base and the origin once', async () => {
    const { absolute, href, routes, site } = await import('../../../src/astro/links.ts');
    expect(href(routes.card('qlora'))).toBe(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}cards/qlora/`);
    expect(absolute(routes.dailyFeed())).toBe(`${site.url}/rss.xml`);
  });
});
