import { describe, expect, it } from 'vitest';
import { htmlPages, readDist } from '../support/dist.ts';
import { gluedWords } from '../support/glued.ts';

// Visible text on every page, read across element boundaries: "reader with<a>RSS</a>" must not read "withRSS".
describe('the text of every page', () => {
  it('has no words glued together across elements', () => {
    const problems: string[] = [];
    for (const page of htmlPages()) {
      const html = readDist(page.endsWith('.html') ? page : `${page}index.html`);
      for (const g of gluedWords(html)) problems.push(`${page}: "${g}"`);
    }
    expect(problems).toEqual([]);
  });
});
