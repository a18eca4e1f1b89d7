import { describe, expect, it } from 'vitest';
import { astroBuild } from '../support/build.ts';
import { writeBadDeck } from '../support/bad-deck.ts';

// A build of the bad-card corpus must fail before rendering and list every bad card, not just the first.
describe('building a deck with bad cards', () => {
  const deck = writeBadDeck();
  const r = astroBuild('.tmp/dist-bad', { CONTENT_DIR: deck });
  const out = `${r.stdout}\n${r.stderr}`;
  const dir = `${deck}/cards`;

  it('fails with every problem of every card, named by file and field', () => {
    expect(r.status).not.toBe(0);
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
    expect(out).toMatch(/Content check failed: \d+ problem\(s\) in (4\d|5\d) file\(s\)/);
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

  it('reports the files Astro would drop or crash on, the bad URLs, encodings and markup, in the same run', () => {
    for (const line of [
      `${dir}/nested/in-subfolder.mdx: file: a card must sit directly in ${dir}/ (the site has no pages for subfolders): move it to ${dir}/in-subfolder.mdx`,
      `${dir}/Lora.mdx: file: "Lora" and "lora" (${dir}/lora.mdx) are one id to the site, which ignores case: rename or merge them`,
      `${dir}/lora.mdx: file: "lora" and "Lora" (${dir}/Lora.mdx) are one id to the site, which ignores case: rename or merge them`,
      `${dir}/wrong-extension.md: file: only .mdx files are cards, so this one is never built: rename it to wrong-extension.mdx`,
      `${dir}/missing-import.mdx: body: line 20: imports "../../../../src/components/NoSuchComponent.astro", which does not exist (paths are relative to the card's file): fix the path or remove the import`,
      `${dir}/source-url-space.mdx: sources[0].url: "https://arxiv.org/abs/2106 09685": contains a space: remove it, or write it as %20 if the address really has one`,
      `${dir}/source-url-trailing-space.mdx: sources[0].url: "https://arxiv.org/abs/2106.09685 ": has a space at the start or the end: remove it`,
      `${dir}/source-url-userinfo.mdx: sources[0].url: "https://arxiv.org@evil.example/x": has "arxiv.org@" before the host, so it opens evil.example: remove everything up to and including the "@"`,
      `${dir}/source-url-quote.mdx: sources[0].url: "https://arxiv.org/abs/2106.09685\\"": contains a quote, a backslash or an angle bracket: copy the address again from the browser`,
      `${dir}/source-url-javascript.mdx: sources[0].url: "javascript:alert(1)": a javascript: URL runs code instead of opening a page: give the source's https:// address`,
      `${dir}/source-url-empty-https.mdx: sources[0].url: "https://": has no host after the scheme: give the whole address, e.g. https://arxiv.org/abs/2305.14314`,
      `${dir}/related-twice.mdx: related[2]: "second-good" is already listed as related[0]: list each card once`,
      `${dir}/not-utf8.mdx: file: line 20: byte 0xE9 is not UTF-8 (the file was saved in another encoding, e.g. Windows-1252): save it as UTF-8`,
      `${dir}/oversize.mdx: file: is 37,609 bytes, over the deck's limit of 32,768 bytes per card (policy.maxCardBytes in site.config.mjs): shorten it or split it into two cards`,
      `${dir}/byte-order-mark.mdx: file: starts with a byte-order mark (BOM), which hides the opening "---": save the file as UTF-8 without BOM`,
      `${dir}/renamed-scaffold.mdx: title: "TODO: 8–90 characters, unique in the deck" is a placeholder from npm run new-card: replace it before publishing`,
      `${dir}/renamed-scaffold.mdx: quiz.question: "TODO: a question that tests practice (what woul…" is a placeholder from npm run new-card: replace it before publishing`,
      `${dir}/raw-script.mdx: body: line 26: <script> can run code or load another page: cards may not carry raw HTML that runs code; use a component from src/components/ instead`,
      `${dir}/raw-img-onerror.mdx: body: line 26: <img onerror> runs code when the event fires: remove the onerror attribute`,
      `${dir}/raw-javascript-link.mdx: body: line 26: <a href="javascript:alert(1)"> is a javascript: URL, which runs code instead of opening a page: link to an https:// page`,
      `${dir}/raw-iframe-srcdoc.mdx: body: line 26: <iframe> can run code or load another page: cards may not carry raw HTML that runs code; use a component from src/components/ instead`,
      `${dir}/raw-object.mdx: body: line 26: <object> can run code or load another page: cards may not carry raw HTML that runs code; use a component from src/components/ instead`,
      `${dir}/raw-meta-refresh.mdx: body: line 26: <meta> can run code or load another page: cards may not carry raw HTML that runs code; use a component from src/components/ instead`,
    ]) {
      expect(out).toContain(line);
    }
    expect(out).not.toMatch(/frontmatter: missing/);
  });

  it('prints the list once, and no stack trace', () => {
    expect(out.split(`${dir}/wrong-level.mdx: level:`).length - 1).toBe(1);
    expect(out).not.toMatch(/Stack trace|^\s+at .*\.(ts|js):\d+/m);
    expect(out).not.toContain('InvalidContentEntry');
  });
});
