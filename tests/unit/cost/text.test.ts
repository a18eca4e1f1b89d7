// How the time and cost figures are written: one set of formatters for the panel, the `vram` CLI and /about/memory/.
import { describe, expect, it } from 'vitest';
import { durationText, gigaText, gpuHoursText, shareText, usdText } from '../../../src/lib/cost/state.ts';

describe('time and cost figures as text', () => {
  it('writes FLOPs in billions, shares and GPU-hours with one decimal, always', () => {
    expect(gigaText(49_321_000_000)).toBe('49.3 G');
    expect(gigaText(16e9)).toBe('16.0 G');
    expect(shareText(0.352)).toBe('35.2%');
    expect(shareText(0.4)).toBe('40.0%');
    expect(gpuHoursText(12)).toBe('12.0');
    expect(gpuHoursText(1234.56)).toBe('1,234.6');
  });

  it('writes dollars with cents below $1,000 and whole dollars from there', () => {
    expect(usdText(35.349)).toBe('$35.35');
    expect(usdText(1234.5)).toBe('$1,235');
  });

  it('writes a duration in the unit that reads best', () => {
    expect(durationText(45 * 60)).toBe('45 min');
    expect(durationText(6.2 * 3600)).toBe('6.2 h');
  });
});
