// Starter hyperparameters: a place to begin, not a tuned recipe. Each value names the source that states it.
import type { MethodId } from '../memory/index.ts';

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

const ADAPTER: readonly MethodId[] = ['lora', 'qlora', 'dora'];

/** Starter values for a method on `gpus` GPUs at `batch` sequences per GPU. */
export function starter(method: MethodId, batch: number, gpus: number): Starter {
  const adapter = ADAPTER.includes(method);
  const perStep = batch * gpus;
  const target = 16;
  // The smallest accumulation that reaches the target batch (1 when one step already holds it).
  const accumulation = Math.max(1, Math.ceil(target / perStep));
  return {
    learningRate: adapter
      ? { value: 2e-4, why: 'LoRA-family rate, 10× the full fine-tuning rate', source: LORA_WITHOUT_REGRET }
      : { value: 2e-5, why: 'TRL’s SFT default for full fine-tuning', source: TRL_SFT_CONFIG },
    loraAlpha: adapter ? { value: 16, why: 'as in the TRL LoRA SFT example', source: LORA_WITHOUT_REGRET } : null,
    loraDropout: adapter ? { value: 0, why: 'no adapter dropout', source: LORA_WITHOUT_REGRET } : null,
    epochs: { value: 3, why: 'Alpaca’s epochs; fewer for large data sets', source: ALPACA },
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
