import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import site from '../../../site.config.mjs';
import {
  answerLengthMargin,
  choiceLetter,
  deckFolder,
  quizBalanceProblems,
  quizDeckStats,
  textLength,
} from '../../../src/lib/cards/quiz-balance.ts';
import { quizSchema } from '../../../src/schemas/quiz.ts';

const policy = site.policy.quiz;
if (!policy) throw new Error('site.config.mjs has no quiz policy');
const quizOf = (texts: string[], answer: number) => ({ choices: texts.map((text) => ({ text, why: '' })), answer });

describe('quiz measures', () => {
  it('counts the characters a reader sees', () => {
    expect(textLength('  a   low-rank\n update ')).toBe(17);
  });

  it('measures how much longer the answer is than the longest wrong option', () => {
    expect(answerLengthMargin(quizOf(['aaaa', 'aaaaaaaa', 'aaa'], 1))).toBe(1);
    expect(answerLengthMargin(quizOf(['aaaaaaaaaa', 'aaaaaaaaaaaaa'], 1))).toBeCloseTo(0.3);
    expect(answerLengthMargin(quizOf(['aaaa', 'aaaa'], 0))).toBe(0);
    expect(answerLengthMargin(quizOf(['aa', 'aaaa'], 0))).toBe(-0.5);
  });

  it('labels positions as the card page does', () => {
    expect([0, 1, 4].map(choiceLetter)).toEqual(['A', 'B', 'E']);
  });

  it('finds the folder that holds every card', () => {
    expect(deckFolder(['content/cards/a.mdx', 'content/cards/b.mdx'])).toBe('content/cards');
    expect(deckFolder(['content/cards/x/a.mdx', 'content/cards/y/b.mdx'])).toBe('content/cards');
    expect(deckFolder(['a.mdx'])).toBe('.');
  });

  it('counts answer positions, longest answers and giveaways over a deck', () => {
    const stats = quizDeckStats(
      [quizOf(['aa', 'aaaaaaa'], 1), quizOf(['aaaaa', 'aaaa', 'aa'], 0), quizOf(['a', 'a', 'a', 'a'], 3)],
      policy.longestMargin,
    );
    expect(stats).toEqual({ quizzes: 3, positions: [1, 1, 0, 1], longest: 2, giveaways: 1 });
  });
});

describe('deck-wide quiz rules', () => {
  const deck = (answers: number[], long = false) =>
    answers.map((answer, i) => ({
      file: `content/cards/c${i}.mdx`,
      quiz: quizOf(
        ['one option', 'another one', 'a third one', 'a last one'].map((t, j) =>
          j === answer && long ? `${t} with far more words` : t,
        ),
        answer,
      ),
    }));

  it('accepts any deck whose positions stay within the share and whose answers do not stand out', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 0, maxLength: 60 }), (answers) => {
        const counts = [0, 1, 2, 3].map((p) => answers.filter((a) => a === p).length);
        const crowded = counts.some((c) => c > Math.floor(policy.maxAnswerShare * answers.length + 1e-9));
        const problems = quizBalanceProblems(deck(answers), policy);
        expect(problems.length > 0).toBe(crowded && answers.length >= policy.minQuizzes);
        expect(problems.every((p) => p.field === 'quiz.answer' && p.file === 'content/cards')).toBe(true);
      }),
    );
  });

  it('reports giveaways only when more than the allowed share of quizzes has one', () => {
    const spread = [0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3];
    const allowed = Math.floor(policy.maxLongestShare * spread.length);
    const mixed = (n: number) => [...deck(spread.slice(0, n), true), ...deck(spread.slice(n))];
    expect(quizBalanceProblems(mixed(allowed), policy)).toEqual([]);
    const over = quizBalanceProblems(mixed(allowed + 1), policy);
    expect(over.map((p) => p.field)).toEqual(spread.slice(0, allowed + 1).map((a) => `quiz.choices[${a}].text`));
  });

  it('keeps a quiz margin when its choices are shuffled with the answer', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 30 }), { minLength: 2, maxLength: 5 }),
        fc.nat(),
        fc.nat(),
        (texts, a, rot) => {
          const answer = a % texts.length;
          const r = rot % texts.length;
          const rotated = [...texts.slice(r), ...texts.slice(0, r)];
          const moved = (answer - r + texts.length) % texts.length;
          expect(answerLengthMargin(quizOf(rotated, moved))).toBe(answerLengthMargin(quizOf(texts, answer)));
        },
      ),
    );
  });
});

describe('the quiz schema', () => {
  it('reads the shape cards use: choices of { text, why, source? } and an answer index', () => {
    const quiz = {
      question: 'What does LoRA train?',
      choices: [
        { text: 'A low-rank update', why: 'Only the two small factors receive gradients.', source: 0 },
        { text: 'Every weight', why: 'That is full fine-tuning, which LoRA avoids.' },
      ],
      answer: 0,
    };
    expect(quizSchema.parse(quiz)).toEqual(quiz);
  });

  it('rejects a why that is too short to say anything', () => {
    const r = quizSchema.safeParse({
      question: 'What does LoRA train?',
      choices: [
        { text: 'A low-rank update', why: 'Right.' },
        { text: 'Every weight', why: 'That is full fine-tuning, which LoRA avoids.' },
      ],
      answer: 0,
    });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['choices.0.why', 'too short: say in 1–2 sentences why this option is right or wrong (at least 20 characters)'],
    ]);
  });
});
