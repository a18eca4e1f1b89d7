import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { exportCard, exportDeck } from '../../../src/lib/export/json.ts';
import { quizView } from '../../../src/lib/export/quiz.ts';
import { cardsExportSchema, cardsJsonSchema } from '../../../src/schemas/export.ts';
import { card, deck, links } from './fixtures.ts';

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(cardsJsonSchema('https://cards.example/base/api/cards.schema.json'));

describe('exportDeck', () => {
  const data = exportDeck(deck, links);

  it('lists every card newest first with absolute URLs, day dates and its sources and quiz', () => {
    // Newest first, then by title.
    expect(data.cards.map((c) => c.id)).toEqual(['lora', 'no-quiz', 'prompting']);
    expect(exportCard(card('lora', { updatedAt: new Date('2026-10-09T00:00:00Z') }), links)).toEqual({
      id: 'lora',
      url: 'https://cards.example/base/cards/lora/',
      title: 'Title of card lora',
      summary: 'Summary of card lora, long enough for the schema to accept it.',
      level: 'beginner',
      kind: 'knowledge',
      topic: 'peft',
      tags: ['lora', 'adapters'],
      related: [],
      publishedAt: '2026-10-01',
      updatedAt: '2026-10-09',
      sources: [{ title: 'LoRA paper', url: 'https://arxiv.org/abs/2106.09685', publisher: 'arXiv', year: 2021 }],
      quiz: card('lora').quiz,
    });
    expect(data.$schema).toBe('https://cards.example/base/api/cards.schema.json');
    expect(data.series).toEqual([
      { id: 'basics', title: 'Basics', url: 'https://cards.example/base/series/basics/', cards: ['lora'] },
    ]);
  });

  it('passes its zod schema and the JSON Schema generated from it', () => {
    expect(cardsExportSchema.safeParse(data).success).toBe(true);
    expect(validate(JSON.parse(JSON.stringify(data))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('is rejected by the JSON Schema when a field breaks a card rule', () => {
    const bad = JSON.parse(JSON.stringify(data));
    bad.cards[0].level = 'expert';
    bad.cards[1].publishedAt = '2026-13-01';
    delete bad.cards[2].sources;
    expect(validate(bad)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath).sort()).toEqual(
      expect.arrayContaining(['/cards/0/level', '/cards/1/publishedAt', '/cards/2']),
    );
  });
});

describe('quizView', () => {
  it('is the one mapping from the quiz schema to what Anki and Markdown show', () => {
    const quiz = {
      question: 'Q?',
      choices: [
        { text: 'a', why: 'Not a.' },
        { text: 'b', why: 'Because b.', source: 0 },
      ],
      answer: 1,
    };
    expect(quizView(quiz)).toEqual({
      question: 'Q?',
      choices: [
        { text: 'a', why: 'Not a.' },
        { text: 'b', why: 'Because b.' },
      ],
      answer: 1,
      explanation: 'Because b.',
    });
  });
});
