import { buildDeck, type DeckCard, makeDeckCard } from '../../../src/lib/cards/deck.ts';
import type { ExportLinks } from '../../../src/lib/export/links.ts';

export const card = (id: string, over: Partial<DeckCard> = {}): DeckCard =>
  makeDeckCard({
    id,
    title: `Title of card ${id}`,
    summary: `Summary of card ${id}, long enough for the schema to accept it.`,
    level: 'beginner',
    kind: 'knowledge',
    topic: 'peft',
    tags: ['lora', 'adapters'],
    related: [],
    publishedAt: new Date('2026-10-01T00:00:00Z'),
    sources: [{ title: 'LoRA paper', url: 'https://arxiv.org/abs/2106.09685', publisher: 'arXiv', year: 2021 }],
    quiz: {
      question: 'What does LoRA train?',
      choices: [
        { text: 'All weights', why: 'That is full fine-tuning; LoRA keeps the base frozen.' },
        { text: 'Low-rank adapters', why: 'LoRA freezes the base and trains two small matrices per layer.', source: 0 },
        { text: 'Only the embeddings', why: 'Embeddings stay frozen unless you list them to train.' },
      ],
      answer: 1,
    },
    words: 220,
    ...over,
  });

export const topics = [
  { id: 'peft', title: 'Parameter-efficient fine-tuning', description: 'd'.repeat(20), category: 'AI', order: 2 },
  { id: 'strategy', title: 'Strategy', description: 'Which way to adapt a model.', category: 'AI', order: 1 },
];

export const deck = buildDeck({
  cards: [
    card('lora', { publishedAt: new Date('2026-10-03T00:00:00Z'), series: { id: 'basics', part: 1 } }),
    card('prompting', {
      topic: 'strategy',
      title: 'Prompting vs "fine-tuning" <first>',
      tags: ['prompting', 'strategy'],
      updatedAt: new Date('2026-10-05T00:00:00Z'),
    }),
    card('no-quiz', { quiz: undefined, title: 'A card without a quiz at all' }),
  ],
  topics,
  series: [{ id: 'basics', title: 'Basics', description: 'd'.repeat(20) }],
});

export const links: ExportLinks = {
  siteName: 'Fine-Tuning Cards',
  url: (path) => `https://cards.example/base/${path}`,
  topicTitle: (id) => topics.find((t) => t.id === id)?.title ?? id,
};
