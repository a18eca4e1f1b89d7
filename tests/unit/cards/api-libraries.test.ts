import { describe, expect, it } from 'vitest';
import {
  API_CHECK_BACKLOG,
  API_LIBRARIES,
  apiCheckIssues,
  codeBlocks,
  librariesInCode,
} from '../../../src/lib/cards/api-libraries.ts';

const fence = (lang: string, code: string) => `\n\`\`\`${lang}\n${code}\n\`\`\`\n`;
const day = new Date('2026-12-02T00:00:00Z');

describe('API_LIBRARIES', () => {
  it.each(API_LIBRARIES.map((l) => [l.library, l.example] as const))(
    '%s: its example is found, as that library only',
    (library, example) => {
      expect(librariesInCode(fence('python', example))).toEqual([library]);
    },
  );
  it('names each library once', () => {
    const names = API_LIBRARIES.map((l) => l.library.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('librariesInCode', () => {
  it('reads fenced code only, not prose or inline code', () => {
    expect(librariesInCode('Use `from trl import SFTTrainer` and LoraConfig( in prose.')).toEqual([]);
  });
  it('reads every fence, tagged or not, in table order', () => {
    const body = `Text.${fence('yaml', 'merge_method: ties')}More.${fence('', 'from peft import LoraConfig\nfrom trl import SFTTrainer')}`;
    expect(codeBlocks(body).map((b) => b.lang)).toEqual(['yaml', '']);
    expect(librariesInCode(body)).toEqual(['TRL', 'PEFT', 'mergekit']);
  });
  it('does not take Unsloth’s own get_peft_model for PEFT', () => {
    expect(librariesInCode(fence('python', 'model = FastLanguageModel.get_peft_model(model, r=16)'))).toEqual([
      'Unsloth',
    ]);
  });
});

describe('apiCheckIssues', () => {
  const trl = fence('python', 'from trl import GRPOConfig');
  const v = (library: string) => [{ library, version: '1.9.0', date: day }];
  it('asks a card whose code shows a library for a verified entry naming it', () => {
    expect(apiCheckIssues('x', trl, undefined, {}).problems).toEqual([
      {
        field: 'verified',
        message:
          'the code shows TRL: check the snippet against a release and add { library: TRL, version: "…", date: YYYY-MM-DD } to verified',
      },
    ]);
    expect(apiCheckIssues('x', trl, v('PEFT'), {}).problems).toHaveLength(1);
  });
  it('accepts the entry whatever its case', () => {
    expect(apiCheckIssues('x', trl, v('trl'), {})).toEqual({ problems: [], pending: [] });
  });
  it('lists a library of the backlog as pending, not a problem, and refuses a backlog entry that is no longer needed', () => {
    const backlog = { x: { TRL: 'no release at hand' } };
    const r = apiCheckIssues('x', trl, undefined, backlog);
    expect(r.problems).toEqual([]);
    expect(r.pending).toEqual([
      {
        field: 'verified',
        message:
          'the code shows TRL, whose API this card was not yet checked against (no release at hand): check it and add { library: TRL, version, date }',
      },
    ]);
    expect(apiCheckIssues('x', trl, v('TRL'), backlog).problems[0]?.message).toBe(
      'the API check backlog (src/lib/cards/api-libraries.ts) lists TRL for this card, which no longer needs it: remove the entry',
    );
    expect(apiCheckIssues('x', 'no code', undefined, backlog).problems).toHaveLength(1);
  });
  it('keeps the backlog to libraries of the table, each with the reason it could not be checked', () => {
    const known = new Set(API_LIBRARIES.map((l) => l.library));
    for (const reasons of Object.values(API_CHECK_BACKLOG))
      for (const [l, why] of Object.entries(reasons)) {
        expect(known.has(l), l).toBe(true);
        expect(why.trim().length, l).toBeGreaterThan(20);
      }
  });
});
