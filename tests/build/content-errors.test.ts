import { describe, expect, it } from 'vitest';
import { astroBuild } from '../support/build.ts';

// A build of the bad-card corpus must fail before rendering and list every bad card, not just the first.
describe('building a deck with bad cards', () => {
  it('fails with every problem of every card, named by file and field', () => {
    const r = astroBuild('.tmp/dist-bad', { CONTENT_DIR: 'tests/fixtures/bad-cards' });
    const out = `${r.stdout}\n${r.stderr}`;
    expect(r.status).not.toBe(0);
    const dir = 'tests/fixtures/bad-cards/cards';
    for (const line of [
      `${dir}/wrong-level.mdx: level: "expert" is not one of beginner, intermediate, advanced`,
      `${dir}/missing-title.mdx: title: missing: add a title of 8–90 characters`,
      `${dir}/http-source.mdx: sources[0].url: "http://arxiv.org/abs/2106.09685": must use https:// (http links are rejected)`,
      `${dir}/unknown-field.mdx: author: unknown field "author": remove it or check its spelling`,
      `${dir}/dangling-related.mdx: related[1]: "no-such-card" is not a card`,
      `${dir}/quiz-duplicate-choice.mdx: quiz.choices[2].text: duplicate of choice 0 ("All of the weights"): every option must differ`,
      `${dir}/quiz-blank-choice.mdx: quiz.choices[1].text: blank: write the option, or remove the choice`,
      `${dir}/quiz-source-out-of-range.mdx: quiz.choices[1].source: 3 is out of range: this card has 2 sources (0–1)`,
      `${dir}/quiz-explanation-field.mdx: quiz.explanation: "explanation" is gone: the right choice's why carries it now (quiz.choices[answer].why); give every other choice a why too`,
      `${dir}/quiz-string-choice.mdx: quiz.choices[0]: "All weights" is not valid: each choice is { text, why }: the option, and why it is right or wrong`,
      `${dir}/quiz-missing-why.mdx: quiz.choices[0].why: missing: add why this option is right or wrong, in 1–2 sentences`,
    ]) {
      expect(out).toContain(line);
    }
    expect(out).toMatch(/Content check failed: \d+ problem\(s\) in (19|2\d) file\(s\)/);
    expect(out).not.toContain('generating static routes');
  });

  it('fails a deck whose quizzes are valid one by one but unbalanced together, naming the cards to change', () => {
    const deck = 'tests/fixtures/bad-cards/unbalanced-deck';
    const r = astroBuild('.tmp/dist-unbalanced', { CONTENT_DIR: deck });
    const out = `${r.stdout}\n${r.stderr}`;
    expect(r.status).not.toBe(0);
    expect(out).toContain(
      `${deck}/cards: quiz.answer: B is the right answer in 7 of 10 quizzes (70%), over the 40% the deck policy allows in one position (quiz.maxAnswerShare): move the answer of at least 3 of them to another position: deck-01.mdx, deck-02.mdx, deck-03.mdx, deck-04.mdx, deck-05.mdx, deck-06.mdx, deck-07.mdx`,
    );
    for (const n of ['01', '02', '03', '04'])
      expect(out).toContain(
        `${deck}/cards/deck-${n}.mdx: quiz.choices[1].text: the right answer is 91% longer than the longest wrong option (88 against 46 characters), and 4 of 10 quizzes give their answer away by length, over the 33% the deck policy allows (quiz.maxLongestShare): lengthen the wrong options or shorten this answer; at least 1 of these 4 cards must change`,
      );
    expect(out).toContain('Content check failed: 5 problem(s) in 5 file(s)');
    expect(out).not.toContain('generating static routes');
  });
});
