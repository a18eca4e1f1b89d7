// Configs in: real configs from each project's examples, TRL command lines, key=value and JSON, and the round trip.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appliesTo,
  type CalculatorState,
  decodeRaw,
  encodeParams,
  estimateMemory,
  MODEL_PRESETS,
  PARAMS,
  rawDefaults,
} from '../../../src/lib/memory/index.ts';
import { planModel } from '../../../src/lib/plan/models.ts';
import {
  ConfigImportError,
  exportPlan,
  FORMATS,
  importConfig,
  SETTINGS,
  unsupported,
} from '../../../src/lib/plan/index.ts';
import { codecOf } from '../../../src/lib/plan/settings.ts';

// Axolotl 0.18.0, examples/llama-3/qlora.yml (abridged: the wandb keys left out).
const AXOLOTL_QLORA = `base_model: NousResearch/Meta-Llama-3-8B
model_type: AutoModelForCausalLM
tokenizer_type: AutoTokenizer
load_in_8bit: false
load_in_4bit: true
datasets:
  - path: aaditya/alpaca_subset_1
    type: alpaca
dataset_prepared_path:
val_set_size: 0
output_dir: ./outputs/qlora-out
adapter: qlora
lora_model_dir:
sequence_len: 4096
sample_packing: true
lora_r: 32
lora_alpha: 16
lora_dropout: 0.05
lora_target_linear: true
gradient_accumulation_steps: 4
micro_batch_size: 2
num_epochs: 4
optimizer: paged_adamw_32bit
lr_scheduler: cosine
learning_rate: 0.0002
bf16: auto
tf32: false
gradient_checkpointing: true
attn_implementation: flash_attention_2
warmup_ratio: 0.1
`;

// LLaMA-Factory 0.9.5, examples/train_lora/qwen3_lora_sft.yaml (abridged), with the model switched to a preset.
const LF_LORA = `### model
model_name_or_path: Qwen/Qwen2.5-7B-Instruct
trust_remote_code: true
### method
stage: sft
do_train: true
finetuning_type: lora
lora_rank: 8
lora_target: all
### dataset
dataset: identity,alpaca_en_demo
template: qwen
cutoff_len: 2048
### train
per_device_train_batch_size: 1
gradient_accumulation_steps: 8
learning_rate: 1.0e-4
num_train_epochs: 3.0
lr_scheduler_type: cosine
bf16: true
`;

// TRL 1.9.0, trl/scripts/sft.py docstring: the LoRA command line.
const TRL_CLI = `python trl/scripts/sft.py \\
    --model_name_or_path Qwen/Qwen2.5-0.5B \\
    --dataset_name trl-lib/Capybara \\
    --learning_rate 2.0e-4 \\
    --num_train_epochs 1 \\
    --packing \\
    --per_device_train_batch_size 2 \\
    --gradient_accumulation_steps 8 \\
    --use_peft \\
    --lora_r 32 \\
    --lora_alpha 16 \\
    --output_dir Qwen2-0.5B-SFT`;

const reasons = (r: ReturnType<typeof importConfig>) => Object.fromEntries(r.ignored.map((i) => [i.key, i.reason]));

describe('importConfig', () => {
  it('reads Axolotl’s QLoRA example and names what it ignored', () => {
    const r = importConfig(AXOLOTL_QLORA);
    expect(r.format).toBe('axolotl');
    expect(r.raw).toEqual({
      method: 'qlora',
      precision: 'mixed-bf16',
      rank: '32',
      targets: 'all-linear',
      seq: '4096',
      batch: '2',
      'grad-checkpointing': '1',
      attention: 'flash',
      sharding: 'none',
      'double-quant': '1',
      loss: 'fp32',
      // bitsandbytes' 32-bit paged AdamW, which the calculator now prices (state in managed memory)
      optimizer: 'paged-adamw',
      // no rl: key is SFT; num_epochs is the time estimate's Epochs
      trainer: 'sft',
      epochs: '4',
    });
    // NousResearch/Meta-Llama-3-8B is not a preset's Hub id: the model is left as it was.
    expect(r.raw.model).toBeUndefined();
    const why = reasons(r);
    expect(why.base_model).toBe(
      'Model: "NousResearch/Meta-Llama-3-8B" is not a model preset of the calculator; the model stays as it was',
    );
    expect(why.learning_rate).toBe('does not change the memory estimate');
    expect(why.sample_packing).toBe('no Axolotl (YAML) setting the calculator reads');
    expect(r.settings.find((s) => s.param === 'doubleQuant')?.note).toBe(
      'bnb_4bit_use_double_quant not given: Axolotl’s default is true',
    );
  });

  it('reads LLaMA-Factory’s LoRA example', () => {
    const r = importConfig(LF_LORA);
    expect(r.format).toBe('llama-factory');
    expect(r.raw).toEqual({
      // LLaMA-Factory has no loss option: Transformers' fp32 loss
      loss: 'fp32',
      model: 'qwen2.5-7b',
      method: 'lora',
      precision: 'mixed-bf16',
      rank: '8',
      targets: 'all-linear',
      seq: '2048',
      batch: '1',
      'grad-checkpointing': '1',
      sharding: 'none',
      // stage: sft; num_train_epochs: 3.0
      trainer: 'sft',
      epochs: '3',
    });
    expect(r.settings.find((s) => s.param === 'gradCheckpointing')?.note).toBe(
      'disable_gradient_checkpointing not given: LLaMA-Factory’s default',
    );
    expect(reasons(r).trust_remote_code).toBe('does not change the memory estimate');
  });

  it('reads a TRL command line', () => {
    const r = importConfig(TRL_CLI);
    expect(r.format).toBe('trl');
    expect(r.raw).toMatchObject({
      model: 'qwen2.5-0.5b',
      method: 'lora',
      rank: '32',
      batch: '2',
      'grad-checkpointing': '1',
      loss: 'chunked',
    });
    // TRL 1.9 defaults: gradient_checkpointing=True, loss_type chunked_nll
    expect(r.settings.find((s) => s.param === 'loss')?.note).toBe('loss_type not given: TRL’s default is chunked_nll');
    expect(reasons(r).packing).toBe('no TRL + PEFT (Python) setting the calculator reads');
  });

  it('reads the trainer from a TRL script’s command line (trl/scripts/dpo.py, LoRA) or `trl grpo`', () => {
    // TRL 1.9.0, trl/scripts/dpo.py docstring (abridged)
    const dpo = importConfig(`python trl/scripts/dpo.py \\
    --dataset_name trl-lib/ultrafeedback_binarized \\
    --model_name_or_path Qwen/Qwen2.5-0.5B \\
    --learning_rate 5.0e-6 \\
    --per_device_train_batch_size 2 \\
    --use_peft \\
    --lora_r 32`);
    expect(dpo.raw).toMatchObject({ trainer: 'dpo', method: 'lora', rank: '32', batch: '2' });
    // a GRPO batch counts completions: 16 = 2 prompts × 8 generations
    const grpo = importConfig('trl grpo --per_device_train_batch_size 16 --num_generations 8 --beta 0.001');
    expect(grpo.raw).toMatchObject({ trainer: 'grpo', batch: '2', generations: '8', 'kl-penalty': '1' });
    expect(grpo.settings.find((s) => s.param === 'batch')?.note).toBe(
      'per_device_train_batch_size 16 completions = 2 prompts × 8 generations',
    );
    expect(reasons(importConfig('trl grpo --per_device_train_batch_size 12')).per_device_train_batch_size).toBe(
      'Micro-batch: 12 completions are not a whole number of prompts × 8 generations',
    );
  });

  it('reads SFTConfig arguments as key=value lines and as JSON, with the old max_seq_length name', () => {
    const kv = importConfig(
      'max_seq_length=4096\nper_device_train_batch_size = 4  # per GPU\ngradient_checkpointing=False\noptim=adamw_8bit\nloss_type="nll"',
    );
    expect(kv.raw).toMatchObject({
      seq: '4096',
      batch: '4',
      'grad-checkpointing': '0',
      optimizer: 'adamw-8bit',
      loss: 'fp32',
    });
    expect(kv.settings.find((s) => s.param === 'seq')?.keys).toEqual(['max_seq_length']);
    const json = importConfig(
      JSON.stringify({ max_length: 1024, bf16: true, model_init_kwargs: { dtype: 'bfloat16' }, use_peft: true }),
    );
    expect(json.raw).toMatchObject({ seq: '1024', method: 'lora', precision: 'mixed-bf16' });
    expect(json.settings.find((s) => s.param === 'precision')?.keys).toEqual(['model_init_kwargs.dtype', 'bf16']);
  });

  it('checks values like a link: out of range and inapplicable values are listed, not used', () => {
    const r = importConfig('base_model: meta-llama/Llama-3.1-8B-Instruct\nsequence_len: 0\nlora_r: 16\n');
    expect(r.raw.model).toBe('llama-3.1-8b');
    expect(r.raw.seq).toBeUndefined();
    expect(reasons(r).sequence_len).toBe('Sequence length: must be a whole number from 1 to 2,097,152 (got 0)');
    // no adapter in an Axolotl config: full fine-tuning, where the rank does not apply
    expect(r.raw.method).toBe('full');
    expect(reasons(r).lora_r).toBe('LoRA rank does not apply to full');
  });

  it('refuses text that is no config, with the reason', () => {
    expect(() => importConfig('   ')).toThrow(ConfigImportError);
    expect(() => importConfig('{"a": ')).toThrow(/The JSON could not be read/);
    expect(() => importConfig('just words')).toThrow(
      'The text is not a config: expected YAML keys, JSON, or key=value lines.',
    );
    expect(() => importConfig('a: [1, 2')).toThrow(/The YAML could not be read/);
  });
});

// --- round trip -----------------------------------------------------------------------------------------------------

const valuesOf = (id: string) => {
  const p = PARAMS.find((x) => x.id === id);
  if (p?.type === 'enum') return fc.constantFrom(...(p.values ?? []).map(([v]) => v));
  if (p?.type === 'bool') return fc.boolean();
  return fc.constant(p?.default);
};

const arbState: fc.Arbitrary<CalculatorState> = fc
  .record({
    model: fc.constantFrom(...MODEL_PRESETS.map((m) => m.id)),
    method: valuesOf('method'),
    precision: valuesOf('precision'),
    optimizer: valuesOf('optimizer'),
    rank: fc.integer({ min: 1, max: 512 }),
    targets: valuesOf('targets'),
    seq: fc.integer({ min: 1, max: 32768 }),
    batch: fc.integer({ min: 1, max: 64 }),
    gradCheckpointing: fc.boolean(),
    attention: valuesOf('attention'),
    gpus: fc.integer({ min: 1, max: 64 }),
    sharding: valuesOf('sharding'),
    doubleQuant: fc.boolean(),
    loss: valuesOf('loss'),
    trainer: valuesOf('trainer'),
    reference: valuesOf('reference'),
    klPenalty: fc.boolean(),
    generations: fc.integer({ min: 2, max: 64 }),
    completion: fc.integer({ min: 1, max: 4096 }),
    vllmShare: fc.integer({ min: 0, max: 95 }),
    epochs: fc.integer({ min: 1, max: 1000 }),
  })
  .map((input) => ({ input, gpu: null, unit: 'GB' }) as unknown as CalculatorState)
  .filter((s) => estimateMemory(s.input).ok);

describe('export → import', () => {
  for (const f of FORMATS) {
    it(`${f}: gives back every setting the format carries, whatever state it is imported into`, () => {
      fc.assert(
        fc.property(arbState, arbState, (s, other) => {
          // a trainer the format cannot run has no plan in it (the panel says why)
          if (unsupported(s.input.trainer as never, f)) return;
          const r = importConfig(exportPlan(s, f).text, {
            method: other.input.method,
            trainer: other.input.trainer,
          });
          expect(r.format).toBe(f);
          const merged = { ...rawDefaults(), ...Object.fromEntries(encodeParams(other)), ...r.raw };
          const back = decodeRaw(merged).state.input as unknown as Record<string, unknown>;
          const orig = s.input as unknown as Record<string, unknown>;
          const ctx = { input: s.input as never, model: planModel(String(s.input.model)) ?? null };
          for (const row of SETTINGS) {
            const p = PARAMS.find((x) => x.id === row.id);
            if (!p || !codecOf(row, f) || !appliesTo(p, s.input.method, s.input.trainer) || row.lossy?.(f, ctx))
              continue;
            expect(back[row.id], `${row.id} in ${f}`).toEqual(orig[row.id]);
          }
          // and nothing the export itself wrote is reported as a value the calculator could not use
          expect(r.ignored.filter((i) => i.reason !== 'does not change the memory estimate')).toEqual([]);
        }),
        { numRuns: 300 },
      );
    });
  }
});
