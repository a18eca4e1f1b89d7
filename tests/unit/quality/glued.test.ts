import { describe, expect, it } from 'vitest';
import { gluedWords } from '../../support/glued.ts';

describe('gluedWords', () => {
  it('finds a word glued to a link, a number and an expression result', () => {
    expect(gluedWords('<p>Follow it with<a href="/rss.xml">RSS</a> or <a>JSON</a>.</p>')).toEqual([
      'Follow it with|RSS',
    ]);
    expect(gluedWords('<p>totals of all<span>19</span> presets</p>')).toEqual(['totals of all|19']);
    expect(gluedWords('<p>a corpus of <b>100M</b>tokens</p>')).toEqual(['a corpus of 100M|tokens']);
    expect(gluedWords('<p><span>3 min read</span><span>Published</span></p>')).toEqual(['3 min read|Published']);
    expect(gluedWords('<p>Level:<b>Beginner</b></p>')).toEqual(['Level:|Beginner']);
  });

  it('finds a word glued to an expression value inside one text node', () => {
    expect(gluedWords('<p>the totals of all19 presets, and all of them</p>')).toEqual(['all19']);
    expect(gluedWords('<p>a corpus of 100Mtokens or more</p>')).toEqual(['100Mtokens']);
    expect(gluedWords('<p>follow it withRSS, with care</p>')).toEqual(['withRSS']);
  });

  it('leaves names alone: LoRA, QLoRA, bf16, A100, 7B, and camelCase in code', () => {
    expect(gluedWords('<p>LoRA and QLoRA in bf16 on an A100 for a 7B model; fp16 is an option</p>')).toEqual([]);
    expect(gluedWords('<p>set <code>doubleQuant</code> to double the savings</p>')).toEqual([]);
  });

  it('accepts text separated by whitespace, blocks, line breaks or punctuation, and skips hidden text', () => {
    expect(gluedWords('<p>with <a>RSS</a>, or <a>JSON</a>.</p>')).toEqual([]);
    expect(gluedWords('<ul><li>one</li><li>two</li></ul><h2>Three</h2><p>four<br>five</p>')).toEqual([]);
    expect(gluedWords('<p>(<a>link</a>)</p><p>“<q>quoted</q>”</p>')).toEqual([]);
    expect(gluedWords('<div hidden><span>lora</span><span>qlora</span></div><script>a<b</script><p>x</p>')).toEqual([]);
    expect(gluedWords('<p>see<!-- note --> <a>this</a></p>')).toEqual([]);
    expect(gluedWords('<p>a&nbsp;<a>b</a></p>')).toEqual([]);
  });
});
