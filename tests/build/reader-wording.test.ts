import { describe, expect, it } from 'vitest';
import site from '../../site.config.mjs';
import { htmlText } from '../../scripts/search-index.ts';
import { htmlPages, readDist } from '../support/dist.ts';

// Reader pages speak to readers: what is checked, not how the build works. /about/memory/ documents the memory
// model for the curious and is written separately.
const BUILD_JARGON = /\b(on every build|fails? the build|at build time|build time|the build)\b/i;

describe('the wording of reader pages', () => {
  it('has no build-pipeline jargon', () => {
    const problems: string[] = [];
    for (const page of htmlPages()) {
      if (page === 'about/memory/') continue;
      const text = htmlText(readDist(page.endsWith('.html') ? page : `${page}index.html`));
      const m = BUILD_JARGON.exec(text);
      if (m) problems.push(`${page}: "…${text.slice(Math.max(0, m.index - 40), m.index + 40)}…"`);
    }
    expect(problems).toEqual([]);
  });

  it('says on /about/ what every card is checked for, with the deck policy’s own numbers', () => {
    const text = htmlText(readDist('about/index.html'));
    const { policy } = site;
    expect(text).toContain('What every card is checked for');
    expect(text).toContain(`${policy.minWords}–${policy.maxWords} words of prose`);
    expect(text).toContain(`${policy.minTags}–${policy.maxTags} tags`);
    expect(text).toContain(`at least ${policy.minRelated} related cards`);
  });
});
