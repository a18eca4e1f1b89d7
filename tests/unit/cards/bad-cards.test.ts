import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMdx } from '../../../src/astro/content-checks.ts';
import { type ContentProblem, formatProblem, validateDeck } from '../../../src/lib/cards/validate.ts';

const dir = 'tests/fixtures/bad-cards';
const read = (p: string) => ({ path: `${dir}/${p}`, source: readFileSync(join(dir, p), 'utf8') });
const cards = readdirSync(join(dir, 'cards')).map((f) => read(`cards/${f}`));
const policy = { minWords: 180, maxWords: 400, minRelated: 1, requireQuiz: true, minTags: 2, maxTags: 6 };
const result = validateDeck({ cards, topics: read('topics.yaml'), series: read('series.yaml'), policy, checkMdx });
const problemsOf = (name: string): ContentProblem[] =>
  result.problems.filter((p) => p.file === `${dir}/cards/${name}.mdx`);

// Each bad card fails for exactly the reason it was written for, with a message an author can act on.
const cases: [name: string, field: string, message: string | RegExp][] = [
  ['missing-title', 'title', 'missing: add a title of 8–90 characters'],
  ['wrong-level', 'level', '"expert" is not one of beginner, intermediate, advanced'],
  ['tags-as-string', 'tags', '"lora, qlora" is not valid: tags must be a YAML list, e.g. [lora, quantization]'],
  ['non-kebab-tag', 'tags[1]', /^"Mixed_Precision": each tag must be kebab-case/],
  ['http-source', 'sources[0].url', '"http://arxiv.org/abs/2106.09685": must use https:// (http links are rejected)'],
  ['no-sources', 'sources', 'give at least 1 source (title and https url) (it has 0)'],
  ['bad-date', 'publishedAt', '"2026-02-30": publishedAt is not a real calendar date'],
  [
    'updated-before-published',
    'updatedAt',
    '2026-09-01 is before publishedAt 2026-10-01: updatedAt must be the same day or later',
  ],
  ['quiz-answer-out-of-range', 'quiz.answer', '4 is out of range: use an index from 0 to 1 (0 is the first choice)'],
  [
    'dangling-related',
    'related[1]',
    '"no-such-card" is not a card: there is no content/cards/no-such-card.mdx (check the spelling)',
  ],
  ['self-related', 'related[0]', 'a card cannot be related to itself: remove "self-related"'],
  [
    'duplicate-title',
    'title',
    `"Fixture: first good card" is also the title of ${dir}/cards/good-card.mdx: each card needs its own title`,
  ],
  ['series-gap', 'series.part', /^series "fine-tuning-basics" has no part 2 \(parts are 1, 3\)/],
  [
    'duplicate-series-part',
    'series.part',
    `part 1 of series "fine-tuning-basics" is also claimed by ${dir}/cards/good-card.mdx: give each card its own part`,
  ],
  ['broken-yaml', 'frontmatter', /^YAML syntax error at line \d+: .*\(check quotes, indentation and colons\)$/],
  ['mdx-syntax-error', 'body', /^MDX syntax error at line 26, column \d+: /],
  ['bad-vram-prop', 'body', /^line 22: <Vram> prop "shows" is not a <Vram> prop \(use model, method, .*\bshow\b/],
  ['unknown-field', 'author', 'unknown field "author": remove it or check its spelling'],
  [
    'dangling-topic',
    'topic',
    /^"cooking" is not a topic in tests\/fixtures\/bad-cards\/topics.yaml \(known topics: strategy, peft/,
  ],
  ['too-few-words', 'body', 'has 5 words: cards must have 180–400 words of prose'],
];

describe('bad-card corpus', () => {
  it.each(cases)('%s fails on %s', (name, field, message) => {
    const problems = problemsOf(name);
    expect(
      problems.length,
      formatProblem(problems[0] ?? { file: name, field: '-', message: 'no problem reported' }),
    ).toBeGreaterThan(0);
    const match = problems.find(
      (p) => p.field === field && (typeof message === 'string' ? p.message === message : message.test(p.message)),
    );
    expect(match, `got: ${problems.map(formatProblem).join('\n')}`).toBeDefined();
  });

  it('fails each bad card only for its own mistake', () => {
    for (const [name] of cases) {
      const fields = new Set(problemsOf(name).map((p) => p.field));
      expect([...fields], name).toEqual([cases.find((c) => c[0] === name)?.[1]]);
    }
  });

  it('reports every bad card in one run and keeps the good ones', () => {
    expect(new Set(result.problems.map((p) => p.file)).size).toBeGreaterThanOrEqual(cases.length);
    expect(result.cards.map((c) => c.id)).toEqual(['second-good']);
    expect(problemsOf('good-card').map((p) => p.field)).toEqual(['title', 'series.part']);
  });

  it('formats a problem as file: field: message', () => {
    const p = problemsOf('wrong-level')[0] as ContentProblem;
    expect(formatProblem(p)).toBe(
      `${dir}/cards/wrong-level.mdx: level: "expert" is not one of beginner, intermediate, advanced`,
    );
  });

  it('never builds drafts', () => {
    const r = validateDeck({
      cards: [{ path: 'content/cards/_draft.mdx', source: 'not even frontmatter' }],
      topics: read('topics.yaml'),
    });
    expect(r.problems).toEqual([]);
  });
});
