import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { peakBySeqFigure, peakBySeqHtml } from '../../../src/lib/figures/sweep-figure.ts';
import { estimateMemory, formatBytes, type TrainingInput } from '../../../src/lib/memory/index.ts';

const input: TrainingInput = { model: 'llama-3.1-8b', method: 'qlora' };
const gb = (seq: number) => {
  const r = estimateMemory({ ...input, seq });
  if (!r.ok) throw new Error('invalid');
  return formatBytes(r.estimate.perGpuBytes, 'GB');
};

describe('the static sequence chart (/about/memory/)', () => {
  it('states the estimate at its ends and at the current length, and the longest length shown that fits', () => {
    const f = peakBySeqFigure(input, 'rtx-4090');
    expect(f.title).toBe('Peak memory per GPU against the sequence length, on the NVIDIA GeForce RTX 4090');
    expect(f.desc).toBe(
      `From ${gb(256)} at 256 tokens to ${gb(16_384)} at 16,384 tokens; 2,048 tokens need ${gb(2048)}. ` +
        'The NVIDIA GeForce RTX 4090 has 25.8 GB usable: of the points shown, 2,048 tokens is the longest that fits.',
    );
    expect(f.body).toContain(`>${gb(2048)}</text>`);
    expect(f.body).toContain('>25.8 GB usable</text>');
  });

  it('is accessible, theme-coloured and small', () => {
    const html = peakBySeqHtml(input, 'rtx-4090');
    expect(html).toMatch(/role="img" aria-labelledby="fig-peak-by-seq-title fig-peak-by-seq-desc"/);
    expect(html).not.toMatch(/#[0-9a-f]{3,6}\b|rgb\(/i);
    expect(gzipSync(html).length).toBeLessThan(6000);
  });

  it('refuses an input without an estimate', () => {
    expect(() => peakBySeqFigure({ ...input, seq: 0 }, 'rtx-4090')).toThrow(/no series/);
  });
});
