import { describe, expect, it } from 'vitest';
import site from '../../../site.config.mjs';
import { addMonths, staleVerifications, verifiedLine } from '../../../src/lib/cards/verified.ts';
import { validateDeck } from '../../../src/lib/cards/validate.ts';
import { cardSchema } from '../../../src/schemas/card.ts';

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const v = (library: string, version: string, date: string) => ({ library, version, date: day(date) });

describe('verifiedLine', () => {
  it('names every library and one day when they share it', () => {
    expect(verifiedLine([v('TRL', '1.9.0', '2026-12-01'), v('PEFT', '0.20.0', '2026-12-01')])).toBe(
      'API checked against TRL 1.9.0 and PEFT 0.20.0 on 2026-12-01',
    );
    expect(verifiedLine([v('TRL', '1.9.0', '2026-12-01')])).toBe('API checked against TRL 1.9.0 on 2026-12-01');
  });
  it('gives each library its own day when the days differ', () => {
    expect(
      verifiedLine([
        v('TRL', '1.9.0', '2026-12-01'),
        v('PEFT', '0.20.0', '2026-11-02'),
        v('PyTorch', '2.9', '2026-11-02'),
      ]),
    ).toBe('API checked against TRL 1.9.0 on 2026-12-01, PEFT 0.20.0 on 2026-11-02 and PyTorch 2.9 on 2026-11-02');
  });
});

describe('staleVerifications', () => {
  it('counts calendar months and clamps to the end of a short month', () => {
    expect(addMonths(day('2025-12-01'), 12).toISOString().slice(0, 10)).toBe('2026-12-01');
    expect(addMonths(day('2024-01-31'), 1).toISOString().slice(0, 10)).toBe('2024-02-29');
  });
  it('warns only when a check is more than the limit before today, with an exact message', () => {
    const list = [v('TRL', '0.26.0', '2025-11-30'), v('PEFT', '0.18.0', '2025-12-01')];
    expect(staleVerifications(list, day('2026-12-01'), 12)).toEqual([
      {
        index: 0,
        message:
          'TRL 0.26.0 was checked on 2025-11-30, more than 12 months before 2026-12-01: check the API against the current release and update this entry',
      },
    ]);
  });
});

const card = (verified: string, body = 'Body.') => `---
title: "A card with a verified API"
summary: "A card long enough to pass the summary length rule of the schema, and then some."
level: beginner
kind: knowledge
topic: memory
tags: [lora, peft]
publishedAt: 2026-10-01
sources:
  - title: "LoRA"
    url: "https://arxiv.org/abs/2106.09685"
${verified}
---

${body}
`;

describe('the verified field in the deck check', () => {
  const topics = {
    path: 'content/topics.yaml',
    source: 'memory: { title: Memory, description: "About memory on GPUs", category: Training, order: 1 }\n',
  };
  const check = (verified: string, today = day('2026-12-01'), body?: string) =>
    validateDeck({
      cards: [{ path: 'content/cards/x.mdx', source: card(verified, body) }],
      topics,
      policy: { ...site.policy, minWords: 0, minRelated: 0, requireQuiz: false, quiz: undefined },
      today,
    });

  it('warns, naming file and field, when a check is older than the policy allows; the card still builds', () => {
    const r = check('verified:\n  - { library: TRL, version: "0.26.0", date: 2025-11-01 }');
    expect(r.problems).toEqual([]);
    expect(r.cards).toHaveLength(1);
    expect(r.warnings).toEqual([
      {
        file: 'content/cards/x.mdx',
        field: 'verified[0].date',
        message:
          'TRL 0.26.0 was checked on 2025-11-01, more than 12 months before 2026-12-01: check the API against the current release and update this entry',
      },
    ]);
  });
  it('stays quiet for a recent check', () => {
    expect(check('verified:\n  - { library: TRL, version: "1.9.0", date: 2026-12-01 }').warnings).toEqual([]);
  });
  it('rejects a bad entry as an error naming the field', () => {
    const r = check('verified:\n  - { library: TRL, version: 1.9, date: 2026-12-01 }');
    expect(r.problems.map((p) => p.field)).toEqual(['verified[0].version']);
    expect(r.problems[0]?.message).toMatch(/version must be a string such as "1.9.0" \(quote it in YAML\)/);
  });
  it('parses each date into a UTC day', () => {
    const r = check('verified:\n  - { library: PEFT, version: "0.20.0", date: 2026-11-02 }');
    expect(r.cards[0]?.data.verified).toEqual([{ library: 'PEFT', version: '0.20.0', date: day('2026-11-02') }]);
  });
  it('fails a card whose code shows a library without a verified entry for it, naming file and field', () => {
    const body = 'Body.\n\n```python\nfrom trl import SFTTrainer\nfrom peft import LoraConfig\n```';
    const r = check('verified:\n  - { library: PEFT, version: "0.20.0", date: 2026-12-01 }', day('2026-12-01'), body);
    expect(r.problems).toEqual([
      {
        file: 'content/cards/x.mdx',
        field: 'verified',
        message:
          'the code shows TRL: check the snippet against a release and add { library: TRL, version: "…", date: YYYY-MM-DD } to verified',
      },
    ]);
    expect(r.cards).toEqual([]);
    expect(check('', day('2026-12-01'), body).problems.map((p) => p.message.slice(0, 23))).toEqual([
      'the code shows TRL: che',
      'the code shows PEFT: ch',
    ]);
    const both =
      'verified:\n  - { library: TRL, version: "1.9.0", date: 2026-12-01 }\n  - { library: PEFT, version: "0.20.0", date: 2026-12-01 }';
    expect(check(both, day('2026-12-01'), body).problems).toEqual([]);
  });
  it('warns, naming the source, when a verified library is linked at main or at another release; the card still builds', () => {
    const trlSource = (url: string) =>
      `  - title: "TRL docs"\n    url: "${url}"\nverified:\n  - { library: TRL, version: "1.9.0", date: 2026-12-01 }`;
    const r = check(trlSource('https://huggingface.co/docs/trl/sft_trainer'));
    expect(r.problems).toEqual([]);
    expect(r.cards).toHaveLength(1);
    expect(r.warnings).toEqual([
      {
        file: 'content/cards/x.mdx',
        field: 'sources[1].url',
        message:
          "links TRL without a release in the link, but the card's API was checked against TRL 1.9.0: link the page at 1.9.0 after reading it there, or check the API again at the release you link",
      },
    ]);
    expect(check(trlSource('https://huggingface.co/docs/trl/v1.9.0/en/sft_trainer')).warnings).toEqual([]);
  });
  it('rejects an empty list', () => {
    expect(cardSchema.safeParse({ verified: [] }).error?.issues.find((i) => i.path[0] === 'verified')?.message).toBe(
      'give at least 1 { library, version, date }, or leave verified out',
    );
  });
});
