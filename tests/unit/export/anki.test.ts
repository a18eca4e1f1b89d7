import { describe, expect, it } from 'vitest';
import { ANKI_COLUMNS, ankiFile, ankiGuid } from '../../../src/lib/export/anki.ts';
import { parseAnkiFile } from '../../support/anki.ts';
import { card, deck, links } from './fixtures.ts';

describe('ankiFile', () => {
  const file = parseAnkiFile(ankiFile(deck.cards, links));

  it('tells Anki every import setting in its header', () => {
    expect(Object.fromEntries(file.headers)).toEqual({
      separator: 'tab',
      html: 'true',
      notetype: 'Basic',
      columns: ANKI_COLUMNS.join('\t'),
      'guid column': '1',
      'deck column': '4',
      'tags column': '5',
    });
  });

  it('writes one note per card with a quiz, five fields each, and skips the card without one', () => {
    expect(file.rows.map((r) => r[0])).toEqual([ankiGuid('lora'), ankiGuid('prompting')]);
    for (const r of file.rows) expect(r).toHaveLength(ANKI_COLUMNS.length);
  });

  it('asks the question with its lettered choices on the front and answers on the back, with a link', () => {
    const [, front, back, deckName, tags] = file.rows.find((r) => r[0] === ankiGuid('lora')) ?? [];
    expect(front).toBe(
      '<p>What does LoRA train?</p><ol type="A"><li>All weights</li><li>Low-rank adapters</li><li>Only the embeddings</li></ol>',
    );
    expect(back).toBe(
      '<p><b>B: Low-rank adapters</b></p><p>LoRA freezes the base and trains two small matrices per layer.</p>' +
        '<ul><li>A: That is full fine-tuning; LoRA keeps the base frozen.</li>' +
        '<li>C: Embeddings stay frozen unless you list them to train.</li></ul>' +
        '<p><a href="https://cards.example/base/cards/lora/">Title of card lora</a> (Fine-Tuning Cards)</p>',
    );
    expect(deckName).toBe('Fine-Tuning Cards::Parameter-efficient fine-tuning');
    expect(tags).toBe('lora adapters');
  });

  it('escapes HTML and quotes, and keeps every note on one line', () => {
    const tricky = card('tricky', {
      title: 'Quotes "and" <tags>',
      quiz: {
        question: 'Is "a\tb" one\nfield?',
        choices: [
          { text: 'Yes <b>', why: 'It is: tabs and newlines become spaces.' },
          { text: 'No & never', why: 'A note is one line.' },
        ],
        answer: 0,
      },
    });
    const text = ankiFile([tricky], links);
    expect(text.split('\n').filter((l) => l && !l.startsWith('#'))).toHaveLength(1);
    const [row] = parseAnkiFile(text).rows;
    expect(row?.[1]).toBe(
      '<p>Is &quot;a b&quot; one field?</p><ol type="A"><li>Yes &lt;b&gt;</li><li>No &amp; never</li></ol>',
    );
    expect(row?.[2]).toContain('>Quotes &quot;and&quot; &lt;tags&gt;</a>');
  });
});
