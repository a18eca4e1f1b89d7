import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { hasInterests, interestCard, interestNames, matchesInterests } from '../../../src/lib/learner/interests.ts';
import { buildOpml } from '../../../src/lib/learner/opml.ts';
import { createSchedule } from '../../../src/lib/schedule/index.ts';
import { deck } from './helpers.ts';

const cards = deck.cards;
const TOPICS = ['peft', 'strategy', 'data'];
const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
const interestsArb = fc.record({
  topics: fc.uniqueArray(fc.constantFrom(...TOPICS)),
  levels: fc.uniqueArray(fc.constantFrom(...LEVELS)),
});
const dayArb = fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.UTC(2026, 9, 1 + d)));

describe('interests', () => {
  it('match on topic and level, an empty list meaning any', () => {
    const c = { topic: 'peft', level: 'beginner' };
    expect(matchesInterests(c, { topics: ['peft'], levels: [] })).toBe(true);
    expect(matchesInterests(c, { topics: ['data'], levels: [] })).toBe(false);
    expect(matchesInterests(c, { topics: ['peft'], levels: ['advanced'] })).toBe(false);
    expect(matchesInterests(c, { topics: [], levels: ['beginner'] })).toBe(true);
    expect(hasInterests({ topics: [], levels: [] })).toBe(false);
    expect(hasInterests(undefined)).toBe(false);
  });

  it('pick the card of the same schedule run over the matching cards only', () => {
    fc.assert(
      fc.property(interestsArb, dayArb, (interests, day) => {
        const picked = interestCard(cards, interests, day);
        const matching = cards.filter((c) => matchesInterests(c, interests));
        expect(picked).toBe(createSchedule(matching).cardsForDay(day)[0]);
        if (picked) expect(matchesInterests(picked, interests)).toBe(true);
      }),
    );
  });

  it('give a new card from the interests every day until each matching card was shown', () => {
    const interests = { topics: ['peft'], levels: [] };
    const matching = cards.filter((c) => matchesInterests(c, interests));
    const start = new Date(Date.UTC(2026, 10, 1));
    const shown = matching.map(
      (_, i) => interestCard(cards, interests, new Date(start.getTime() + i * 86_400_000))?.id,
    );
    expect(new Set(shown).size).toBe(matching.length);
  });

  it('name the interests that matched, for the reason line', () => {
    const names = { topic: (t: string) => t.toUpperCase(), level: (l: string) => `L:${l}` };
    const c = { topic: 'peft', level: 'beginner' };
    expect(interestNames(c, { topics: ['peft', 'data'], levels: ['beginner'] }, names)).toEqual(['PEFT', 'L:beginner']);
    expect(interestNames(c, { topics: [], levels: ['beginner'] }, names)).toEqual(['L:beginner']);
  });
});

describe('OPML', () => {
  it('lists the feeds as escaped outlines of a valid OPML 2.0 document', () => {
    const xml = buildOpml(
      'My <feeds> & more',
      [
        { title: 'Cards: "Data"', xmlUrl: 'https://x.example/topics/data/rss.xml?a=1&b=2' },
        {
          title: 'Cards: PEFT',
          xmlUrl: 'https://x.example/topics/peft/rss.xml',
          htmlUrl: 'https://x.example/topics/peft/',
        },
      ],
      new Date('2026-12-01T08:00:00Z'),
    );
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    expect(doc.opml.version).toBe('2.0');
    expect(doc.opml.head).toEqual({ title: 'My <feeds> & more', dateCreated: 'Tue, 01 Dec 2026 08:00:00 GMT' });
    expect(doc.opml.body.outline).toEqual([
      {
        type: 'rss',
        text: 'Cards: "Data"',
        title: 'Cards: "Data"',
        xmlUrl: 'https://x.example/topics/data/rss.xml?a=1&b=2',
      },
      {
        type: 'rss',
        text: 'Cards: PEFT',
        title: 'Cards: PEFT',
        xmlUrl: 'https://x.example/topics/peft/rss.xml',
        htmlUrl: 'https://x.example/topics/peft/',
      },
    ]);
  });
});
