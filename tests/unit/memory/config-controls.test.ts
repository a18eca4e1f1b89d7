import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configControls, loadedText } from '../../../src/lib/memory/config-controls.ts';
import { parseHfConfig } from '../../../src/lib/memory/hf-config.ts';
import { ARCH_PARAMS } from '../../../src/lib/memory/parameters.ts';
import { computeView, controlDefaults } from '../../../src/lib/memory/view.ts';

const parsed = (name: string) => {
  const r = parseHfConfig(readFileSync(`tests/fixtures/hf-configs/${name}.json`, 'utf8'));
  if (!r.ok) throw new Error(r.message);
  return r;
};

describe('a loaded config as calculator controls', () => {
  it('sets model=custom and every architecture field, and the view counts the config’s parameters', () => {
    const c = configControls(parsed('qwen3-8b').arch);
    expect(Object.keys(c).sort()).toEqual(['model', ...ARCH_PARAMS.map((p) => p.url)].sort());
    expect(c).toMatchObject({ model: 'custom', hidden: '4096', layers: '36', 'kv-heads': '8', 'head-dim': '128' });
    const view = computeView({ ...controlDefaults(), ...c });
    expect(view.errors).toEqual({});
    expect(view.result?.params.total).toBe(8_190_735_360);
    // The page URL carries the custom model (a reload restores it without fetching).
    expect(new URLSearchParams(view.query).get('model')).toBe('custom');
  });

  it('resets what an earlier custom model set and the new config leaves out', () => {
    const moe = configControls(parsed('qwen3-30b-a3b').arch);
    expect(Number(moe.experts)).toBe(128);
    const dense = configControls(parsed('qwen3-8b').arch);
    expect({ ...moe, ...dense }).toEqual(dense);
    expect(dense.experts).toBe(String(ARCH_PARAMS.find((p) => p.url === 'experts')?.default));
  });

  it('says what was loaded, with the parameter count (and the active count of an MoE model)', () => {
    const q = parsed('qwen3-8b');
    expect(loadedText('Qwen/Qwen3-8B', q.modelType, q.arch)).toBe('Loaded Qwen/Qwen3-8B (qwen3, 8.19 B parameters)');
    const m = parsed('qwen3-30b-a3b');
    expect(loadedText('config.json', m.modelType, m.arch)).toBe(
      'Loaded config.json (qwen3_moe, 30.5 B parameters, 3.35 B active)',
    );
  });
});
