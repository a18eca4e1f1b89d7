import { describe, expect, it } from 'vitest';
import { StaticElementError, toStaticMarkdown } from '../../../src/lib/cards/static-body.ts';
import { STATIC_COMPONENTS } from '../../../src/lib/cards/static-components.ts';
import { vramFigure, vramHtml } from '../../../src/lib/memory/index.ts';

// A stand-in component that shows exactly which props it received.
const echo = { Fig: (p: Record<string, unknown>) => `<b>${JSON.stringify(p)}</b>` };

describe('toStaticMarkdown', () => {
  it('leaves a body without MDX constructs as it is', () => {
    const body = '# Title\n\nSome *text* with `code` and a [link](/cards/lora/).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    expect(toStaticMarkdown(body, echo)).toEqual({ markdown: body, reason: null });
  });

  it('replaces each element with its HTML, in place, with literal props typed', () => {
    const body = 'Before — “quoted” × <Fig a="x" n={2048} on={true} off={false} bare /> after.\n\n<Fig a="y" />\n';
    expect(toStaticMarkdown(body, echo)).toEqual({
      markdown:
        'Before — “quoted” × <b>{"a":"x","n":2048,"on":true,"off":false,"bare":true}</b> after.\n\n<b>{"a":"y"}</b>\n',
      reason: null,
    });
  });

  it('replaces elements inside table cells and list items', () => {
    const body = '| x | y |\n|---|---|\n| a | <Fig k="1" /> |\n\n- item <Fig k="2" />\n';
    expect(toStaticMarkdown(body, echo).markdown).toBe(
      '| x | y |\n|---|---|\n| a | <b>{"k":"1"}</b> |\n\n- item <b>{"k":"2"}</b>\n',
    );
  });

  it.each([
    ["import X from './x.tsx';\n\nText.\n", 'imports or exports'],
    ['export const n = 1;\n\nText.\n', 'imports or exports'],
    ['Two is {1 + 1}.\n', 'a {…} expression'],
    ['{/* a comment */}\n\nText.\n', 'a {…} expression'],
    ['<Other />\n', 'the <Other> element'],
    ['<Fig>child</Fig>\n', '<Fig> with children'],
    ['<Fig n={x} />\n', '<Fig> with a computed prop'],
    ['<Fig {...props} />\n', '<Fig> with a computed prop'],
    ['<Fig a="x"\n', 'MDX syntax error'],
  ])('keeps %j as MDX: %s', (body, reason) => {
    expect(toStaticMarkdown(body, echo)).toEqual({ markdown: null, reason });
  });

  it("reports a component's error with the element's line", () => {
    const body = 'One.\n\nTwo <Fig bad="1" /> three.\n';
    const throwing = {
      Fig: () => {
        throw new Error('prop "bad" is not allowed');
      },
    };
    expect(() => toStaticMarkdown(body, throwing)).toThrow(StaticElementError);
    expect(() => toStaticMarkdown(body, throwing)).toThrow('<Fig> at line 3: prop "bad" is not allowed');
  });
});

describe('the static <Vram>', () => {
  const props = { model: 'llama-2-7b', method: 'full', precision: 'pure-bf16', show: 'states' };

  it('renders the figure of the memory model, with its settings in the title', () => {
    const html = STATIC_COMPONENTS.Vram?.(props);
    expect(html).toBe(vramHtml(props));
    expect(html).toBe(
      `<span class="vram" data-show="states" title="Memory model estimate (model states): Llama-2 7B, full, pure-bf16, adamw, seq 2048 × batch 1, flash">${vramFigure(props).text}</span>`,
    );
  });

  it('fails on a misspelt prop, naming it', () => {
    expect(() => STATIC_COMPONENTS.Vram?.({ ...props, shows: 'total' })).toThrow('<Vram> prop "shows"');
  });
});
