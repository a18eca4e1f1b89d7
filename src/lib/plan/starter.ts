// Starter hyperparameters: a place to begin, not a tuned recipe. Each value names the source that states it.
import type { MethodId, TrainerId } from '../memory/index.ts';

/** The trainer library release the exported script and argument names were checked against. */
export const TRL_VERSION = '1.9.0';
export const AXOLOTL_VERSION = '0.18.0';
export const LLAMA_FACTORY_VERSION = '0.9.5';

export interface Source {
  title: string;
  url: string;
  /** what the source states, briefly */
  says: string;
}

export interface StarterValue {
  value: number;
  why: string;
  source: Source;
}

export interface Starter {
  learningRate: StarterValue;
  /** LoRA alpha (adapters only) */
  loraAlpha: StarterValue | null;
  loraDropout: StarterValue | null;
  /** the preference trainers' β (DPO, KTO, ORPO); null where the plan leaves the trainer's own default */
  beta: StarterValue | null;
  /** the calculator's `epochs` (its default is Alpaca's 3) */
  epochs: StarterValue;
  /** warm-up as a fraction of the training steps */
  warmup: StarterValue;
  /** sequences per optimizer step over all GPUs that the accumulation aims at */
  targetBatch: StarterValue;
  /** micro-batch × accumulation × GPUs: the sequences behind one optimizer step */
  effectiveBatch: number;
  accumulation: number;
}

const TRL_SFT_CONFIG: Source = {
  title: `TRL ${TRL_VERSION}, trl/trainer/sft_config.py`,
  url: `https://github.com/huggingface/trl/blob/v${TRL_VERSION}/trl/trainer/sft_config.py`,
  says: 'SFTConfig learning_rate defaults to 2e-5 instead of 5e-5.',
};
const LORA_WITHOUT_REGRET: Source = {
  title: 'TRL documentation, LoRA Without Regret (after Schulman et al., Thinking Machines, 2025)',
  url: 'https://huggingface.co/docs/trl/lora_without_regret',
  says:
    'LoRA takes a higher learning rate than full fine-tuning (1.0e-5 against 1.0e-6 in its table, 10×); the SFT ' +
    'example uses learning_rate=2e-4 and LoraConfig(lora_alpha=16); effective batch below 32 for LoRA; ' +
    'lora_dropout 0.0.',
};
const ALPACA: Source = {
  title: 'Stanford Alpaca, README (fine-tuning command)',
  url: 'https://github.com/tatsu-lab/stanford_alpaca#fine-tuning',
  says: 'Full fine-tuning of LLaMA-7B with --num_train_epochs 3 --learning_rate 2e-5 --warmup_ratio 0.03.',
};

const trlFile = (path: string, says: string): Source => ({
  title: `TRL ${TRL_VERSION}, ${path}`,
  url: `https://github.com/huggingface/trl/blob/v${TRL_VERSION}/${path}`,
  says,
});
const TRL_DPO_SCRIPT = trlFile(
  'trl/scripts/dpo.py',
  'Full training with --learning_rate 5.0e-7, LoRA with --learning_rate 5.0e-6, on trl-lib/ultrafeedback_binarized.',
);
const TRL_DPO_CONFIG = trlFile('trl/trainer/dpo_config.py', 'DPOConfig beta defaults to 0.1.');
const TRL_KTO_SCRIPT = trlFile(
  'trl/scripts/kto.py',
  'Full training and QLoRA both with --learning_rate 5e-7, on trl-lib/kto-mix-14k.',
);
const TRL_KTO_CONFIG = trlFile('trl/trainer/kto_config.py', 'KTOConfig beta defaults to 0.1.');
const TRL_ORPO_SCRIPT = trlFile(
  'examples/scripts/orpo.py',
  'Full training with --learning_rate 8e-6, LoRA with --learning_rate 8e-5.',
);
const TRL_ORPO_CONFIG = trlFile(
  'trl/experimental/orpo/orpo_config.py',
  'ORPOConfig beta (the λ of ORPO) defaults to 0.1.',
);
const TRL_CPO_SCRIPT = trlFile(
  'examples/scripts/cpo.py',
  'Full training with --learning_rate 8e-6, LoRA with --learning_rate 8e-5, on trl-lib/ultrafeedback_binarized.',
);
const TRL_GRPO_CONFIG = trlFile(
  'trl/trainer/grpo_config.py',
  'GRPOConfig learning_rate defaults to 1e-6; beta 0.0 (no reference model), DeepSeek-R1 used 0.001.',
);

const ADAPTER: readonly MethodId[] = ['lora', 'qlora', 'dora'];

/** The starter learning rate of a trainer, full fine-tuning and adapters. */
function rate(trainer: TrainerId, adapter: boolean): StarterValue {
  switch (trainer) {
    case 'dpo':
      return adapter
        ? { value: 5e-6, why: 'TRL’s DPO script with LoRA', source: TRL_DPO_SCRIPT }
        : { value: 5e-7, why: 'TRL’s DPO script, full training', source: TRL_DPO_SCRIPT };
    case 'kto':
      return { value: 5e-7, why: 'TRL’s KTO script (full and QLoRA alike)', source: TRL_KTO_SCRIPT };
    case 'orpo':
      return adapter
        ? { value: 8e-5, why: 'TRL’s ORPO example with LoRA', source: TRL_ORPO_SCRIPT }
        : { value: 8e-6, why: 'TRL’s ORPO example, full training', source: TRL_ORPO_SCRIPT };
    case 'simpo':
      return adapter
        ? { value: 8e-5, why: 'TRL’s CPO example with LoRA', source: TRL_CPO_SCRIPT }
        : { value: 8e-6, why: 'TRL’s CPO example, full training', source: TRL_CPO_SCRIPT };
    case 'grpo':
      return adapter
        ? { value: 1e-5, why: '10× GRPOConfig’s default, the LoRA-family ratio', source: LORA_WITHOUT_REGRET }
        : { value: 1e-6, why: 'GRPOConfig’s default', source: TRL_GRPO_CONFIG };
    default:
      return adapter
        ? { value: 2e-4, why: 'LoRA-family rate, 10× the full fine-tuning rate', source: LORA_WITHOUT_REGRET }
        : { value: 2e-5, why: 'TRL’s SFT default for full fine-tuning', source: TRL_SFT_CONFIG };
  }
}

const BETA: Partial<Record<TrainerId, StarterValue>> = {
  dpo: { value: 0.1, why: 'DPOConfig’s default', source: TRL_DPO_CONFIG },
  kto: { value: 0.1, why: 'KTOConfig’s default', source: TRL_KTO_CONFIG },
  orpo: { value: 0.1, why: 'ORPOConfig’s default', source: TRL_ORPO_CONFIG },
};

/** GRPO's KL coefficient when the calculator's "KL penalty" is on (GRPOConfig's help, after DeepSeek-R1). */
export const GRPO_KL_BETA: StarterValue = {
  value: 0.001,
  why: 'the KL coefficient DeepSeek-R1 used',
  source: TRL_GRPO_CONFIG,
};

/** Starter values for a trainer and method on `gpus` GPUs at `batch` sequences (GRPO: prompts) per GPU. */
export function starter(
  method: MethodId,
  batch: number,
  gpus: number,
  trainer: TrainerId = 'sft',
  epochs = 3,
): Starter {
  const adapter = ADAPTER.includes(method);
  const perStep = batch * gpus;
  const target = 16;
  // The smallest accumulation that reaches the target batch (1 when one step already holds it).
  const accumulation = Math.max(1, Math.ceil(target / perStep));
  return {
    learningRate: rate(trainer, adapter),
    loraAlpha: adapter ? { value: 16, why: 'as in the TRL LoRA SFT example', source: LORA_WITHOUT_REGRET } : null,
    loraDropout: adapter ? { value: 0, why: 'no adapter dropout', source: LORA_WITHOUT_REGRET } : null,
    beta: BETA[trainer] ?? null,
    epochs: {
      value: epochs,
      why: epochs === 3 ? 'the calculator’s Epochs, Alpaca’s 3' : 'the calculator’s Epochs (Alpaca used 3)',
      source: ALPACA,
    },
    warmup: { value: 0.03, why: '3% of the steps', source: ALPACA },
    targetBatch: {
      value: target,
      why: 'under the 32 at which LoRA starts to lose to full fine-tuning',
      source: LORA_WITHOUT_REGRET,
    },
    effectiveBatch: perStep * accumulation,
    accumulation,
  };
}
