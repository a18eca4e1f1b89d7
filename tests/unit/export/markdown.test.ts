import { describe, expect, it } from 'vitest';
import { cardMarkdown, deckMarkdown, mdText } from '../../../src/lib/export/markdown.ts';
import { card, deck, links } from './fixtures.ts';

describe('deckMarkdown', () => {
  const md = deckMarkdown(deck, links);

  it('groups the cards under their topics in topic order', () => {
    const headings = md.split('\n').filter((l) => /^#{1,3} /.test(l));
    expect(headings).toEqual([
      '# Fine-Tuning Cards',
      '## Strategy',
      '### Prompting vs "fine-tuning" \\<first\\>',
      '## Parameter-efficient fine-tuning',
      '### Title of card lora',
      '### A card without a quiz at all',
    ]);
  });

  it('writes a card with its metadata, quiz, answer and sources', () => {
    expect(cardMarkdown(card('lora'), links)).toBe(
      [
        '### Title of card lora',
        '',
        'Beginner · Knowledge · [Parameter-efficient fine-tuning](https://cards.example/base/topics/peft/) · published 2026-10-01',
        'Tags: #lora #adapters',
        'Card: https://cards.example/base/cards/lora/',
        '',
        'Summary of card lora, long enough for the schema to accept it.',
        '',
        '**Check yourself:** What does LoRA train?',
        '',
        '- A. All weights',
        '- B. Low-rank adapters',
        '- C. Only the embeddings',
        '',
        '**Answer:** B. Low-rank adapters: LoRA freezes the base and trains two small matrices per layer.',
        '',
        '**Why not the others:**',
        '',
        '- A: That is full fine-tuning; LoRA keeps the base frozen.',
        '- C: Embeddings stay frozen unless you list them to train.',
        '',
        '**Sources:**',
        '',
        '- [LoRA paper](https://arxiv.org/abs/2106.09685), arXiv, 2021',
        '',
      ].join('\n'),
    );
  });

  it('says when a card was updated, and leaves out the quiz of a card without one', () => {
    expect(md).toContain('published 2026-10-01, updated 2026-10-05');
    const noQuiz = cardMarkdown(card('x', { quiz: undefined }), links);
    expect(noQuiz).not.toContain('Check yourself');
    expect(noQuiz).toContain('**Sources:**');
  });

  it('escapes Markdown syntax in card text and parentheses in link targets', () => {
    expect(mdText('a *b* _c_ [d](e) <f> `g` #h |i| \\')).toBe(
      'a \\*b\\* \\_c\\_ \\[d\\](e) \\<f\\> \\`g\\` \\#h \\|i\\| \\\\',
    );
    const paren = cardMarkdown(
      card('p', { sources: [{ title: 'Page (draft)', url: 'https://example.org/a_(b)' }] }),
      links,
    );
    expect(paren).toContain('- [Page (draft)](https://example.org/a_\\(b\\))');
  });
});
