import { describe, expect, it } from 'vitest';
import { quizFeedHtml } from '../../../src/lib/cards/quiz-feed.ts';

describe('quizFeedHtml', () => {
  it('writes the question, the options and the answer with its why and source, escaped', () => {
    const html = quizFeedHtml(
      {
        question: 'Which weights change in a <QLoRA> run?',
        choices: [
          { text: 'The 4-bit base', why: 'The base is quantized once and never updated.' },
          { text: 'Only the adapters', why: 'Gradients reach the adapters & nothing else.', source: 1 },
        ],
        answer: 1,
      },
      [
        { title: 'LoRA', url: 'https://arxiv.org/abs/2106.09685' },
        { title: 'QLoRA', url: 'https://arxiv.org/abs/2305.14314' },
      ],
    );
    expect(html).toBe(
      [
        '<h2>Check yourself</h2>',
        '<p>Which weights change in a &lt;QLoRA&gt; run?</p>',
        '<ol type="A"><li>The 4-bit base</li><li>Only the adapters</li></ol>',
        '<p><strong>Answer: B.</strong> Only the adapters. Gradients reach the adapters &amp; nothing else. (source: <a href="https://arxiv.org/abs/2305.14314">QLoRA</a>)</p>',
      ].join('\n'),
    );
  });
});
