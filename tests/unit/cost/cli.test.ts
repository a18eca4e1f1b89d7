// `vram` with a dataset size: the time and cost lines, from the same lib the page uses.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { estimateTime, flopsPerToken, GPU_COMPUTE } from '../../../src/lib/cost/index.ts';
import { estimateMemory } from '../../../src/lib/memory/index.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
function vram(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/vram.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const QLORA_8B = ['--model', 'llama-3.1-8b', '--method', 'qlora', '--gpu', 'a100-80gb'];

describe('vram: time and cost', { timeout: 30_000 }, () => {
  it('prints no time without a dataset size', () => {
    const r = vram(...QLORA_8B);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('time:');
    expect(JSON.parse(vram(...QLORA_8B, '--json').stdout).time).toBeNull();
  });

  it('--tokens and --epochs, the listed price and the method’s utilisation', () => {
    const r = vram(...QLORA_8B, '--tokens', '51200000', '--epochs', '2');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('time:'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^time: 51,200,000 tokens × 2 epochs at [\d,]+ tokens\/s per GPU \([\d.]+ GFLOPs per token, 35.2% of 312 TFLOP\/s, the method’s default\)$/,
    );
    expect(lines[1]).toMatch(
      / in all on 1 × NVIDIA A100 80GB · [\d.]+ GPU-hours × \$2\.74 = \$[\d.]+ \(listed on-demand price\)$/,
    );
    const j = JSON.parse(vram(...QLORA_8B, '--tokens', '51200000', '--epochs', '2', '--json').stdout);
    const e = estimateMemory({ model: 'llama-3.1-8b', method: 'qlora' });
    if (!e.ok) throw new Error('estimate');
    const want = estimateTime({
      arch: e.estimate.arch,
      method: 'qlora',
      rank: 8,
      targets: 'qv',
      seq: 2048,
      gradCheckpointing: false,
      gpus: 1,
      gpu: 'a100-80gb',
      datasetTokens: 51_200_000,
      epochs: 2,
      utilisation: null,
      usdPerHour: null,
    });
    if (!want.ok) throw new Error(want.message);
    expect(j.time.seconds).toBeCloseTo(want.estimate.seconds, 6);
    expect(j.time.costUsd).toBeCloseTo(want.estimate.gpuHours * (GPU_COMPUTE['a100-80gb']?.usdPerHour ?? 0), 6);
  });

  it('DPO: the reference forward costs time, precomputed log-probs do not', () => {
    const json = (...a: string[]) => JSON.parse(vram(...QLORA_8B, '--tokens', '51200000', '--json', ...a).stdout).time;
    const sft = json();
    const dpo = json('--trainer', 'dpo');
    expect(dpo.flops.noGrad).toBeGreaterThan(0);
    expect(dpo.seconds / sft.seconds).toBeCloseTo(dpo.flops.total / sft.flops.total, 9);
    expect(json('--trainer', 'dpo', '--reference', 'precomputed').seconds).toBeCloseTo(sft.seconds, 6);
    const text = vram(...QLORA_8B, '--tokens', '51200000', '--trainer', 'dpo').stdout;
    expect(text).toContain(
      '(49.3 GFLOPs per token, 16.1 G of them without gradients (reference, KL), 35.2% of 312 TFLOP/s',
    );
  });

  it('--tokens, --price and --mfu override; more GPUs share the tokens', () => {
    const args = ['--model', 'llama-3.1-8b', '--method', 'lora', '--gpu', 'h100-80gb', '--gpus', '4'];
    const r = vram(...args, '--tokens', '100000000', '--epochs', '1', '--price-cents', '250', '--mfu', '40', '--json');
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout).time;
    const e = estimateMemory({ model: 'llama-3.1-8b', method: 'lora' });
    if (!e.ok) throw new Error('estimate');
    const perToken = flopsPerToken({
      arch: e.estimate.arch,
      method: 'lora',
      rank: 8,
      targets: 'qv',
      seq: 2048,
      gradCheckpointing: false,
    }).total;
    expect(t.tokensPerSecondPerGpu).toBeCloseTo((0.4 * 989.5e12) / perToken, 6);
    expect(t.seconds).toBeCloseTo(1e8 / (4 * t.tokensPerSecondPerGpu), 6);
    expect(t.costUsd).toBeCloseTo((t.seconds / 3600) * 4 * 2.5, 6);
    expect(t.priceGiven).toBe(true);
    expect(t.utilisationGiven).toBe(true);
  });

  it('says why there is no time: no GPU, a GPU without a published peak, a trainer that generates, bad values', () => {
    const noGpu = vram('--model', 'llama-3.1-8b', '--method', 'lora', '--tokens', '1000');
    expect(noGpu.stdout).toContain('time: choose a GPU for the time estimate');
    expect(vram('--model', 'llama-3.1-8b', '--method', 'lora', '--gpu', 'a10g', '--tokens', '1000').stdout).toContain(
      'time: no published peak throughput for the GPU "a10g"',
    );
    expect(vram(...QLORA_8B, '--trainer', 'grpo', '--tokens', '1000').stdout).toContain(
      'time: the time estimate does not cover GRPO: its steps generate completions token by token',
    );
    const bad = vram(...QLORA_8B, '--tokens', '1000', '--price-cents', '1.5', '--mfu', '101');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'vram: --price-cents must be a whole number from 0 to 10,000,000 (got "1.5")\n' +
        'vram: --mfu must be a whole number from 0 to 100 (got 101)\n',
    );
  });
});
