import { describe, expect, it } from 'vitest';
import site from '../../site.config.mjs';
import { checkContentDir } from '../../src/astro/content-checks.ts';
import { LEVELS } from '../../src/schemas/enums.ts';
import { routes } from '../../src/lib/site/routes.ts';
import { distHas, htmlPages, readDist } from '../support/dist.ts';

// The learner's side of the build: learning order on the listing pages, the learner on every list, the day pages
// that show whole cards, and the two data files the browser fetches.
const deck = checkContentDir(process.cwd(), site.contentDir, site.policy);
const base = site.base;
const fileOf = (page: string) => (page.endsWith('.html') ? page : `${page}index.html`);
const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
const listed = (html: string) => [...main(html).matchAll(/data-card="([^"]+)"/g)].map((m) => m[1] as string);
const byId = new Map(deck.cards.map((c) => [c.id, c.data]));
const rank = (id: string) => LEVELS.indexOf(byId.get(id)?.level ?? 'beginner');

describe('learning order', () => {
  it('starts the beginner level with "What fine-tuning is"', () => {
    const first = listed(readDist('levels/beginner/index.html'))[0] as string;
    expect(first).toBe('what-is-fine-tuning');
    expect(byId.get(first)?.title).toMatch(/^What fine-tuning is/);
  });

  it('lists every topic beginner to advanced, and the cards of a path by part', () => {
    const topics = new Set(deck.cards.map((c) => c.data.topic as unknown as string));
    for (const topic of topics) {
      const ids = listed(readDist(`topics/${topic}/index.html`));
      expect(ids.length, topic).toBe(deck.cards.filter((c) => (c.data.topic as unknown as string) === topic).length);
      const ranks = ids.map(rank);
      expect(ranks, `${topic}: ${ids.join(', ')}`).toEqual([...ranks].sort((a, b) => a - b));
      for (let i = 1; i < ids.length; i++) {
        const [a, b] = [byId.get(ids[i - 1] as string), byId.get(ids[i] as string)];
        if (a?.level === b?.level && a?.series && b?.series?.id === a.series.id)
          expect(b.series.part, `${topic}: ${ids.join(', ')}`).toBeGreaterThan(a.series.part);
      }
    }
  });

  it('lists the beginner path first on /series/ and the home page', () => {
    const first = (html: string) => /href="[^"]*\/series\/([^/"]+)\/"/.exec(html)?.[1];
    expect(first(main(readDist('series/index.html')))).toBe('fine-tuning-basics');
    const home = readDist('index.html');
    expect(first(home.slice(home.indexOf('aria-labelledby="paths-title"')))).toBe('fine-tuning-basics');
    expect(home).toMatch(
      /<a class="button primary" href="[^"]*\/series\/fine-tuning-basics\/"[^>]*>Start the beginner path<\/a>/,
    );
  });

  it('has the learning paths and review in the main navigation of every page', () => {
    for (const page of htmlPages().filter((p) => !p.startsWith('embed/'))) {
      const nav = /<nav class="site-nav" aria-label="Main">([\s\S]*?)<\/nav>/.exec(readDist(fileOf(page)))?.[1] ?? '';
      expect(nav, page).toContain(`href="${base}${routes.seriesIndex()}"`);
      expect(nav, page).toContain(`href="${base}${routes.review()}"`);
    }
  });
});

describe('the learner on the pages', () => {
  it('runs its boot script on every page that lists cards, and on every card page', () => {
    const pages = htmlPages().filter((p) => !p.startsWith('embed/') && /data-card="/.test(readDist(fileOf(p))));
    expect(pages.length).toBeGreaterThan(deck.cards.length);
    for (const page of pages)
      expect(readDist(fileOf(page)), page).toMatch(
        /<script type="module" src="[^"]*LearnBoot\.astro_astro_type_script/,
      );
  });

  it('gives every card page "Mark as understood" and a next card', () => {
    for (const c of deck.cards) {
      const html = readDist(`cards/${c.id}/index.html`);
      expect(html, c.id).toContain(`data-learn-card="${c.id}"`);
      expect(html, c.id).toContain('<input type="checkbox"> Mark as understood</label>');
      const next = /<a class="next" href="[^"]*\/cards\/([^/]+)\/"[^>]*data-learn-next="([^"]*)"/.exec(html);
      expect(next, c.id).not.toBeNull();
      expect(next?.[1], c.id).not.toBe(c.id);
      expect(next?.[2]?.split('\n')[0]?.split(' ')[0], c.id).toBe(next?.[1]);
    }
  });

  it('shows the whole card on each day page, linking to the card page in one click', () => {
    const days = htmlPages().filter((p) => /^daily\/\d{4}-\d{2}-\d{2}\/$/.test(p));
    expect(days.length).toBeGreaterThan(0);
    for (const day of days) {
      const html = readDist(fileOf(day));
      for (const id of listed(html)) {
        const card = readDist(`cards/${id}/index.html`);
        const body =
          /<div class="card-body">([\s\S]*?)<\/div>\s*(?:<section class="panel quiz"|<div class="learn-row")/.exec(
            card,
          )?.[1];
        expect(body, id).toBeTruthy();
        expect(html, `${day} shows the body of ${id}`).toContain(body as string);
        expect(html, day).toMatch(new RegExp(`<h2[^>]*><a href="${base}cards/${id}/"`));
      }
    }
  });
});

describe('data for the browser', () => {
  it('writes every quiz as a review question, for /review/ only', () => {
    expect(distHas(routes.reviewQuestions())).toBe(true);
    const questions = JSON.parse(readDist(routes.reviewQuestions()));
    const withQuiz = deck.cards.filter((c) => c.data.quiz);
    expect(questions.map((q: { card: string }) => q.card).sort()).toEqual(withQuiz.map((c) => c.id).sort());
    for (const q of questions) {
      const quiz = byId.get(q.card)?.quiz;
      expect(q.question).toBe(quiz?.question);
      expect(q.choices).toEqual(quiz?.choices.map((c) => ({ text: c.text, why: c.why })));
      expect(q.answer).toBe(quiz?.answer);
    }
    const review = readDist('review/index.html');
    expect(review).toContain(`data-questions="${base}${routes.reviewQuestions()}"`);
    for (const page of htmlPages().filter((p) => p !== 'review/'))
      expect(readDist(fileOf(page)), page).not.toContain(routes.reviewQuestions());
  });

  it('writes the deck for the interests, with links to built card pages', () => {
    const cards = JSON.parse(readDist(routes.learnDeck()));
    expect(cards.map((c: { id: string }) => c.id).sort()).toEqual(deck.cards.map((c) => c.id).sort());
    for (const c of cards) {
      expect(c.href).toBe(`${base}cards/${c.id}/`);
      expect(c.topic).toBe(byId.get(c.id)?.topic as unknown as string);
      expect(c.level).toBe(byId.get(c.id)?.level);
      expect(c.published).toBe(byId.get(c.id)?.publishedAt.toISOString().slice(0, 10));
    }
    expect(readDist('index.html')).toContain(`data-deck="${base}${routes.learnDeck()}"`);
  });
});
