// The parameter table and everything derived from it: each consumer is checked against the table, so a consumer that
// keeps a list of its own fails here.
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embedLoader } from '../../../src/client/embed-loader.ts';
import { cliOptions, cliUsage, readCli } from '../../../src/lib/memory/cli.ts';
import { EMBED_ALIASES, EMBED_ATTRIBUTES, embedScript } from '../../../src/lib/memory/embed.ts';
import {
  ARCH_PARAMS,
  calculatorFields,
  CUSTOM_MODEL,
  controlDefaults,
  DEFAULT_CUSTOM,
  DEFAULT_STATE,
  DEFAULTS,
  decodeRaw,
  decodeState,
  encodeState,
  GPU_PRESETS,
  INPUT_PARAMS,
  LIMITS,
  MODEL_PRESETS,
  NO_GPU,
  PARAMS,
  VRAM_PROPS,
  validateArchitecture,
} from '../../../src/lib/memory/index.ts';
import { inputParamName } from '../../../src/lib/memory/names.ts';
import { checkValue, param } from '../../../src/lib/memory/parameters.ts';
import { PAIRED } from '../../../src/lib/memory/post-training.ts';

const unique = (xs: string[]) => new Set(xs).size === xs.length;

describe('the parameter table', () => {
  it('has unique ids, URL names (with aliases), CLI flags and labels', () => {
    expect(unique(PARAMS.map((p) => p.id))).toBe(true);
    expect(unique(PARAMS.flatMap((p) => [p.url, ...(p.aliases ?? [])]))).toBe(true);
    expect(unique(PARAMS.flatMap((p) => (p.cli ? [p.cli.flag] : [])))).toBe(true);
    expect(unique(PARAMS.map((p) => p.label))).toBe(true);
  });

  it.each(PARAMS.map((p) => [p.id, p] as const))('%s: a valid default, a label, a help sentence, limits', (_, p) => {
    expect(p.label.length).toBeGreaterThan(1);
    expect(p.help).toMatch(/^\S.*\.$/);
    if (p.type === 'int') {
      expect(Number.isInteger(p.min) && Number.isInteger(p.max) && (p.min ?? 0) <= (p.max ?? 0)).toBe(true);
      expect(checkValue(p, p.default)).toBeNull();
      expect(checkValue(p, (p.max ?? 0) + 1)).toMatch(/must be a whole number/);
      expect(checkValue(p, (p.min ?? 0) - 1)).toMatch(/must be a whole number/);
    }
    if (p.type === 'enum') expect(p.values?.map(([v]) => v)).toContain(p.default);
    if (p.type === 'bool') expect(typeof p.default).toBe('boolean');
    if (p.type === 'model') expect(MODEL_PRESETS.map((m) => m.id)).toContain(p.default);
    if (p.type === 'gpu') expect([...GPU_PRESETS.map((g) => g.id), NO_GPU]).toContain(p.default);
    if (p.cli) expect(p.cli.flag).toBe(p.url);
  });

  it('names every training input by its field in kebab case (the rule the method selector links with)', () => {
    for (const p of INPUT_PARAMS) expect(p.url, p.id).toBe(inputParamName(p.id));
  });

  it('is where the model takes its defaults, limits and architecture checks from', () => {
    for (const p of INPUT_PARAMS.filter((x) => x.id !== 'model' && x.id !== 'method'))
      expect((DEFAULTS as unknown as Record<string, unknown>)[p.id], p.id).toBe(p.default);
    expect(LIMITS.seq).toEqual({ min: 1, max: PARAMS.find((p) => p.id === 'seq')?.max });
    for (const p of ARCH_PARAMS)
      expect((DEFAULT_CUSTOM as unknown as Record<string, unknown>)[p.id.slice(6)]).toBe(p.default);
    expect(validateArchitecture(DEFAULT_CUSTOM)).toEqual([]);
    for (const p of ARCH_PARAMS.filter((x) => x.type === 'int')) {
      const errors = validateArchitecture({ ...DEFAULT_CUSTOM, [p.id.slice(6)]: (p.max ?? 0) + 1 });
      expect(
        errors.map((e) => e.field),
        p.id,
      ).toContain(p.id);
    }
  });
});

describe('consumers derived from the table', () => {
  it('URL codec: every parameter is read from its URL name and written back under it', () => {
    for (const p of PARAMS) {
      // a value other than the default (defaults are left out of links)
      const raw =
        p.type === 'int'
          ? String(p.max)
          : p.type === 'bool'
            ? p.default
              ? '0'
              : '1'
            : String(p.values?.at(-1)?.[0] ?? '');
      if (p.type === 'model' || p.type === 'gpu') continue;
      const base = { model: p.group === 'architecture' ? CUSTOM_MODEL : 'llama-2-7b', method: 'lora' };
      const q = new URLSearchParams({ ...base, [p.url]: raw });
      const { state, errors, notices } = decodeState(q);
      expect(errors, p.id).toEqual([]);
      expect(notices, p.id).toEqual([]);
      expect(new URLSearchParams(encodeState(state)).get(p.url), p.id).toBe(raw);
    }
  });

  it('island: one field per parameter, with its label, in table order, and the table’s options', () => {
    const fields = calculatorFields();
    expect(fields.map((f) => [f.key, f.label])).toEqual(PARAMS.map((p) => [p.url, p.label]));
    for (const p of PARAMS.filter((x) => x.type === 'enum'))
      expect(fields.find((f) => f.key === p.url)?.options).toEqual(p.values?.map(([v, l]) => [v, l]));
    expect(Object.keys(controlDefaults())).toEqual(PARAMS.map((p) => p.url));
  });

  it('CLI: parseArgs options and --help list exactly the table’s flags', () => {
    const flags = PARAMS.flatMap((p) => (p.cli ? [p.cli.flag] : []));
    const options = Object.keys(cliOptions());
    // besides the table's flags: the commands, --from (a trainer config) and --config (a config.json instead of --model)
    // and --no-<flag> for each switch that is on by default
    const negations = PARAMS.flatMap((p) => (p.cli && p.type === 'bool' && p.default === true ? [p.cli.flag] : []));
    expect(negations).toEqual(['expert-adapters', 'adapter-fp32']);
    expect(
      options.filter((o) => !['from', 'json', 'list-models', 'list-gpus', 'help', 'config', 'badge'].includes(o)),
    ).toEqual(flags.flatMap((f) => (negations.includes(f) ? [f, `no-${f}`] : [f])));
    const listed = [...cliUsage().matchAll(/^ {2}--([a-z0-9-]+)/gm)].map((m) => m[1]);
    const arch = PARAMS.filter((p) => p.group === 'architecture').map((p) => p.url);
    // --help lists the custom-architecture flags in a section of their own, after the others
    expect(listed).toEqual([
      ...flags.filter((f) => !arch.includes(f)),
      'config',
      ...arch,
      'badge',
      'from',
      'json',
      'list-models',
      'list-gpus',
      'help',
    ]);
    for (const p of PARAMS.filter((x) => x.cli)) expect(cliUsage()).toContain(p.label);
  });

  it('embed loader: accepts exactly the URL names and aliases as data-* attributes', () => {
    expect(EMBED_ATTRIBUTES).toEqual([...PARAMS.map((p) => p.url), ...PARAMS.flatMap((p) => p.aliases ?? [])]);
    expect(EMBED_ALIASES).toEqual({ preset: 'model', 'chunked-loss': 'loss' });
    const js = embedScript(embedLoader.toString());
    // The loader's arguments are JSON values: together they read as one JSON array.
    const call = /\}\)\(([\s\S]*)\);\n$/.exec(js);
    expect(call && JSON.parse(`[${call[1]}]`)).toEqual([
      EMBED_ATTRIBUTES,
      EMBED_ALIASES,
      { compact: { path: 'embed/calculator/', height: 540 }, full: { path: 'embed/calculator/full/', height: 720 } },
      ['layout', 'theme'],
    ]);
  });

  it('<Vram> props: every training input by its field name', () => {
    for (const p of INPUT_PARAMS) expect(VRAM_PROPS).toContain(p.id);
  });
});

describe('reading any input', () => {
  const names = [...PARAMS.map((p) => p.url), 'preset', 'junk', 'Model', ''];
  const values = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.integer({ min: -5, max: 5_000_000 }).map(String),
    fc.constantFrom('', '1', '0', 'custom', 'none', '1.5', '-3', 'x"><script src=//e.example></script>'),
  );

  it('never throws; every error names a table parameter; every value outside the table is reported', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...names), values), { maxLength: 12 }), (pairs) => {
        const { state, errors, notices } = decodeState(new URLSearchParams(pairs));
        const urls = PARAMS.map((p) => p.url);
        for (const e of errors) expect(urls).toContain(e.field);
        const unknown = pairs.filter(([k]) => !urls.includes(k) && k !== 'preset');
        expect(notices.length).toBeGreaterThanOrEqual(new Set(unknown.map(([k]) => k)).size);
        // The state holds table values only: a preset or a checked architecture, a known GPU, a unit.
        const m = state.input.model;
        if (typeof m === 'string') expect(MODEL_PRESETS.map((x) => x.id)).toContain(m);
        if (state.gpu !== null) expect(GPU_PRESETS.map((g) => g.id)).toContain(state.gpu);
        expect(['GB', 'GiB']).toContain(state.unit);
      }),
      { numRuns: 400 },
    );
  });

  it('the CLI reads any argv without throwing and reports each bad flag on its own line', () => {
    const flags = [...PARAMS.flatMap((p) => (p.cli ? [`--${p.cli.flag}`] : [])), '--json', '--help', '--frob', '-x'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...flags), values), { maxLength: 10 }), (argv) => {
        const { tokens } = parseArgs({
          args: argv,
          options: cliOptions(),
          strict: false,
          allowPositionals: true,
          tokens: true,
        });
        const r = readCli(tokens);
        for (const line of [...r.errors, ...r.warnings]) expect(line).not.toContain('\n');
        if (r.errors.length === 0 && r.command === 'estimate') expect(r.input).not.toBeNull();
        if (r.errors.length > 0) expect(r.input).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('CLI and URL agree: the same values give the same state', () => {
    const { tokens } = parseArgs({
      args: [
        '--model',
        'mistral-7b',
        '--method',
        'lora',
        '--seq',
        '4096',
        '--grad-checkpointing',
        '--gpu',
        'a100-80gb',
      ],
      options: cliOptions(),
      strict: false,
      tokens: true,
    });
    const cli = readCli(tokens);
    const url = decodeRaw({
      model: 'mistral-7b',
      method: 'lora',
      seq: '4096',
      'grad-checkpointing': '1',
      gpu: 'a100-80gb',
    });
    expect(cli.input).toEqual(url.state.input);
    expect(cli.gpu).toBe(url.state.gpu);
    expect(DEFAULT_STATE.gpu).not.toBe(cli.gpu);
  });
});

// The help sentences are typed (deriving them here would import post-training.ts into the table and cost the
// estimate's chunk 80 gzipped bytes it does not have), so this fails when PAIRED and the sentences part.
describe('the data set fields name the paired trainers', () => {
  it.each(['examples', 'exampleTokens', 'tokens'])('%s: its help names exactly the trainers of PAIRED', (id) => {
    const help = param(id)?.help ?? '';
    const named = (param('trainer')?.values ?? []).filter(([, name]) => new RegExp(`\\b${name}\\b`).test(help));
    expect(named.map(([t]) => t)).toEqual(PAIRED);
  });
});
