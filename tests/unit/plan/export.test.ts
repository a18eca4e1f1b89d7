// Snapshot of each format for two states, the YAMLs parsed back, and the script checked by Python's own parser.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decodeState } from '../../../src/lib/memory/index.ts';
import { exportPlan, FORMATS, planSummary } from '../../../src/lib/plan/index.ts';

const QLORA = decodeState('model=llama-3.1-8b&method=qlora&gpus=4&sharding=zero3&double-quant=1').state;
const FULL = decodeState(
  'model=phi-3-mini&method=full&precision=pure-bf16&optimizer=sgd&sharding=fsdp&gpus=2&chunked-loss=1&attention=eager&grad-checkpointing=1',
).state;
const hasPython = spawnSync('python3', ['--version']).status === 0;

describe('exportPlan', () => {
  for (const [name, state] of [
    ['qlora', QLORA],
    ['full', FULL],
  ] as const) {
    for (const f of FORMATS) {
      it(`${f} for the ${name} state matches its snapshot`, async () => {
        const file = exportPlan(state, f);
        await expect(file.text).toMatchFileSnapshot(`__snapshots__/${name}-${file.filename}`);
      });
    }
  }

  it('the Axolotl YAML parses back to the keys Axolotl 0.18 reads', () => {
    const y = parse(exportPlan(QLORA, 'axolotl').text);
    expect(y).toMatchObject({
      base_model: 'meta-llama/Llama-3.1-8B',
      adapter: 'qlora',
      load_in_4bit: true,
      lora_r: 8,
      lora_alpha: 16,
      lora_target_modules: ['q_proj', 'v_proj'],
      bnb_config_kwargs: { bnb_4bit_use_double_quant: true },
      sequence_len: 2048,
      micro_batch_size: 1,
      gradient_accumulation_steps: 4,
      gradient_checkpointing: false,
      attn_implementation: 'flash_attention_2',
      bf16: true,
      optimizer: 'adamw_torch',
      deepspeed: { zero_optimization: { stage: 3 } },
      learning_rate: 0.0002,
    });
    const full = parse(exportPlan(FULL, 'axolotl').text);
    expect(full.adapter).toBeUndefined();
    expect(full).toMatchObject({
      bfloat16: true,
      bf16: false,
      fsdp_version: 2,
      optimizer: 'sgd',
    });
    expect(full.optim_args).toBeUndefined();
    expect(full.fsdp_config.transformer_layer_cls_to_wrap).toBe('Phi3DecoderLayer');
  });

  it('the LLaMA-Factory YAML parses back to the keys LLaMA-Factory 0.9.5 reads', () => {
    const y = parse(exportPlan(QLORA, 'llama-factory').text);
    expect(y).toMatchObject({
      model_name_or_path: 'meta-llama/Llama-3.1-8B',
      stage: 'sft',
      finetuning_type: 'lora',
      quantization_bit: 4,
      quantization_method: 'bnb',
      double_quantization: true,
      lora_rank: 8,
      lora_target: 'q_proj,v_proj',
      template: 'llama3',
      cutoff_len: 2048,
      per_device_train_batch_size: 1,
      disable_gradient_checkpointing: true,
      flash_attn: 'fa2',
      bf16: true,
    });
    const full = parse(exportPlan(FULL, 'llama-factory').text);
    expect(full).toMatchObject({
      finetuning_type: 'full',
      pure_bf16: true,
      fsdp: 'full_shard auto_wrap',
      flash_attn: 'disabled',
    });
    expect(full.disable_gradient_checkpointing).toBe(false);
  });

  it.skipIf(!hasPython)('the TRL script is valid Python', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-'));
    for (const [n, state] of [QLORA, FULL].entries()) {
      const f = join(dir, `train-${n}.py`);
      writeFileSync(f, exportPlan(state, 'trl').text);
      const r = spawnSync('python3', ['-c', 'import ast,sys; ast.parse(open(sys.argv[1]).read())', f], {
        encoding: 'utf8',
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
  });

  it('says what a format cannot carry, and the effective batch', () => {
    const s = planSummary(FULL);
    const sgd =
      'Optimizer: optim sgd is torch.optim.SGD without momentum in transformers’ Trainer, so it keeps no buffer; the estimate counts one (one value per trained weight).';
    expect(s.notCarried['llama-factory']).toEqual([
      sgd,
      'Chunked cross-entropy (true): LLaMA-Factory 0.9.5 has no chunked cross-entropy option.',
    ]);
    expect(s.notCarried.trl).toEqual([sgd]);
    expect(planSummary(QLORA).notCarried.trl).toEqual([]);
    expect(s.starter).toMatchObject({ accumulation: 8, effectiveBatch: 16 });
    expect(s.starter.learningRate.value).toBe(2e-5);
    expect(planSummary(QLORA).starter.learningRate.value).toBe(2e-4);
    const phiQv = decodeState('model=phi-3-mini&method=lora').state;
    expect(planSummary(phiQv).notCarried.axolotl).toEqual([
      'Target modules: this model fuses q, k and v, so q+v is written as the attention projections.',
    ]);
  });

  it('refuses a state the memory model rejects', () => {
    const bad = decodeState('model=llama-3.1-8b&method=lora&rank=0').state;
    expect(() => exportPlan(bad, 'trl')).toThrow(/rank/);
  });
});
