import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FONT, measure } from '../../../scripts/gen-badge-widths.ts';
import { BADGE_COLORS, type Badge, badgeSvg, badgeText, textWidth } from '../../../src/lib/badge/badge.ts';
import { BADGE_CHARS } from '../../../src/lib/badge/font.ts';
import { GLYPH_WIDTHS } from '../../../src/lib/badge/glyph-widths.ts';
import { badgeForQuery, badgeMarkdown, vramBadge } from '../../../src/lib/badge/vram.ts';
import { estimateMemory, type TrainingInput } from '../../../src/lib/memory/index.ts';
import { INVALID_XML_CHAR } from '../../support/feeds.ts';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: false,
});
type Text = { '#text': string; '@_x': string; '@_textLength': string; '@_aria-hidden'?: string };
function parse(svg: string) {
  expect(XMLValidator.validate(svg)).toBe(true);
  expect(svg).not.toMatch(INVALID_XML_CHAR);
  const doc = parser.parse(svg).svg;
  const texts = ([] as Text[]).concat(doc.g[1].text);
  return { doc, texts };
}

const est = (input: TrainingInput) => {
  const r = estimateMemory(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.estimate;
};

describe('badge SVG', () => {
  const b: Badge = { label: 'QLoRA', message: 'fits RTX 4090 · 14.2 GB', tone: 'ok', title: 'Llama, QLoRA' };

  it('sizes each box to its measured text plus 5 px padding each side', () => {
    // Q 8.61 + L 6.16 + o 6.72 + R 7.6 + A 7.52 (DejaVu Sans at 11 px)
    expect(textWidth('QLoRA')).toBe(36.6 + 0.08);
    const { doc, texts } = parse(badgeSvg(b));
    const mw = textWidth(b.message);
    const L = Math.ceil(36.68) + 10;
    const M = Math.ceil(mw) + 10;
    expect(doc['@_width']).toBe(String(L + M));
    expect(doc['@_height']).toBe('20');
    expect(doc['@_role']).toBe('img');
    expect(doc['@_aria-label']).toBe('QLoRA: fits RTX 4090 · 14.2 GB');
    expect(doc.title).toBe('Llama, QLoRA');
    const rects = doc.g[0].rect as Record<string, string>[];
    expect(rects.map((r) => [r['@_width'], r['@_fill']])).toEqual([
      [String(L), BADGE_COLORS.label],
      [String(M), BADGE_COLORS.ok],
      [String(L + M), expect.stringMatching(/^url\(#s[0-9a-z]+\)$/)],
    ]);
    expect(rects[1]?.['@_x']).toBe(String(L));
    // shadow and text for each box, centred, each told its measured length
    expect(texts.map((t) => [t['#text'], t['@_x'], t['@_textLength'], t['@_aria-hidden'] ?? null])).toEqual([
      ['QLoRA', String(L / 2), '36.68', 'true'],
      ['QLoRA', String(L / 2), '36.68', null],
      [b.message, String(L + M / 2), String(mw), 'true'],
      [b.message, String(L + M / 2), String(mw), null],
    ]);
    expect(doc.g[1]['@_font-family']).toBe('DejaVu Sans,Verdana,Geneva,sans-serif');
  });

  it('colours the message box by tone', () => {
    for (const tone of ['ok', 'bad', 'info'] as const) {
      const { doc } = parse(badgeSvg({ ...b, tone }));
      expect(doc.g[0].rect[1]['@_fill']).toBe(BADGE_COLORS[tone]);
    }
  });

  it('escapes markup: any text stays text and the SVG stays well-formed XML', () => {
    const evil = `</text><script>alert(1)</script>&amp;"'`;
    const svg = badgeSvg({ label: evil, message: evil, tone: 'bad', title: evil });
    expect(svg).not.toContain('<script');
    const { doc, texts } = parse(svg);
    expect(doc.title).toBe(evil);
    expect(texts.every((t) => t['#text'] === evil)).toBe(true);
  });

  it('property: for any label and message, valid XML whose texts read back as the cleaned input', () => {
    const parse2 = new XMLParser({
      ignoreAttributes: false,
      parseTagValue: false,
      trimValues: false,
      processEntities: true,
    });
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 40 }), (label, message) => {
        const svg = badgeSvg({ label, message, tone: 'info', title: `${label} ${message}` });
        if (XMLValidator.validate(svg) !== true || INVALID_XML_CHAR.test(svg)) return false;
        const texts = ([] as { '#text'?: string }[]).concat(parse2.parse(svg).svg.g[1].text);
        const shown = texts.map((t) => t['#text'] ?? '');
        return (
          shown[1] === badgeText(label) &&
          shown[3] === badgeText(message) &&
          Number(parse2.parse(svg).svg['@_width']) >= textWidth(badgeText(label) + badgeText(message)) + 20
        );
      }),
    );
  });

  it('counts a character missing from the table as the widest one', () => {
    expect(textWidth('漢')).toBe(Math.max(...GLYPH_WIDTHS.values()));
    expect(textWidth('')).toBe(0);
  });

  it.runIf(existsSync(DEFAULT_FONT))(
    'the width table is the one measured from DejaVu Sans (run gen-badge-widths)',
    () => {
      expect([...GLYPH_WIDTHS]).toEqual(measure(DEFAULT_FONT));
      expect([...GLYPH_WIDTHS.keys()]).toEqual(BADGE_CHARS);
    },
  );
});

describe('the VRAM badge', () => {
  const base: TrainingInput = { model: 'llama-3.1-8b', method: 'qlora', gradCheckpointing: true };

  it('fits: green, "fits <GPU> · <total>", the model and usable memory in the title', () => {
    const e = est(base);
    const gb = (e.perGpuBytes / 1e9).toFixed(1);
    expect(vramBadge(e, 'rtx-4090')).toEqual({
      label: 'QLoRA',
      message: `fits RTX 4090 · ${gb} GB`,
      tone: 'ok',
      title: `Llama-3.1 8B, QLoRA: fits NVIDIA GeForce RTX 4090 (${gb} GB of 25.8 GB usable). Estimate of the Fine-Tuning Cards VRAM calculator.`,
    });
  });

  it('does not fit: red; several GPUs: per GPU; no GPU: blue', () => {
    const big = est({ model: 'llama-2-70b', method: 'full', gpus: 8, sharding: 'zero3' });
    const gb = (big.perGpuBytes / 1e9).toFixed(1);
    expect(vramBadge(big, 't4')).toMatchObject({
      label: 'Full',
      message: `does not fit 8× T4 · ${gb} GB per GPU`,
      tone: 'bad',
    });
    expect(vramBadge(big, null)).toMatchObject({ message: `${gb} GB per GPU`, tone: 'info' });
  });

  it('badgeForQuery reads a calculator query; an invalid one has no badge', () => {
    const r = badgeForQuery('model=llama-3.1-8b&method=qlora&grad-checkpointing=1&gpu=rtx-4090');
    expect(r?.badge).toEqual(vramBadge(est(base), 'rtx-4090'));
    expect(r && XMLValidator.validate(r.svg)).toBe(true);
    expect(badgeForQuery('model=nope&method=qlora')).toBeNull();
    expect(badgeForQuery('seq=0&method=qlora')).toBeNull();
  });

  it('Markdown links the committed file to the calculator, with brackets and spaces escaped', () => {
    const b: Badge = { label: 'Q[LoRA]', message: 'fits (x)', tone: 'ok', title: '' };
    expect(badgeMarkdown(b, 'vram badge.svg', 'https://x.example/calculator/?a=(1)')).toBe(
      '[![Q\\[LoRA\\]: fits (x)](vram%20badge.svg)](https://x.example/calculator/?a=%281%29)',
    );
  });
});

describe('badge ids', () => {
  it('two different badges inlined in one page use different clip paths and gradients', () => {
    const a = badgeSvg({ label: 'A', message: 'x', tone: 'ok', title: '' });
    const b = badgeSvg({ label: 'A', message: 'y', tone: 'ok', title: '' });
    const ids = (s: string) => [...s.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(a)).toHaveLength(2);
    expect(ids(a).filter((i) => ids(b).includes(i))).toEqual([]);
    for (const id of ids(a)) expect(a).toContain(`url(#${id})`);
  });
});
