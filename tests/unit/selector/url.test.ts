import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GPU_PRESETS, SELECTOR_MODEL_PRESETS } from '../../../src/lib/memory/index.ts';
import {
  DATA_KINDS,
  DEFAULT_INPUT,
  GOALS,
  INPUT_KEYS,
  inputFromParams,
  parseCount,
  parseSelectorParams,
  PRESERVE_LEVELS,
  QUALITIES,
  recommend,
  type SelectorInput,
  serializeSelectorParams,
  YES_NO,
} from '../../../src/lib/selector/index.ts';

const arbInput: fc.Arbitrary<SelectorInput> = fc.record({
  goal: fc.constantFrom(...GOALS),
  data: fc.constantFrom(...DATA_KINDS),
  examples: fc.integer({ min: 0, max: 10_000_000 }),
  tokens: fc.integer({ min: 0, max: 2e12 }),
  quality: fc.constantFrom(...QUALITIES),
  eval: fc.constantFrom(...YES_NO),
  sft: fc.constantFrom(...YES_NO),
  model: fc.constantFrom(...SELECTOR_MODEL_PRESETS.map((m) => m.id)),
  gpu: fc.constantFrom(...GPU_PRESETS.map((g) => g.id)),
  gpus: fc.integer({ min: 1, max: 64 }),
  preserve: fc.constantFrom(...PRESERVE_LEVELS),
});

describe('URL contract', () => {
  it('serializes exactly the contract parameters, in order', () => {
    const qs = serializeSelectorParams(DEFAULT_INPUT);
    expect([...new URLSearchParams(qs).keys()]).toEqual([
      'goal',
      'data',
      'examples',
      'tokens',
      'quality',
      'eval',
      'sft',
      'model',
      'gpu',
      'gpus',
      'preserve',
    ]);
    expect(INPUT_KEYS.length).toBe(11);
  });

  it('round-trips any valid input without notices', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const qs = serializeSelectorParams(input);
        const { input: back, notices } = inputFromParams(qs);
        expect(notices).toEqual([]);
        expect(back).toEqual(input);
        expect(serializeSelectorParams(back)).toBe(qs);
      }),
      { numRuns: 300 },
    );
  });

  it('a shared link reproduces the same recommendation', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const { input: back } = inputFromParams(`?${serializeSelectorParams(input)}`);
        expect(recommend(back)).toEqual(recommend(input));
      }),
      { numRuns: 60 },
    );
  });

  it('parses a full set of example parameters', () => {
    const { given, notices } = parseSelectorParams(
      '?goal=knowledge&data=corpus&tokens=500000000&quality=curated&eval=yes&sft=no&model=llama-3.1-8b&gpu=h100-80gb&gpus=8&preserve=low',
    );
    expect(notices).toEqual([]);
    expect(given).toEqual({
      goal: 'knowledge',
      data: 'corpus',
      tokens: 500_000_000,
      quality: 'curated',
      eval: 'yes',
      sft: 'no',
      model: 'llama-3.1-8b',
      gpu: 'h100-80gb',
      gpus: 8,
      preserve: 'low',
    });
  });

  it.each([
    ['unknown parameter', 'foo=bar&goal=style', 'foo', { goal: 'style' }],
    ['bad goal', 'goal=world-peace&data=few', 'goal', { data: 'few' }],
    ['bad data', 'data=lots', 'data', {}],
    ['bad examples', 'examples=many', 'examples', {}],
    ['negative examples', 'examples=-3', 'examples', {}],
    ['bad tokens', 'tokens=1e9x', 'tokens', {}],
    ['zero gpus', 'gpus=0', 'gpus', {}],
    ['too many gpus', 'gpus=100000', 'gpus', {}],
    ['fractional gpus', 'gpus=1.5', 'gpus', {}],
    ['bad quality', 'quality=great', 'quality', {}],
    ['bad eval', 'eval=maybe', 'eval', {}],
    ['bad sft', 'sft=true', 'sft', {}],
    ['unknown model', 'model=gpt-5', 'model', {}],
    ['unknown gpu', 'gpu=voodoo2', 'gpu', {}],
    ['bad preserve', 'preserve=all', 'preserve', {}],
    ['repeated parameter', 'goal=style&goal=task', 'goal', { goal: 'style' }],
    ['empty value', 'examples=', 'examples', {}],
  ])('%s is ignored with a notice', (_name, qs, param, given) => {
    const r = parseSelectorParams(qs);
    expect(r.given).toEqual(given);
    expect(r.notices.length).toBe(1);
    expect(r.notices[0]?.param).toBe(param);
    expect(r.notices[0]?.message.length).toBeGreaterThan(10);
  });

  it('accepts friendly counts and case', () => {
    expect(parseCount('500M')).toBe(500_000_000);
    expect(parseCount('1.5b')).toBe(1_500_000_000);
    expect(parseCount('10k')).toBe(10_000);
    expect(parseCount('3,000')).toBe(3000);
    expect(parseCount('abc')).toBeNull();
    expect(parseSelectorParams('goal=STYLE&tokens=500M').given).toEqual({ goal: 'style', tokens: 5e8 });
  });

  it('falls back to defaults for what the link does not give', () => {
    const { input, notices } = inputFromParams('goal=bogus');
    expect(notices.length).toBe(1);
    expect(input).toEqual(DEFAULT_INPUT);
  });

  it('never throws on arbitrary query strings', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const { input } = inputFromParams(s);
        expect(INPUT_KEYS.every((k) => input[k] !== undefined)).toBe(true);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...INPUT_KEYS, 'x'), fc.string()), (d) => {
        const qs = new URLSearchParams(d).toString();
        const r = parseSelectorParams(qs);
        expect(Array.isArray(r.notices)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
