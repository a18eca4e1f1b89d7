import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import site from '../../../site.config.mjs';
import { checkContentDir, checkMdx } from '../../../src/astro/content-checks.ts';
import { type ContentProblem, formatProblem, validateDeck } from '../../../src/lib/cards/validate.ts';

const dir = 'tests/fixtures/bad-cards';
const read = (p: string) => ({ path: `${dir}/${p}`, source: readFileSync(join(dir, p), 'utf8') });
const cards = readdirSync(join(dir, 'cards')).map((f) => read(`cards/${f}`));
const policy = {
  minWords: 180,
  maxWords: 400,
  minRelated: 1,
  requireQuiz: true,
  minTags: 2,
  maxTags: 6,
  quiz: site.policy.quiz,
};
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
    'quiz-duplicate-choice',
    'quiz.choices[2].text',
    'duplicate of choice 0 ("All of the weights"): every option must differ',
  ],
  ['quiz-blank-choice', 'quiz.choices[1].text', 'blank: write the option, or remove the choice'],
  ['quiz-source-out-of-range', 'quiz.choices[1].source', '3 is out of range: this card has 2 sources (0–1)'],
  [
    'quiz-explanation-field',
    'quiz.explanation',
    `"explanation" is gone: the right choice's why carries it now (quiz.choices[answer].why); give every other choice a why too`,
  ],
  [
    'quiz-string-choice',
    'quiz.choices[0]',
    '"All weights" is not valid: each choice is { text, why }: the option, and why it is right or wrong',
  ],
  ['quiz-missing-why', 'quiz.choices[0].why', 'missing: add why this option is right or wrong, in 1–2 sentences'],
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

  it('finds the deck-wide quiz rules satisfied in this deck, whose answers are spread and lengths even', () => {
    expect(result.problems.filter((p) => !p.file.endsWith('.mdx'))).toEqual([]);
  });

  it('never builds drafts', () => {
    const r = validateDeck({
      cards: [{ path: 'content/cards/_draft.mdx', source: 'not even frontmatter' }],
      topics: read('topics.yaml'),
    });
    expect(r.problems).toEqual([]);
  });
});

// A deck whose cards are each valid but whose quizzes, together, are unbalanced: B holds 7 of 10 answers, and 4 right
// answers are far longer than every wrong option.
describe('an unbalanced deck', () => {
  const quizPolicy = site.policy.quiz;
  if (!quizPolicy) throw new Error('site.config.mjs has no quiz policy');
  const deckDir = `${dir}/unbalanced-deck`;
  const r = checkContentDir(process.cwd(), deckDir, site.policy);
  const card = (n: number) => `${deckDir}/cards/deck-${String(n).padStart(2, '0')}.mdx`;
  const giveaway = (n: number) => ({
    file: card(n),
    field: 'quiz.choices[1].text',
    message:
      'the right answer is 91% longer than the longest wrong option (88 against 46 characters), and 4 of 10 quizzes ' +
      'give their answer away by length, over the 33% the deck policy allows (quiz.maxLongestShare): lengthen the ' +
      'wrong options or shorten this answer; at least 1 of these 4 cards must change',
  });

  it('reports the crowded position once, on the cards folder, and each giveaway on its card', () => {
    expect(r.problems).toEqual([
      {
        file: `${deckDir}/cards`,
        field: 'quiz.answer',
        message:
          'B is the right answer in 7 of 10 quizzes (70%), over the 40% the deck policy allows in one position ' +
          '(quiz.maxAnswerShare): move the answer of at least 3 of them to another position: deck-01.mdx, ' +
          'deck-02.mdx, deck-03.mdx, deck-04.mdx, deck-05.mdx, deck-06.mdx, deck-07.mdx',
      },
      giveaway(1),
      giveaway(2),
      giveaway(3),
      giveaway(4),
    ]);
  });

  it('passes once the policy is loosened, so only the balance rules fail it', () => {
    const loose = { ...site.policy, quiz: { ...quizPolicy, maxAnswerShare: 0.7, maxLongestShare: 0.4 } };
    expect(checkContentDir(process.cwd(), deckDir, loose).problems).toEqual([]);
  });

  it('skips the deck rules below the policy minimum of quizzes', () => {
    const few = { ...site.policy, quiz: { ...quizPolicy, minQuizzes: 11 } };
    expect(checkContentDir(process.cwd(), deckDir, few).problems).toEqual([]);
  });
});
