// The plan's mapping table stays in step with the calculator's parameter table: one row per parameter, and every
// key a row writes is one it also reads back.
import { describe, expect, it } from 'vitest';
import { PARAMS } from '../../../src/lib/memory/index.ts';
import { codecOf, FORMATS, SETTINGS } from '../../../src/lib/plan/settings.ts';
import { planModel } from '../../../src/lib/plan/models.ts';
import { normalize, TRAINER_IDS } from '../../../src/lib/memory/index.ts';

describe('plan settings table', () => {
  it('has exactly one row per PARAMS id, in table order', () => {
    expect(SETTINGS.map((r) => r.id)).toEqual(PARAMS.map((p) => p.id));
  });

  it('every value a row writes uses only the keys the row reads', () => {
    for (const [method, trainer] of (['full', 'lora', 'qlora', 'dora'] as const).flatMap((m) =>
      TRAINER_IDS.map((t) => [m, t] as const),
    )) {
      const n = normalize({ model: 'llama-3.1-8b', method, trainer });
      if (!n.ok) throw new Error('bad input');
      const ctx = { input: n.input, model: planModel('llama-3.1-8b') ?? null };
      for (const row of SETTINGS) {
        const p = PARAMS.find((x) => x.id === row.id);
        const values: unknown[] =
          p?.type === 'enum' ? (p.values ?? []).map(([v]) => v) : p?.type === 'bool' ? [true, false] : [p?.default];
        for (const f of FORMATS) {
          const codec = codecOf(row, f);
          if (!codec) continue;
          for (const v of values) {
            const written = Object.keys(codec.write(v as string, ctx));
            expect(
              written.filter((k) => !codec.keys.includes(k)),
              `${row.id} in ${f} = ${String(v)} (${trainer})`,
            ).toEqual([]);
          }
        }
      }
    }
  });
});
