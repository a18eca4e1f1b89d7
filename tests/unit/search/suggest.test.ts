import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, suggestQueries, vocabularyWords } from '../../../src/lib/search/suggest.ts';

const VOCAB = ['lora', 'qlora', 'model', 'reward', 'memory', 'dora', 'quantization', 'gpu', 'adapters'];

describe('suggestQueries', () => {
  it('suggests close terms of the vocabulary for misspelt words', () => {
    expect(suggestQueries('qlroa', VOCAB)).toEqual(['qlora']);
    expect(suggestQueries('reward modle', VOCAB)).toEqual(['reward model']);
    expect(suggestQueries('quantisation', VOCAB)).toEqual(['quantization']);
    expect(suggestQueries('Memroy', VOCAB)).toEqual(['memory']);
    // Equally close: the more frequent (earlier) word first.
    expect(suggestQueries('xora', VOCAB)).toEqual(['lora', 'dora']);
  });

  it('suggests nothing for known words, very short words or words far from every term', () => {
    expect(suggestQueries('lora', VOCAB)).toEqual([]);
    expect(suggestQueries('qzxv', VOCAB)).toEqual([]);
    expect(suggestQueries('gpx', VOCAB)).toEqual([]);
    expect(suggestQueries('   ', VOCAB)).toEqual([]);
  });
});

describe('editDistance', () => {
  it('counts an adjacent swap as one edit', () => {
    expect(editDistance('qlroa', 'qlora')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('is symmetric, zero only for equal words, and at most the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        const d = editDistance(a, b);
        expect(d).toBe(editDistance(b, a));
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });
});

describe('vocabularyWords', () => {
  it('lower-cases and keeps hyphenated words whole', () => {
    expect(vocabularyWords('LoRA fine-tuning, on a 4-bit base!')).toEqual([
      'lora',
      'fine-tuning',
      'on',
      '4-bit',
      'base',
    ]);
  });
});
