// The vram CLI, run as `node scripts/vram.ts` (Node 24 strips the types) exactly as `npm run vram` does.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GPU_PRESETS, MODEL_PRESETS } from '../../../src/lib/memory/index.ts';

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
      chunkedLoss: false,
    });
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
    [['--model', 'llama-2-7b', '--method', 'lora', '--targets', 'mlp'], '--targets'],
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
