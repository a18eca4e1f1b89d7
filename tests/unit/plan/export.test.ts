// Snapshot of each format for two states, the YAMLs parsed back, and the script checked by Python's own parser.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { decodeState } from '../../../src/lib/memory/index.ts';
import { exportPlan, FORMATS, planSummary, unsupported } from '../../../src/lib/plan/index.ts';

const QLORA = decodeState('model=llama-3.1-8b&method=qlora&gpus=4&sharding=zero3&double-quant=1').state;
const FULL = decodeState(
  'model=phi-3-mini&method=full&precision=pure-bf16&optimizer=sgd&sharding=fsdp&gpus=2&chunked-loss=1&attention=eager&grad-checkpointing=1',
).state;
const hasPython = spawnSync('python3', ['--version']).status === 0;

// One state per post-training trainer the plan writes, each with what that trainer reads.
const TRAINERS = {
  dpo: decodeState('model=qwen2.5-7b&method=lora&rank=16&seq=1024&batch=2&trainer=dpo&epochs=1').state,
  'dpo-full-precomputed': decodeState(
    'model=qwen2.5-0.5b&method=full&trainer=dpo&reference=precomputed&gpus=2&sharding=zero2',
  ).state,
  kto: decodeState('model=llama-3.2-1b&method=qlora&trainer=kto&seq=2048&batch=4').state,
  orpo: decodeState('model=mistral-7b&method=qlora&trainer=orpo&batch=2&grad-checkpointing=1').state,
  simpo: decodeState('model=qwen2.5-0.5b&method=full&trainer=simpo&precision=pure-bf16').state,
  grpo: decodeState(
    'model=qwen2.5-1.5b&method=lora&trainer=grpo&seq=512&batch=2&generations=8&completion=1024&kl-penalty=1&vllm-share=30&grad-checkpointing=1',
  ).state,
} as const;

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

  for (const [name, state] of Object.entries(TRAINERS)) {
    for (const f of FORMATS) {
      if (unsupported(state.input.trainer ?? 'sft', f)) continue;
      it(`${f} for the ${name} state matches its snapshot`, async () => {
        const file = exportPlan(state, f);
        await expect(file.text).toMatchFileSnapshot(`__snapshots__/${name}-${file.filename}`);
      });
    }
  }

  it('writes the state’s epochs in every format', () => {
    const s = decodeState('model=llama-3.1-8b&method=lora&epochs=7').state;
    expect(parse(exportPlan(s, 'axolotl').text).num_epochs).toBe(7);
    expect(parse(exportPlan(s, 'llama-factory').text).num_train_epochs).toBe(7);
    expect(exportPlan(s, 'trl').text).toContain('    num_train_epochs=7,\n');
    expect(exportPlan(s, 'trl').text).toContain('#   epochs 7: the calculator’s Epochs (Alpaca used 3) [');
  });

  it('a DPO plan: DPOTrainer with β 0.1 and TRL’s DPO learning rates, rl: dpo, stage: dpo', () => {
    const py = exportPlan(TRAINERS.dpo, 'trl').text;
    expect(py).toContain('from trl import DPOConfig, DPOTrainer\n');
    expect(py).toContain('dataset = load_dataset("trl-lib/ultrafeedback_binarized", split="train")');
    expect(py).toContain('    beta=0.1,\n');
    expect(py).toContain('    learning_rate=0.000005,\n');
    expect(py).toContain('    precompute_ref_log_probs=False,\n');
    expect(py).toContain('trainer = DPOTrainer(\n');
    expect(py).not.toContain('loss_type');
    expect(exportPlan(TRAINERS['dpo-full-precomputed'], 'trl').text).toContain('    learning_rate=5e-7,\n');
    const ax = parse(exportPlan(TRAINERS.dpo, 'axolotl').text);
    expect(ax).toMatchObject({
      rl: 'dpo',
      rl_beta: 0.1,
      precompute_ref_log_probs: false,
      chat_template: 'chatml',
      datasets: [{ path: 'trl-lib/ultrafeedback_binarized', split: 'train', type: 'chat_template.argilla_chat' }],
      sequence_len: 1024,
      micro_batch_size: 2,
      num_epochs: 1,
      learning_rate: 0.000005,
    });
    expect(ax.chunked_cross_entropy).toBeUndefined();
    const lf = parse(exportPlan(TRAINERS.dpo, 'llama-factory').text);
    expect(lf).toMatchObject({ stage: 'dpo', pref_loss: 'sigmoid', pref_beta: 0.1, dataset: 'dpo_en_demo' });
    expect(planSummary(TRAINERS.dpo).notCarried.trl).toEqual([
      'Loss: the plan writes a loss option for SFT only; DPOTrainer computes its own loss.',
    ]);
    expect(planSummary(TRAINERS['dpo-full-precomputed']).notCarried['llama-factory']).toContain(
      'Reference (Precomputed log-probs): LLaMA-Factory 0.9.5 has no option to precompute the reference log-probs.',
    );
  });

  it('a GRPO plan: completions per micro-batch, generations, KL β, colocated vLLM, a reward; no LLaMA-Factory', () => {
    const py = exportPlan(TRAINERS.grpo, 'trl').text;
    for (const line of [
      'from trl import GRPOConfig, GRPOTrainer\n',
      'from trl.rewards import accuracy_reward\n',
      'dataset = load_dataset("trl-lib/DeepMath-103K", split="train")',
      '    num_generations=8,\n',
      '    max_completion_length=1024,\n',
      '    beta=0.001,\n',
      '    use_vllm=True,\n',
      '    vllm_mode="colocate",\n',
      '    vllm_gpu_memory_utilization=0.3,\n',
      // 2 prompts × 8 generations
      '    per_device_train_batch_size=16,\n',
      '    reward_funcs=accuracy_reward,\n',
      '    learning_rate=0.00001,\n',
    ])
      expect(py).toContain(line);
    // GRPOConfig has no prompt length
    expect(py).not.toContain('max_length');
    expect(py).toContain('#   Sequence length: GRPOConfig has no prompt length');
    const ax = parse(exportPlan(TRAINERS.grpo, 'axolotl').text);
    expect(ax).toMatchObject({
      rl: 'grpo',
      trl: {
        beta: 0.001,
        num_generations: 8,
        max_completion_length: 1024,
        use_vllm: true,
        vllm_mode: 'colocate',
        reward_funcs: ['trl.rewards.accuracy_reward'],
      },
      vllm: { gpu_memory_utilization: 0.3 },
      micro_batch_size: 16,
      datasets: [{ path: 'trl-lib/DeepMath-103K', split: 'train' }],
    });
    expect(() => exportPlan(TRAINERS.grpo, 'llama-factory')).toThrow(/LLaMA-Factory 0.9.5 has no GRPO stage/);
    expect(planSummary(TRAINERS.grpo).unsupported).toEqual({
      trl: null,
      axolotl: null,
      'llama-factory': 'LLaMA-Factory 0.9.5 has no GRPO stage (stage is one of pt, sft, rm, ppo, dpo, kto)',
    });
  });

  it('ORPO and SimPO come from trl.experimental; a 4-bit ORPO model is loaded through model_init_kwargs', () => {
    const orpo = exportPlan(TRAINERS.orpo, 'trl').text;
    expect(orpo).toContain('from trl.experimental.orpo import ORPOConfig, ORPOTrainer\n');
    expect(orpo).toContain('args.model_init_kwargs["quantization_config"] = quantization_config\n');
    expect(orpo).not.toContain('    quantization_config=quantization_config,');
    expect(orpo).toContain('    learning_rate=0.00008,\n');
    const simpo = exportPlan(TRAINERS.simpo, 'trl').text;
    expect(simpo).toContain('from trl.experimental.cpo import CPOConfig, CPOTrainer\n');
    expect(simpo).toContain('    loss_type="simpo",\n    cpo_alpha=0,\n');
    expect(parse(exportPlan(TRAINERS.simpo, 'axolotl').text)).toMatchObject({
      rl: 'simpo',
      simpo_gamma: 0.5,
      cpo_alpha: 0,
    });
    expect(parse(exportPlan(TRAINERS.simpo, 'llama-factory').text)).toMatchObject({ stage: 'dpo', pref_loss: 'simpo' });
    expect(parse(exportPlan(TRAINERS.orpo, 'llama-factory').text)).toMatchObject({ stage: 'dpo', pref_loss: 'orpo' });
  });

  it('PPO has no plan in any format, with the reason', () => {
    const ppo = decodeState('model=qwen2.5-0.5b&method=full&trainer=ppo').state;
    expect(planSummary(ppo).unsupported).toEqual({
      trl: 'PPO needs a reward model and a value model you have trained; the plan writes no PPO config',
      axolotl: 'Axolotl 0.18.0 has no PPO (rl is one of dpo, gdpo, grpo, ipo, orpo, kto, simpo, ebft)',
      'llama-factory': 'PPO needs a reward model and a value model you have trained; the plan writes no PPO config',
    });
    for (const f of FORMATS) expect(() => exportPlan(ppo, f)).toThrow(/no .* plan/);
  });

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
    for (const [n, state] of [QLORA, FULL, ...Object.values(TRAINERS)].entries()) {
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
      'Loss: LLaMA-Factory 0.9.5 has no chunked or fused cross-entropy option; it runs Transformers’ fp32 loss.',
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
