import { describe, expect, it } from 'vitest';
import {
  API_CHECK_BACKLOG,
  API_LIBRARIES,
  SOURCE_VERSION_BACKLOG,
  apiCheckIssues,
  codeBlocks,
  librariesInCode,
  sourceVersionCheck,
  sourceVersionIssues,
  versionInUrl,
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

describe('versionInUrl', () => {
  it('reads the release a path names, with or without a v, and none for branches or commits', () => {
    expect(versionInUrl('https://huggingface.co/docs/trl/v1.9.0/en/sft_trainer')).toBe('1.9.0');
    expect(versionInUrl('https://github.com/vllm-project/llm-compressor/blob/0.13.0/examples/awq/README.md')).toBe(
      '0.13.0',
    );
    expect(versionInUrl('https://docs.pytorch.org/docs/2.14/generated/torch.compile.html')).toBe('2.14');
    expect(versionInUrl('https://huggingface.co/docs/trl/sft_trainer')).toBeUndefined();
    expect(versionInUrl('https://docs.vllm.ai/en/latest/features/lora/')).toBeUndefined();
    expect(
      versionInUrl('https://github.com/unslothai/unsloth/blob/f3a66cd1844f82feea21bd1b8454a1ff60719c9f/README.md'),
    ).toBeUndefined();
    expect(
      versionInUrl('https://github.com/huggingface/transformers/blob/main/src/transformers/models/llama3_1/x.py'),
    ).toBeUndefined();
    expect(versionInUrl('not a url')).toBeUndefined();
  });
});

describe('sourceVersionIssues', () => {
  const checked = (library: string, version: string) => [{ library, version, date: day }];
  const urls = (...list: string[]) => list.map((url) => ({ url }));
  it('accepts links at the checked release, and a minor-version docs link for a patch release', () => {
    expect(
      sourceVersionIssues(
        urls(
          'https://huggingface.co/docs/trl/v1.9.0/en/grpo_trainer',
          'https://github.com/huggingface/trl/blob/v1.9.0/trl/trainer/grpo_config.py',
        ),
        checked('TRL', '1.9.0'),
      ),
    ).toEqual([]);
    expect(
      sourceVersionIssues(urls('https://docs.pytorch.org/docs/2.14/torch.compiler.html'), checked('PyTorch', '2.14.1')),
    ).toEqual([]);
  });
  it('flags a link at main or latest, and one at another release, naming the field and both versions', () => {
    expect(
      sourceVersionIssues(
        urls(
          'https://arxiv.org/abs/2402.03300',
          'https://huggingface.co/docs/trl/grpo_trainer',
          'https://docs.vllm.ai/en/v0.32.0/features/x/',
        ),
        [...checked('TRL', '1.9.0'), ...checked('vLLM', '0.29.0')],
      ),
    ).toEqual([
      {
        field: 'sources[1].url',
        url: 'https://huggingface.co/docs/trl/grpo_trainer',
        message:
          "links TRL without a release in the link, but the card's API was checked against TRL 1.9.0: link the page at 1.9.0 after reading it there, or check the API again at the release you link",
      },
      {
        field: 'sources[2].url',
        url: 'https://docs.vllm.ai/en/v0.32.0/features/x/',
        message:
          "links vLLM at 0.32.0, but the card's API was checked against vLLM 0.29.0: link the page at 0.29.0 after reading it there, or check the API again at the release you link",
      },
    ]);
  });
  it('checks only libraries the card verified, and leaves issues, pull requests and other projects alone', () => {
    const list = urls(
      'https://huggingface.co/docs/peft/package_reference/lora',
      'https://github.com/huggingface/trl/issues/1234',
      'https://github.com/huggingface/trl-extras/blob/main/x.py',
    );
    expect(sourceVersionIssues(list, checked('TRL', '1.9.0'))).toEqual([]);
    expect(sourceVersionIssues(list, undefined)).toEqual([]);
    expect(sourceVersionIssues(list, checked('PEFT', '0.20.0'))).toHaveLength(1);
  });
  it('keeps each docs site with its own library (LLM Compressor lives under docs.vllm.ai, torchao under docs.pytorch.org)', () => {
    const owners = (url: string) => API_LIBRARIES.filter((l) => l.docs?.some((p) => p.test(url))).map((l) => l.library);
    expect(owners('https://docs.vllm.ai/projects/llm-compressor/en/stable/examples/x/')).toEqual(['LLM Compressor']);
    expect(owners('https://docs.vllm.ai/en/v0.29.0/features/quantization/online/')).toEqual(['vLLM']);
    expect(owners('https://docs.pytorch.org/ao/stable/workflows/training.html')).toEqual(['torchao']);
    expect(owners('https://docs.pytorch.org/docs/2.14/generated/torch.compile.html')).toEqual(['PyTorch']);
    expect(owners('https://github.com/huggingface/transformers')).toEqual(['Transformers']);
  });
});

describe('sourceVersionCheck', () => {
  const trl = [{ library: 'TRL', version: '1.9.0', date: day }];
  const latest = 'https://huggingface.co/docs/trl/grpo_trainer';
  it('warns about an unexcused link, lists an excused one as still to do, and refuses an entry no longer needed', () => {
    expect(sourceVersionCheck('x', [{ url: latest }], trl, {})).toEqual({
      warnings: [
        { field: 'sources[0].url', message: expect.stringMatching(/^links TRL without a release in the link/) },
      ],
      pending: [],
      problems: [],
    });
    const backlog = { x: { [latest]: 'the docs at 1.9.0 were out of reach' } };
    const excused = sourceVersionCheck('x', [{ url: latest }], trl, backlog);
    expect(excused.warnings).toEqual([]);
    expect(excused.problems).toEqual([]);
    expect(excused.pending[0]?.message).toMatch(/ \(still to do: the docs at 1\.9\.0 were out of reach\)$/);
    expect(
      sourceVersionCheck('x', [{ url: 'https://huggingface.co/docs/trl/v1.9.0/en/grpo_trainer' }], trl, backlog)
        .problems,
    ).toEqual([
      {
        field: 'sources',
        message: `the source-version backlog (src/lib/cards/api-libraries.ts) lists ${latest} for this card, which no longer needs it: remove the entry`,
      },
    ]);
  });
  it('keeps each backlog entry to an https link with the reason it could not be read at the checked release', () => {
    for (const [card, links] of Object.entries(SOURCE_VERSION_BACKLOG))
      for (const [url, why] of Object.entries(links)) {
        expect(url, card).toMatch(/^https:\/\//);
        expect(why.trim().length, card).toBeGreaterThan(20);
      }
  });
});
