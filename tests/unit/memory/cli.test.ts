// The vram CLI, run as `node scripts/vram.ts` (Node 24 strips the types) exactly as `npm run vram` does.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { vramBadgeSvg } from '../../../src/lib/badge/vram.ts';
import { estimateMemory, GPU_PRESETS, MODEL_PRESETS } from '../../../src/lib/memory/index.ts';
import { STEP_DEFAULTS } from './fixtures.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function vram(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/vram.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('vram CLI', () => {
  it('--list-models and --list-gpus print the ids, one per line', () => {
    const models = vram('--list-models');
    expect(models.code).toBe(0);
    expect(models.stdout.trim().split('\n')).toEqual(MODEL_PRESETS.map((m) => m.id));
    const gpus = vram('--list-gpus');
    expect(gpus.code).toBe(0);
    expect(gpus.stdout.trim().split('\n')).toEqual(GPU_PRESETS.map((g) => g.id));
  });

  it('--json prints decimal GB components, fits and the per-GPU total', () => {
    const r = vram('--model', 'llama-3.1-8b', '--method', 'qlora', '--gpu', 'a100-80gb', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j.components)).toEqual([
      'weights',
      'trainable',
      'gradients',
      'optimizer',
      'activations',
      'logits',
      'overhead',
    ]);
    const sum = Object.values(j.components as Record<string, number>).reduce((s, x) => s + x, 0);
    expect(j.perGpuGB).toBeCloseTo(sum, 2);
    expect(j.fits).toBe(true);
    expect(j.unit).toBe('GB');
    expect(j.maxMicroBatch).toBeGreaterThan(1);
    expect(j.input).toMatchObject({
      precision: 'mixed-bf16',
      optimizer: 'adamw',
      rank: 8,
      targets: 'qv',
      seq: 2048,
      batch: 1,
      attention: 'flash',
      gpus: 1,
      sharding: 'none',
      doubleQuant: false,
    });
    // without --double-quant the NF4 constants cost 0.5 bit/param: more than the 5.70 GB of NF4+DQ
    expect(j.components.weights).toBeGreaterThan(5.7);
  });

  it('without --gpu, fits is null and the exit code is 0', () => {
    const r = vram('--model', 'llama-2-70b', '--method', 'full', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).fits).toBeNull();
  });

  it('exits 1 when it does not fit the --gpu', () => {
    const r = vram('--model', 'llama-2-70b', '--method', 'full', '--gpu', 't4');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/does not fit NVIDIA T4/);
  });

  it('passes every flag through', () => {
    const r = vram(
      '--model=mistral-7b',
      '--method',
      'dora',
      '--precision',
      'pure-bf16',
      '--optimizer',
      'paged-adamw-8bit',
      '--rank',
      '16',
      '--targets',
      'all-linear',
      '--seq',
      '4096',
      '--batch',
      '2',
      '--grad-checkpointing',
      '--attention',
      'eager',
      '--gpus',
      '4',
      '--sharding',
      'zero3',
      '--double-quant',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).input).toEqual({
      model: 'mistral-7b',
      method: 'dora',
      precision: 'pure-bf16',
      optimizer: 'paged-adamw-8bit',
      rank: 16,
      targets: 'all-linear',
      seq: 4096,
      batch: 2,
      gradCheckpointing: true,
      attention: 'eager',
      gpus: 4,
      sharding: 'zero3',
      doubleQuant: true,
      ...STEP_DEFAULTS,
    });
  });

  it('--no-expert-adapters freezes a MoE model’s experts; on a dense model it is named and changes nothing', () => {
    const moe = vram(
      '--model',
      'qwen3-30b-a3b',
      '--method',
      'qlora',
      '--targets',
      'all-linear',
      '--no-expert-adapters',
    );
    expect(moe.code).toBe(0);
    expect(moe.stdout).toContain('r=8 all-linear · experts frozen');
    expect(moe.stdout).toContain('parameters: 30,532,122,624 total, 7,520,256 trainable');
    const dense = vram('--model', 'llama-3.1-8b', '--method', 'lora', '--no-expert-adapters', '--json');
    expect(dense.code).toBe(0);
    expect(dense.stderr).toBe(
      'vram: warning: --expert-adapters applies to mixture-of-experts models only; it changes nothing\n',
    );
    expect(JSON.parse(dense.stdout).input.expertAdapters).toBe(false);
  });

  it('prints a readable table with GB and GiB columns', () => {
    const r = vram('--model', 'llama-2-7b', '--method', 'lora', '--gpu', 'rtx-4090');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/component\s+GB\s+GiB/);
    expect(r.stdout).toMatch(/per GPU\s+\d+\.\d\d\s+\d+\.\d\d/);
    expect(r.stdout).toMatch(/fits NVIDIA GeForce RTX 4090/);
  });

  it.each([
    [['--model', 'llama-2-7b', '--method', 'lora', '--rank', 'abc'], '--rank'],
    [['--model', 'llama-2-7b', '--method', 'lora', '--rank', '0'], '--rank'],
    [['--model', 'llama-2-7b', '--method', 'lora', '--seq', '-5'], '--seq'],
    [['--model', 'llama-2-7b', '--method', 'lora', '--batch'], '--batch'],
    [['--model', 'llama-2-7b', '--method', 'sft'], '--method'],
    [['--model', 'gpt-5', '--method', 'lora'], '--model'],
    [['--method', 'lora'], '--model'],
    [['--model', 'llama-2-7b'], '--method'],
    [['--model', 'llama-2-7b', '--method', 'lora', '--precision', 'fp16'], '--precision'],
    [['--model', 'llama-2-7b', '--method', 'lora', '--optimizer', 'lion'], '--optimizer'],
    [['--model', 'llama-2-7b', '--method', 'lora', '--targets', 'ffn'], '--targets'],
    [['--model', 'llama-2-7b', '--method', 'lora', '--attention', 'xformers'], '--attention'],
    [['--model', 'llama-2-7b', '--method', 'lora', '--sharding', 'zero4'], '--sharding'],
    [['--model', 'llama-2-7b', '--method', 'lora', '--gpus', '0'], '--gpus'],
    [['--model', 'llama-2-7b', '--method', 'lora', '--gpu', 'tpu'], '--gpu'],
    [['--model', 'llama-2-7b', '--method', 'lora', '--frobnicate'], '--frobnicate'],
    [['--model', 'llama-2-7b', '--method', 'lora', '--json=yes'], '--json'],
  ])('exits 2 on bad input %j, naming %s', (args, flag) => {
    const r = vram(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(flag);
  });
});

// Each case starts Node once or twice: give them room on a busy machine.
describe('vram CLI: hardening', { timeout: 30_000 }, () => {
  const base = ['--model', 'llama-2-7b', '--method', 'lora'];

  it('prints huge figures in a larger unit, each row in three separate columns', () => {
    const r = vram('--model', 'llama-3.1-70b', '--method', 'full', '--seq', '2097152', '--batch', '65536');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^component +PB +PiB$/m);
    const rows = r.stdout.split('\n').filter((l) => /^(weights|activations|logits|per GPU) /.test(l));
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      const cells = row.split(/ {2,}/);
      expect(cells, row).toHaveLength(3);
      for (const c of cells.slice(1)) expect(c, row).toMatch(/^(\d{1,3}(,\d{3})*\.\d\d|\d\.\d\de[+-]\d+)$/);
    }
    expect(r.stdout).toMatch(/^per GPU +4,820\.\d\d +4,281\.\d\d$/m);
  });

  it.each([
    [[...base, '--rank', 'abc'], 'vram: --rank must be a whole number from 1 to 4,096 (got "abc")'],
    [[...base, '--seq', '-5'], 'vram: --seq must be a whole number from 1 to 2,097,152 (got "-5")'],
    [[...base, '--seq', '1.5'], 'vram: --seq must be a whole number from 1 to 2,097,152 (got "1.5")'],
    [[...base, '--seq', '0'], 'vram: --seq must be a whole number from 1 to 2,097,152 (got 0)'],
    [[...base, '--batch'], 'vram: --batch needs a value'],
    [[...base, '--frobnicate'], 'vram: unknown flag --frobnicate (see --help)'],
    [[...base, '--seq', '1', '--seq', '2'], 'vram: --seq given more than once'],
    [[...base, '--json=yes'], 'vram: --json takes no value'],
    [[...base, 'extra'], 'vram: unexpected argument "extra"'],
    [[...base, '--gpu', 'h900'], 'vram: --gpu unknown GPU "h900" (see --list-gpus, or none)'],
    [['--method', 'lora'], 'vram: --model is required (see --list-models)'],
  ])('%j prints one line, no usage', (args, line) => {
    const r = vram(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${line}\n`);
  });

  it.each([
    [['--help', '--frobnicate'], '--frobnicate'],
    [['--list-models', '--seq', 'abc'], '--seq'],
    [['--list-gpus', '--rank', '0'], '--rank'],
    [['--help', 'extra'], 'extra'],
  ])('%j still exits 2', (args, flag) => {
    const r = vram(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(flag);
  });

  it('prints the usage only with --help, listing every flag', () => {
    const r = vram('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run --silent vram/);
    for (const flag of ['--model', '--seq', '--double-quant', '--gpu', '--hidden', '--context', '--json']) {
      expect(r.stdout).toContain(`  ${flag}`);
    }
  });

  it.each([
    [['--model', 'llama-2-7b', '--method', 'full', '--rank', '16'], '--rank does not apply to --method full'],
    [['--model', 'llama-2-7b', '--method', 'lora', '--double-quant'], '--double-quant does not apply to --method lora'],
    [['--model', 'llama-2-7b', '--method', 'lora', '--hidden', '1024'], '--hidden describes a custom architecture'],
  ])('%j warns about the flag that does not apply', (args, warning) => {
    const r = vram(...args, '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`vram: warning: ${warning}`);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    // the figures are those without the flag
    const plain = vram(...args.slice(0, 4), '--json');
    expect(JSON.parse(r.stdout).perGpuGB).toBe(JSON.parse(plain.stdout).perGpuGB);
  });

  it('--trainer dpo prints the per-model breakdown; --json carries it in GB', () => {
    const args = ['--model', 'llama-3.1-8b', '--method', 'full', '--seq', '1024', '--trainer', 'dpo'];
    const text = vram(...args, '--gpu', 'h100-80gb');
    expect(text.code).toBe(1); // two bf16 copies and the full step do not fit one H100
    expect(text.stdout).toContain('DPO: 2 sequences × 1,024 tokens per step · reference log-probs in the step');
    expect(text.stdout).toMatch(/\nreference\s+16\.85\s+15\.69\n/); // 16,060,522,496 B of weights + 788,004,864 B of logits
    const j = JSON.parse(vram(...args, '--json').stdout);
    expect(j.input.trainer).toBe('dpo');
    expect(j.postTraining.trainer).toBe('dpo');
    expect(j.postTraining.parts.reference).toBe(16.849);
    expect(Object.keys(j.postTraining.parts)).toEqual([
      'policy',
      'reference',
      'reward',
      'value',
      'kv-cache',
      'overhead',
    ]);
    const sum = Object.values(j.postTraining.parts as Record<string, number>).reduce((s, x) => s + x, 0);
    expect(sum).toBeCloseTo(j.perGpuGB, 2);
    expect(JSON.parse(vram('--model', 'llama-3.1-8b', '--method', 'full', '--json').stdout).postTraining).toBeNull();
  });

  it('GRPO flags: --generations, --completion, --kl-penalty, --vllm-share; vLLM’s share counts in the fit', () => {
    const args = ['--model', 'llama-3.1-8b', '--method', 'lora', '--seq', '1024', '--trainer', 'grpo'];
    const j = JSON.parse(
      vram(
        ...args,
        '--generations',
        '4',
        '--completion',
        '256',
        '--kl-penalty',
        '--vllm-share',
        '30',
        '--gpu',
        'h100-80gb',
        '--json',
      ).stdout,
    );
    expect(j.input).toMatchObject({ trainer: 'grpo', generations: 4, completion: 256, klPenalty: true, vllmShare: 30 });
    expect(j.postTraining.sequences).toBe(4);
    expect(j.postTraining.tokensPerSequence).toBe(1280);
    expect(j.postTraining.gpuShare).toBe(0.3);
    expect(j.postTraining.vllmGB).toBeCloseTo(0.3 * j.gpu.usableGB, 2);
    const full = vram(...args, '--vllm-share', '95', '--gpu', 'h100-80gb');
    expect(full.code).toBe(1);
    expect(full.stdout).toContain('does not fit NVIDIA H100 80GB');
    expect(full.stdout).toContain('colocated vLLM takes 95% of the GPU');
    const help = vram('--help').stdout;
    expect(help).toContain('  --trainer sft|dpo|orpo|simpo|kto|grpo|ppo');
    expect(help).toContain('--trainer grpo only');
  });

  it.each([
    [['--trainer', 'dpo', '--generations', '4'], '--generations does not apply to --trainer dpo (GRPO only)'],
    [
      ['--trainer', 'grpo', '--reference', 'precomputed'],
      '--reference does not apply to --trainer grpo (DPO, KTO only)',
    ],
    [['--completion', '100'], '--completion does not apply to --trainer sft (GRPO, PPO only)'],
  ])('%j warns about the trainer flag that does not apply', (args, warning) => {
    const head = ['--model', 'llama-2-7b', '--method', 'lora'];
    const r = vram(...head, ...args, '--json');
    expect(r.code).toBe(0);
    expect(r.stderr.trim()).toBe(`vram: warning: ${warning}; it changes nothing`);
    const plain = vram(...head, ...args.slice(0, args[0] === '--trainer' ? 2 : 0), '--json');
    expect(JSON.parse(r.stdout).perGpuGB).toBe(JSON.parse(plain.stdout).perGpuGB);
  });

  it('accepts --gpu none as the URL does: no fit check, exit 0', () => {
    const r = vram(...base, '--gpu', 'none', '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    expect(j.fits).toBeNull();
    expect(j.gpu).toBeNull();
  });

  it('describes a custom architecture with the calculator’s fields (defaults: Llama-2-7B)', () => {
    const custom = vram('--model', 'custom', '--method', 'lora', '--json');
    const preset = vram('--model', 'llama-2-7b', '--method', 'lora', '--json');
    expect(custom.code).toBe(0);
    expect(JSON.parse(custom.stdout).perGpuGB).toBe(JSON.parse(preset.stdout).perGpuGB);
    const gqa = vram('--model', 'custom', '--method', 'lora', '--kv-heads', '5');
    expect(gqa.code).toBe(2);
    expect(gqa.stderr).toBe('vram: --kv-heads must divide the attention heads (32) (got 5)\n');
  });

  it('states the marketed size next to the usable one, in GB and GiB', () => {
    const r = vram(...base, '--gpu', 'h100-80gb');
    expect(r.stdout).toMatch(/fits NVIDIA H100 80GB \(sold as 80 GB; usable 85\.52 GB = 79\.65 GiB\)/);
  });

  it('--badge FILE writes the SVG badge of the estimate, valid XML, and still prints the report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vram-badge-'));
    try {
      const file = join(dir, 'badge.svg');
      const r = vram('--model', 'llama-3.1-8b', '--method', 'qlora', '--gpu', 'rtx-4090', '--badge', file);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('fits NVIDIA GeForce RTX 4090');
      const svg = readFileSync(file, 'utf8');
      expect(XMLValidator.validate(svg)).toBe(true);
      const e = estimateMemory({ model: 'llama-3.1-8b', method: 'qlora' });
      if (!e.ok) throw new Error('estimate');
      expect(svg).toBe(vramBadgeSvg(e.estimate, 'rtx-4090'));
      expect(svg).toContain('>fits RTX 4090 · ');
      // does not fit: the badge is still written, exit 1 as without --badge
      const big = vram('--model', 'llama-2-70b', '--method', 'full', '--gpu', 't4', `--badge=${file}`);
      expect(big.code).toBe(1);
      expect(readFileSync(file, 'utf8')).toContain('>does not fit T4 · ');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--badge without a file name, or into a folder that does not exist, exits 2 naming the flag', () => {
    const r = vram('--model', 'llama-3.1-8b', '--method', 'qlora', '--badge');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('vram: --badge needs a file name (e.g. --badge vram.svg)\n');
    const missing = vram('--model', 'llama-3.1-8b', '--method', 'qlora', '--badge', '/nonexistent-dir/x.svg');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('vram: --badge /nonexistent-dir/x.svg: cannot write the file (ENOENT)\n');
    expect(vram('--help').stdout).toContain('  --badge FILE');
  });

  describe('--config', () => {
    const cfg = (name: string) => `tests/fixtures/hf-configs/${name}.json`;

    it('reads a Hugging Face config.json as the model: the same estimate as its preset', () => {
      const fromConfig = vram('--config', cfg('qwen3-30b-a3b'), '--method', 'qlora', '--json');
      const fromPreset = vram('--model', 'qwen3-30b-a3b', '--method', 'qlora', '--json');
      expect(fromConfig.code).toBe(0);
      expect(fromConfig.stderr).toBe(`vram: note: ${cfg('qwen3-30b-a3b')}: model_type qwen3_moe\n`);
      const a = JSON.parse(fromConfig.stdout);
      const b = JSON.parse(fromPreset.stdout);
      expect(a.params).toEqual({ total: 30_532_122_624, trainable: b.params.trainable });
      expect(a.perGpuGB).toBe(b.perGpuGB);
      expect(a.components).toEqual(b.components);
    });

    it('prints what it assumed, and lets architecture flags override the config', () => {
      const r = vram('--config', cfg('gemma-3-12b'), '--method', 'lora', '--context', '8192', '--json');
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('vram: note: Not in the config, so Gemma3TextConfig’s defaults: vocab_size 262208');
      const j = JSON.parse(r.stdout);
      expect(j.input.model.contextLength).toBe(8192);
      expect(j.params.total).toBe(11_766_034_176);
    });

    it('names the file and the problem: missing, malformed, unsupported, or given with --model', () => {
      const missing = vram('--config', 'no/such.json', '--method', 'lora');
      expect(missing).toMatchObject({ code: 2, stderr: 'vram: --config no/such.json: no such file\n' });
      const falcon = vram('--config', cfg('falcon-7b'), '--method', 'lora');
      expect(falcon.code).toBe(2);
      expect(falcon.stderr).toMatch(/^vram: --config .*falcon-7b\.json: model_type "falcon" is not supported/);
      expect(falcon.stderr).toContain('but no intermediate_size');
      const both = vram('--config', cfg('qwen3-8b'), '--model', 'qwen3-8b', '--method', 'lora');
      expect(both).toMatchObject({
        code: 2,
        stderr: 'vram: --config and --model both name the model: give one of them\n',
      });
      const bare = vram('--method', 'lora', '--config');
      expect(bare).toMatchObject({ code: 2, stderr: 'vram: --config needs a value\n' });
      const dir = mkdtempSync(join(tmpdir(), 'vram-config-'));
      writeFileSync(join(dir, 'config.json'), '{\n  "model_type": "qwen3",\n  "hidden_size": 8,\n}\n');
      expect(vram('--config', join(dir, 'config.json'), '--method', 'lora')).toMatchObject({
        code: 2,
        stderr: `vram: --config ${join(dir, 'config.json')}: config.json is not valid JSON: line 4, column 1 (character 48): expected a property name in double quotes, found character "}"\n`,
      });
      rmSync(dir, { recursive: true });
    });

    it('is listed in --help', () => {
      expect(vram('--help').stdout).toContain('--config path/to/config.json --method <method>');
    });
  });
});

describe('vram --from', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vram-from-'));
  const axolotl = join(dir, 'axolotl.yaml');
  writeFileSync(
    axolotl,
    'base_model: meta-llama/Llama-3.1-8B\nadapter: qlora\nload_in_4bit: true\nlora_r: 16\nsequence_len: 4096\nmicro_batch_size: 2\ngradient_checkpointing: true\noptimizer: lion_8bit\nlearning_rate: 0.0002\n',
  );

  it('takes the settings of an Axolotl YAML: the same estimate as the flags they mean', () => {
    const r = vram('--from', axolotl, '--json');
    expect(r.code).toBe(0);
    const flags = vram(
      ...['--model', 'llama-3.1-8b', '--method', 'qlora', '--rank', '16', '--seq', '4096', '--batch', '2'],
      // Axolotl's loss is Transformers' fp32 cross-entropy unless chunked_cross_entropy is set
      ...['--grad-checkpointing', '--double-quant', '--loss', 'fp32', '--json'],
    );
    expect(JSON.parse(r.stdout).perGpuGB).toBe(JSON.parse(flags.stdout).perGpuGB);
    expect(r.stderr.split('\n')).toEqual([
      // no rl: key: Axolotl trains SFT
      `vram: --from ${axolotl} (Axolotl (YAML)): --model llama-3.1-8b --method qlora --trainer sft --rank 16 --seq 4096 --batch 2 --grad-checkpointing 1 --sharding none --double-quant 1 --loss fp32`,
      'vram: --from ignored (does not change the memory estimate): learning_rate',
      expect.stringMatching(/^vram: --from ignored optimizer: Optimizer: "lion_8bit" is not one of adamw_torch, /),
      '',
    ]);
  });

  it('lets flags override the file, and drops its rank when a flag makes it full fine-tuning', () => {
    const r = vram('--from', axolotl, '--method', 'full', '--seq', '1024', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).input).toMatchObject({ method: 'full', seq: 1024, batch: 2, rank: 8 });
    expect(r.stderr).not.toContain('warning');
  });

  it('stops with exit code 2 on a missing or unreadable file', () => {
    expect(vram('--from', join(dir, 'none.yaml'))).toMatchObject({
      code: 2,
      stderr: `vram: --from ${join(dir, 'none.yaml')}: no such file\n`,
    });
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'a: [1, 2\n');
    const r = vram('--from', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vram: --from .*bad\.yaml: The YAML could not be read: /);
    const none = vram('--from');
    expect(none.code).toBe(2);
    expect(none.stderr.split('\n')[0]).toBe('vram: --from needs a file');
  });
});
