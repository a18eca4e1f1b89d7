import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absolutizeHtml } from '../../../src/lib/feeds/index.ts';
import { decodeHtml } from '../../../src/lib/html/entities.ts';

const PAGE = 'https://example.org/cards/lora/';
const abs = (html: string) => absolutizeHtml(html, PAGE);

describe('absolutizeHtml: URLs', () => {
  it.each([
    ['<a href="/cards/qlora/">q</a>', '<a href="https://example.org/cards/qlora/">q</a>'],
    ['<a href="../qlora/">q</a>', '<a href="https://example.org/cards/qlora/">q</a>'],
    ['<a href="diagram/">d</a>', '<a href="https://example.org/cards/lora/diagram/">d</a>'],
    ['<a href="#sources">s</a>', '<a href="https://example.org/cards/lora/#sources">s</a>'],
    ['<a href="?x=1&amp;y=2">s</a>', '<a href="https://example.org/cards/lora/?x=1&amp;y=2">s</a>'],
    ['<a href="/a&#38;b">s</a>', '<a href="https://example.org/a&amp;b">s</a>'],
    ['<a href="//cdn.example.net/x.png">x</a>', '<a href="https://cdn.example.net/x.png">x</a>'],
    [
      '<img src=\'/_astro/lora.abc.webp\' alt="LoRA">',
      '<img src="https://example.org/_astro/lora.abc.webp" alt="LoRA" />',
    ],
    ['<img src=/a.png alt=x>', '<img src="https://example.org/a.png" alt="x" />'],
    ['<IMG SRC = " /a.png ">', '<img src="https://example.org/a.png" />'],
    ['<video poster="/p.jpg"></video>', '<video poster="https://example.org/p.jpg"></video>'],
    ['<blockquote cite="/src/">q</blockquote>', '<blockquote cite="https://example.org/src/">q</blockquote>'],
    ['<svg><use xlink:href="/s.svg#i"/></svg>', '<svg><use xlink:href="https://example.org/s.svg#i" /></svg>'],
    [
      '<img srcset="/a.png 1x, b.png 2x">',
      '<img srcset="https://example.org/a.png 1x, https://example.org/cards/lora/b.png 2x" />',
    ],
    [
      '<img srcset="/a,b.png 480w,/c.png 800w">',
      '<img srcset="https://example.org/a,b.png 480w, https://example.org/c.png 800w" />',
    ],
  ])('%s', (input, expected) => {
    expect(abs(input)).toBe(expected);
  });

  it('leaves absolute and non-http URLs alone', () => {
    const html =
      '<a href="https://arxiv.org/abs/2106.09685">p</a><a href="mailto:a@b.c">m</a><a href="tel:+1">t</a>' +
      '<img src="data:image/png;base64,AAAA" />';
    expect(abs(html)).toBe(html);
  });

  it('resolves root-relative URLs against the origin (Astro already adds the base path)', () => {
    expect(absolutizeHtml('<a href="/sub/cards/x/">x</a>', 'https://example.org/sub/cards/lora/')).toBe(
      '<a href="https://example.org/sub/cards/x/">x</a>',
    );
  });

  it('rejects a relative base URL', () => {
    expect(() => absolutizeHtml('<a href="/x">x</a>', '/cards/lora/')).toThrow();
  });
});

describe('absolutizeHtml: scripts', () => {
  it('removes script elements with their content, whatever their case and attributes', () => {
    expect(abs('<p>a</p><script>alert("</div>")</script><p>b</p>')).toBe('<p>a</p><p>b</p>');
    expect(abs('<p>a</p><SCRIPT type="module" src="/x.js">if (a < b) {}</SCRIPT ><p>b</p>')).toBe('<p>a</p><p>b</p>');
    expect(abs('<p>a</p><script>var s = "<script>";</script><p>b</p>')).toBe('<p>a</p><p>b</p>');
    expect(abs('<svg><script href="/x.js"/></svg>')).toBe('<svg></svg>');
    expect(abs('<p>a</p><script>never closed')).toBe('<p>a</p>');
    expect(abs('<p>a</p></script><p>b</p>')).toBe('<p>a</p><p>b</p>');
  });

  it('removes on* attributes and javascript: URLs, keeping the rest of the tag', () => {
    expect(abs('<img src="/a.png" onerror="alert(1)" alt="a">')).toBe(
      '<img src="https://example.org/a.png" alt="a" />',
    );
    expect(abs('<div OnClick=\'x()\' class="c" onmouseover=go>t</div>')).toBe('<div class="c">t</div>');
    expect(abs('<span onclick="a > b && go()" lang=en>x</span>')).toBe('<span lang="en">x</span>');
    expect(abs('<button onclick="a > b && go()" type=button>x</button>')).toBe('x'); // no form controls in a feed
    expect(abs('<a href=" JaVaScript:alert(1)" title="t">x</a>')).toBe('<a title="t">x</a>');
    expect(abs('<a href="java\nscript:alert(1)">x</a>')).toBe('<a>x</a>');
    expect(abs('<a href="vbscript:x">x</a>')).toBe('<a>x</a>');
  });

  it('drops comments, and raw-text elements with their content (never read as markup)', () => {
    expect(abs('<p>a<!-- <script>x</script> --></p>')).toBe('<p>a</p>');
    expect(abs('<style>a[href^="/"]::after { content: "<a href=/x>" }</style>')).toBe('');
    expect(abs('<textarea><a href="/x"></textarea>')).toBe('');
  });

  it('leaves text, entities, code blocks and end tags alone, and escapes a stray <', () => {
    const html = '<pre><code>if (a &lt; b &amp;&amp; c) {}</code></pre><p>1 < 2, x<3</p><br/><hr>';
    expect(abs(html)).toBe('<pre><code>if (a &lt; b &amp;&amp; c) {}</code></pre><p>1 &lt; 2, x&lt;3</p><br /><hr />');
  });
});

/** A random fragment of HTML, with what must survive of its text. */
interface Fragment {
  html: string;
  text: string;
}

const urls = fc.constantFrom(
  '/cards/x/',
  'x/y.png',
  '../up/',
  '#frag',
  '?q=1&amp;r=2',
  'https://ext.example.com/p',
  'javascript:alert(1)',
  ' /spaced ',
  '',
);
const plainValues = fc.constantFrom('c', 'a &gt; b', "it's", 'x=1', '', 'onclick=alert(1)', '/not-a-url');
const textArb = fc.stringMatching(/^[a-zA-Z0-9 .,&;!]{0,12}$/).map((s) => s.replace(/&/g, '&amp;'));

const attrArb = fc.oneof(
  fc.tuple(fc.constantFrom('href', 'src', 'poster', 'HREF'), urls).map(([n, v]) => ` ${n}="${v}"`),
  fc
    .tuple(fc.constantFrom('srcset'), fc.array(urls, { minLength: 1, maxLength: 3 }))
    .map(([n, vs]) => ` ${n}="${vs.map((v, i) => `${v.trim() || 'z.png'} ${i + 1}x`).join(', ')}"`),
  fc.tuple(fc.constantFrom('onclick', 'onLoad', 'ONERROR', 'onmouseover'), plainValues).map(([n, v]) => ` ${n}="${v}"`),
  fc.tuple(fc.constantFrom('class', 'title', 'alt', 'data-x'), plainValues).map(([n, v]) => ` ${n}="${v}"`),
);

const fragmentArb: fc.Arbitrary<Fragment> = fc.letrec<{ node: Fragment }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    textArb.map((t) => ({ html: t, text: t })),
    fc
      .tuple(
        fc.constantFrom('p', 'a', 'div', 'span', 'figure', 'img'),
        fc.array(attrArb, { maxLength: 4 }),
        fc.array(tie('node'), { maxLength: 3 }),
      )
      .map(([tag, attrs, children]) =>
        tag === 'img'
          ? { html: `<img${attrs.join('')}>`, text: '' }
          : {
              html: `<${tag}${attrs.join('')}>${children.map((c) => c.html).join('')}</${tag}>`,
              text: children.map((c) => c.text).join(''),
            },
      ),
    fc.tuple(fc.array(attrArb, { maxLength: 2 }), textArb).map(([attrs, body]) => ({
      html: `<script${attrs.join('')}>${body}</script>`,
      text: '',
    })),
  ),
})).node;

describe('absolutizeHtml: properties', () => {
  it('leaves no script, no on* attribute, no javascript: URL and no relative URL; keeps the text', () => {
    fc.assert(
      fc.property(fc.array(fragmentArb, { maxLength: 4 }), (fragments) => {
        const html = fragments.map((f) => f.html).join('');
        const out = abs(html);
        expect(out).not.toMatch(/<script/i);
        expect(out).not.toMatch(/javascript:/i);
        for (const tag of out.match(/<[a-z][^>]*>/gi) ?? []) {
          for (const [, name, value] of tag.matchAll(/\s([^\s=>]+)="([^"]*)"/g)) {
            const lower = (name as string).toLowerCase();
            expect(lower.startsWith('on')).toBe(false);
            if (lower === 'href' || lower === 'src' || lower === 'poster') expect(value).toMatch(/^https?:\/\//);
            if (lower === 'srcset') {
              for (const candidate of (value as string).split(', ')) expect(candidate).toMatch(/^https?:\/\/\S+ \d+x$/);
            }
          }
        }
        expect(out.replace(/<[^>]*>/g, '')).toBe(fragments.map((f) => f.text).join(''));
      }),
      { numRuns: 300 },
    );
  });

  it('changes no text in HTML without tags', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes('<')),
        (s) => {
          expect(decodeHtml(abs(s))).toBe(decodeHtml(s));
        },
      ),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.array(fragmentArb, { maxLength: 4 }), (fragments) => {
        const once = abs(fragments.map((f) => f.html).join(''));
        expect(abs(once)).toBe(once);
      }),
    );
  });
});

describe('replaceIslands', () => {
  it('replaces each island with its server fallback by the given HTML', async () => {
    const { replaceIslands } = await import('../../../src/lib/feeds/html.ts');
    const html =
      '<p>a</p><astro-island uid="1" component-url="/_astro/X.js"><form><input></form></astro-island><p>b</p><astro-island uid="2"></astro-island>';
    expect(replaceIslands(html, '<p>link</p>')).toBe('<p>a</p><p>link</p><p>b</p><p>link</p>');
  });
});

describe('absolutizeHtml: unsafe markup is removed', () => {
  // Attacks on a feed reader that renders content:encoded / content_html: what must not survive, then all that is left.
  it.each([
    ['<object data="javascript:alert(1)">x</object>', /<object|javascript/i, 'x'],
    ['<object data="/evil.swf" type="application/x-shockwave-flash"></object>', /<object/i, ''],
    ['<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', /<meta|javascript/i, ''],
    ['<meta http-equiv=refresh content="0; url=https://evil.example/">', /<meta|evil/i, ''],
    ['<base href="https://evil.example/"><a href="/x">x</a>', /<base|evil/i, '<a href="https://example.org/x">x</a>'],
    ['<embed src="javascript:alert(1)">', /<embed|javascript/i, ''],
    ['<embed src="/x.swf" type="application/x-shockwave-flash">', /<embed/i, ''],
    ['<iframe srcdoc="<script>alert(1)</script>"></iframe>', /<iframe|srcdoc|script/i, ''],
    ['<iframe src="https://evil.example/">fallback</iframe>', /<iframe|evil/i, ''],
    ['<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>', /data:/i, '<a>x</a>'],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', /data:|script/i, '<a>x</a>'],
    [
      '<img src="data:image/png;base64,AAAA" srcset="data:text/html,x 2x">',
      /data:text/i,
      '<img src="data:image/png;base64,AAAA" />',
    ],
    [
      '<svg><animate attributeName="href" values="javascript:alert(1)" /><a><text>x</text></a></svg>',
      /<animate|javascript/i,
      '<svg><a><text>x</text></a></svg>',
    ],
    [
      '<svg><a><set attributeName="xlink:href" to="javascript:alert(1)" /><text>x</text></a></svg>',
      /<set|javascript/i,
      '<svg><a><text>x</text></a></svg>',
    ],
    [
      '<svg><foreignObject><iframe src="javascript:alert(1)"></iframe></foreignObject></svg>',
      /<foreignObject|<iframe|javascript/i,
      '<svg></svg>',
    ],
    ['<p>a</p><script>alert(1)</script><p>b</p>', /script|alert/i, '<p>a</p><p>b</p>'],
    ['<img src=x onerror=alert(1)>', /onerror|alert/i, '<img src="https://example.org/cards/lora/x" />'],
    ['<img src="javascript:alert(1)" alt="a">', /javascript/i, '<img alt="a" />'],
    ['<a href="javascript:alert(1)">x</a>', /javascript/i, '<a>x</a>'],
    ['<a href="jav&#x09;ascript:alert(1)">x</a>', /href|alert/i, '<a>x</a>'],
    ['<a href="jav&#9;ascript:alert(1)">x</a>', /href|alert/i, '<a>x</a>'],
    ['<a href="&#106;avascript:alert(1)">x</a>', /href|alert/i, '<a>x</a>'],
    ['<a href="&#x6A;&#x61;&#x76;&#x61;script&colon;alert(1)">x</a>', /href|alert/i, '<a>x</a>'],
    ['<a href="javascript&colon;alert(1)">x</a>', /href|alert/i, '<a>x</a>'],
    ['<a href=" &#14;  javascript:alert(1)">x</a>', /href|alert/i, '<a>x</a>'],
    ['<a href="java\tscript:alert(1)">x</a>', /href|alert/i, '<a>x</a>'],
    ['<a href="JAVASCRIPT:alert(1)">x</a>', /href|alert/i, '<a>x</a>'],
    ['<a href="vbscript:msgbox(1)">x</a>', /href|msgbox/i, '<a>x</a>'],
    ['<style>body { display: none }</style><p>a</p>', /style|display/i, '<p>a</p>'],
    ['<p style="position:fixed;inset:0">a</p>', /style|fixed/i, '<p>a</p>'],
    ['<link rel="stylesheet" href="https://evil.example/x.css"><p>a</p>', /<link|evil/i, '<p>a</p>'],
    [
      '<form action="https://evil.example/"><input name="password" type="password"><button>Log in</button></form>',
      /<form|<input|<button|evil/i,
      'Log in',
    ],
    ['<p>a</p><textarea><img src=x onerror=alert(1)></textarea>', /textarea|onerror/i, '<p>a</p>'],
    ['<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', /onerror|<img/i, ''],
    ['<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', /onerror|<img|<style/i, ''],
  ])('%s', (input, forbidden, expected) => {
    const out = abs(input);
    expect(out).not.toMatch(forbidden);
    expect(out).toBe(expected);
  });

  it('leaves no active content whatever the input', () => {
    const out = abs(
      [
        '<object data=javascript:alert(1)></object>',
        '<meta http-equiv=refresh content="0;url=javascript:alert(1)">',
        '<base href=//evil.example/>',
        '<embed src=javascript:alert(1)>',
        '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
        '<a href="data:text/html,x">d</a>',
        '<svg><animate attributeName=href values=javascript:alert(1) /></svg>',
        '<script>alert(1)</script>',
        '<img src=x onerror=alert(1)>',
        '<a href="jav&#x09;ascript:alert(1)">j</a>',
        '<style>*{}</style>',
        '<form><input></form>',
      ].join(''),
    );
    expect(out).not.toMatch(/<(object|meta|base|embed|iframe|animate|script|style|form|input)\b/i);
    expect(out).not.toMatch(/javascript|data:text|srcdoc|\son\w+=/i);
  });
});
