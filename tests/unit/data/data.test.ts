import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHATML_FALLBACK, configTemplate, makeCounter } from '../../../src/lib/data/count.ts';
import { exampleOf, examplesOf } from '../../../src/lib/data/format.ts';
import { checkSize, MAX_BYTES, MAX_LINES, parseJsonl } from '../../../src/lib/data/jsonl.ts';
import { applyPatches, bfdBins, lengthStats, PACK_BATCH, percentile } from '../../../src/lib/data/stats.ts';
import { paramByUrl } from '../../../src/lib/memory/parameters.ts';
import { TINY_TOKENIZER } from '../../support/fixture-hub.ts';

const tiny = (config: Record<string, unknown> = JSON.parse(TINY_TOKENIZER['tokenizer_config.json'])) => {
  const c = makeCounter({ tokenizer: JSON.parse(TINY_TOKENIZER['tokenizer.json']), config });
  if (typeof c === 'string') throw new Error(c);
  return c;
};

describe('JSONL', () => {
  it('reads every line, skips blank ones and reports each bad line with its number', () => {
    const r = parseJsonl('\uFEFF{"text":"a"}\r\n\n  \n{"text":\n[1]\nnope\n{"text":"b"}\n');
    expect(r.rows).toEqual([
      { line: 1, value: { text: 'a' } },
      { line: 5, value: [1] },
      { line: 7, value: { text: 'b' } },
    ]);
    expect(r.errors).toEqual([
      { line: 4, message: 'line 4: not valid JSON' },
      { line: 6, message: 'line 6: not valid JSON' },
    ]);
    expect(r.cappedAt).toBeUndefined();
  });

  it(`stops at ${MAX_LINES} lines and refuses files over ${MAX_BYTES / 1e6} MB`, () => {
    const r = parseJsonl('{"text":"x"}\n'.repeat(MAX_LINES + 3));
    expect(r.rows).toHaveLength(MAX_LINES);
    expect(r.cappedAt).toBe(MAX_LINES);
    expect(checkSize(MAX_BYTES, 'a.jsonl')).toBeNull();
    expect(checkSize(25_300_000, 'a.jsonl')).toBe(
      'a.jsonl is 25.3 MB: this reads samples up to 20 MB (take the first lines, e.g. head -n 10000).',
    );
  });
});

describe('TRL data set formats', () => {
  it('tells text, prompt-completion, messages, ShareGPT conversations and conversational prompt-completion apart', () => {
    expect(exampleOf({ text: 'hi' })).toEqual({ kind: 'text', text: 'hi' });
    expect(exampleOf({ prompt: 'a', completion: 'b', text: 'ignored' })).toEqual({
      kind: 'prompt-completion',
      prompt: 'a',
      completion: 'b',
    });
    expect(exampleOf({ messages: [{ role: 'user', content: 'hi' }] })).toEqual({
      kind: 'messages',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(exampleOf({ conversations: [{ from: 'human', value: 'hi' }] })).toEqual({
      kind: 'messages',
      messages: [{ role: 'human', content: 'hi' }],
    });
    expect(
      exampleOf({ prompt: [{ role: 'user', content: 'q' }], completion: [{ role: 'assistant', content: 'a' }] }),
    ).toEqual({
      kind: 'chat-prompt-completion',
      prompt: [{ role: 'user', content: 'q' }],
      completion: [{ role: 'assistant', content: 'a' }],
    });
  });

  it('says why an example is not one', () => {
    expect(exampleOf([1])).toBe('not a JSON object');
    expect(exampleOf({ prompt: 'a' })).toBe('has "prompt" but no "completion" (SFT needs both)');
    expect(exampleOf({ messages: [] })).toBe('"messages" is not a non-empty list of messages');
    expect(exampleOf({ messages: [{ content: 'x' }] })).toBe('"messages"[0] has no "role" string');
    expect(exampleOf({ text: 3 })).toBe('"text" is not a string');
    expect(exampleOf({ input: 'x' })).toBe('has none of "messages", "prompt" and "completion", or "text"');
  });

  it('reads the sample in the format of its first example and reports lines in another', () => {
    const r = examplesOf([
      { line: 1, value: { text: 'a' } },
      { line: 2, value: { prompt: 'p', completion: 'c' } },
      { line: 3, value: 7 },
      { line: 4, value: { text: 'b' } },
    ]);
    expect(r.kind).toBe('text');
    expect(r.examples.map((e) => e.line)).toEqual([1, 4]);
    expect(r.errors).toEqual([
      { line: 2, message: 'line 2: prompt-completion, but the sample is language modeling (text)' },
      { line: 3, message: 'line 3: not a JSON object' },
    ]);
  });
});

describe('percentiles and packing', () => {
  it('takes the nearest rank', () => {
    const xs = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(10);
    expect(percentile(xs, 95)).toBe(19);
    expect(percentile(xs, 100)).toBe(20);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });

  it("packs as TRL's pack_dataset docstring example does (lengths 5, 2, 3, 1 at 4: three sequences)", () => {
    expect(bfdBins([4, 2, 3, 1], 4)).toBe(3);
    const s = lengthStats([5, 2, 3, 1], 4);
    expect(s).toEqual({
      count: 4,
      p50: 2,
      p95: 5,
      max: 5,
      total: 11,
      truncatedExamples: 1,
      truncatedTokens: 1,
      kept: 10,
      packedSequences: 3,
      packedEfficiency: 10 / 12,
      paddedEfficiency: 10 / 16,
    });
  });

  it('sets the sequence length, and the examples and their mean tokens, by their names in the parameter table', () => {
    const s = lengthStats([5, 2, 3, 1], 4);
    const p = applyPatches(s, 0);
    expect(p).toEqual({
      seq: { seq: '5' },
      tokens: { tokens: '0', 'example-tokens': '3', examples: '4' },
      mean: 3,
    });
    // A data set size already in the form stays: the mean per example is what the sample measures.
    expect(applyPatches(s, 52_002).tokens).toEqual({ tokens: '0', 'example-tokens': '3' });
    // A renamed parameter would leave the buttons writing a name the calculator ignores.
    const ids = [...Object.keys(p.seq), ...Object.keys(p.tokens)].map((k) => paramByUrl(k)?.id);
    expect(ids).toEqual(['seq', 'tokens', 'exampleTokens', 'examples']);
  });

  it(`packs in batches of ${PACK_BATCH} examples, as dataset.map does`, () => {
    // 1,000 halves fill 500 sequences; the 1,001st half starts a batch, and a sequence, of its own.
    expect(lengthStats(Array(PACK_BATCH + 1).fill(50), 100).packedSequences).toBe(501);
    // Empty sequences are dropped before packing.
    expect(lengthStats([0, 0, 3], 4).packedSequences).toBe(1);
  });

  const lengths = fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 300 });
  const seqs = fc.integer({ min: 1, max: 4096 });
  it('keeps every figure within its bounds (property)', () => {
    fc.assert(
      fc.property(lengths, seqs, (ls, seq) => {
        const s = lengthStats(ls, seq);
        const kept = ls.reduce((a, n) => a + Math.min(n, seq), 0);
        expect(s.kept).toBe(kept);
        expect(s.p50).toBeLessThanOrEqual(s.p95);
        expect(s.p95).toBeLessThanOrEqual(s.max);
        expect(s.packedEfficiency).toBeLessThanOrEqual(1);
        expect(s.paddedEfficiency).toBeLessThanOrEqual(s.packedEfficiency + 1e-12);
        // No fewer sequences than the tokens need, no more than one per non-empty example.
        expect(s.packedSequences).toBeGreaterThanOrEqual(Math.ceil(kept / seq));
        expect(s.packedSequences).toBeLessThanOrEqual(ls.filter((n) => n > 0).length);
        expect(s.truncatedExamples).toBe(ls.filter((n) => n > seq).length);
      }),
    );
  });

  // TRL's _pack_bfd as written (trl/data_utils.py v1.9.0): a segment tree over room sizes and a FIFO of bins per room.
  function trlBins(ls: number[], seq: number): number {
    const size = 1 << Math.ceil(Math.log2(Math.max(seq, 2)));
    const tree = new Array(2 * size).fill(0);
    const set = (v: number, x: number) => {
      let i = size + v - 1;
      tree[i] = x;
      while (i > 1) {
        i >>= 1;
        tree[i] = Math.max(tree[2 * i], tree[2 * i + 1]);
      }
    };
    const search = (v: number) => {
      let i = 1;
      while (i < size) i = tree[2 * i] >= v ? 2 * i : 2 * i + 1;
      return tree[i];
    };
    set(seq, seq);
    const byRoom = new Map<number, number[][]>();
    const bins: number[][] = [];
    for (const len of [...ls].sort((a, b) => b - a)) {
      let room = search(len);
      let bin: number[];
      if (room < seq) {
        bin = (byRoom.get(room) as number[][]).shift() as number[];
        if ((byRoom.get(room) as number[][]).length === 0) set(room, 0);
      } else {
        bin = [];
        bins.push(bin);
      }
      bin.push(len);
      room -= len;
      byRoom.set(room, [...(byRoom.get(room) ?? []), bin]);
      if (room > 0) set(room, room);
    }
    return bins.length;
  }

  it('fills as many sequences as TRL’s segment-tree implementation (property)', () => {
    fc.assert(
      fc.property(seqs, fc.array(fc.integer({ min: 1, max: 4096 }), { maxLength: 400 }), (seq, raw) => {
        const ls = raw.map((n) => Math.min(n, seq));
        expect(bfdBins(ls, seq)).toBe(trlBins(ls, seq));
      }),
    );
  });
});

describe('token counts with the model’s tokenizer (the tiny BPE fixture)', () => {
  const c = tiny();
  it('adds BOS and EOS to a text, and merges as the BPE merges say', () => {
    // <s> h i </s>
    expect(c.count({ kind: 'text', text: 'hi' })).toBe(4);
    // <s> t he Ġthe </s>: "the" without a leading space has no Ġt to merge with
    expect(c.count({ kind: 'text', text: 'the the' })).toBe(5);
    // an EOS already there is not added again
    expect(c.count({ kind: 'text', text: 'hi</s>' })).toBe(4);
    expect(c.count({ kind: 'prompt-completion', prompt: 'h', completion: 'i' })).toBe(4);
    expect(c.eos).toBe('</s>');
  });

  it('renders messages through the model’s chat template, without special tokens added on top', () => {
    expect(c.template).toBe('model');
    // <s> <|im_start|> u s e r Ċ h i <|im_end|> Ċ
    expect(c.count({ kind: 'messages', messages: [{ role: 'user', content: 'hi' }] })).toBe(11);
    expect(
      c.count({
        kind: 'chat-prompt-completion',
        prompt: [{ role: 'user', content: 'hi' }],
        completion: [{ role: 'assistant', content: 'hi' }],
      }),
      // + <|im_start|> a s s i s t a n t Ċ h i <|im_end|> Ċ
    ).toBe(11 + 15);
  });

  it('falls back to ChatML, stated, when the model has no template', () => {
    const f = tiny({ bos_token: '<s>', eos_token: { content: '</s>', special: true } });
    expect(f.template).toBe('fallback');
    expect(f.eos).toBe('</s>');
    // the fallback has no BOS: <|im_start|> u s e r Ċ h i <|im_end|> Ċ
    expect(f.count({ kind: 'messages', messages: [{ role: 'user', content: 'hi' }] })).toBe(10);
    expect(
      configTemplate({
        chat_template: [
          { name: 'tool_use', template: 'x' },
          { name: 'default', template: 'y' },
        ],
      }),
    ).toBe('y');
    expect(CHATML_FALLBACK).toContain('<|im_start|>');
  });

  it('says when a template refuses an example or a tokenizer cannot be read', () => {
    const strict = tiny({
      chat_template: "{% if messages[0]['role'] != 'user' %}{{ raise_exception('first must be user') }}{% endif %}x",
    });
    expect(strict.count({ kind: 'messages', messages: [{ role: 'assistant', content: 'a' }] })).toBe(
      'the chat template refused it (first must be user)',
    );
    expect(makeCounter({ tokenizer: { model: {} }, config: {} })).toMatch(/^tokenizer\.json could not be read: /);
  });
});
