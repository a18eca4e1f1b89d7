import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeXmlEntities, escapeHtml } from '../../../src/lib/html/entities.ts';
import { parseExcerpt, segmentsToText } from '../../../src/lib/search/index.ts';

describe('parseExcerpt', () => {
  it('splits marked and plain runs', () => {
    expect(parseExcerpt('stores the base in <mark>NF4</mark> and trains <mark>LoRA</mark> adapters')).toEqual([
      { text: 'stores the base in ', mark: false },
      { text: 'NF4', mark: true },
      { text: ' and trains ', mark: false },
      { text: 'LoRA', mark: true },
      { text: ' adapters', mark: false },
    ]);
  });

  it('decodes the entities Pagefind escapes, so text is never HTML', () => {
    expect(parseExcerpt('a &lt;script&gt; tag &amp; <mark>&quot;quotes&quot;</mark> &#39;x&#x27;')).toEqual([
      { text: 'a <script> tag & ', mark: false },
      { text: '"quotes"', mark: true },
      { text: " 'x'", mark: false },
    ]);
  });

  it('merges adjacent runs and tolerates unbalanced marks', () => {
    expect(parseExcerpt('<mark>reward</mark><mark> model</mark>')).toEqual([{ text: 'reward model', mark: true }]);
    expect(parseExcerpt('open <mark>end')).toEqual([
      { text: 'open ', mark: false },
      { text: 'end', mark: true },
    ]);
    expect(parseExcerpt('stray </mark>close')).toEqual([{ text: 'stray close', mark: false }]);
    expect(parseExcerpt('')).toEqual([]);
  });

  it('keeps unknown entities and other tags as literal text; invalid code points read as U+FFFD, as in a browser', () => {
    expect(decodeXmlEntities('&bogus; &nbsp; &amp &#0; &#x110000;')).toBe('&bogus; &nbsp; &amp \uFFFD \uFFFD');
    expect(segmentsToText(parseExcerpt('<b>bold</b>'))).toBe('<b>bold</b>');
  });

  it('never loses text: the plain text equals the input without marks, decoded', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 12 }), fc.boolean()), { maxLength: 8 }), (runs) => {
        const html = runs.map(([t, m]) => (m ? `<mark>${escapeHtml(t)}</mark>` : escapeHtml(t))).join('');
        const segments = parseExcerpt(html);
        expect(segmentsToText(segments)).toBe(runs.map(([t]) => t).join(''));
        for (const s of segments) expect(s.text).not.toBe('');
      }),
    );
  });
});
