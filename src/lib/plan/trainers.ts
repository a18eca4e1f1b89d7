// What the plan writes for each of the calculator's trainers (src/lib/memory/post-training.ts): the TRL classes and
// where they are imported from, Axolotl's `rl:` and LLaMA-Factory's `stage:`/`pref_loss:`, the example data set, or
// why a format cannot run that trainer. Checked against the releases in starter.ts:
// - TRL 1.9.0 trl/__init__.py exports SFT/DPO/KTO/GRPO Config and Trainer; ORPO and CPO (whose loss_type="simpo" is
//   SimPO, docs/source/cpo_trainer.md "turn on loss_type="simpo" and cpo_alpha=0.0") are in trl.experimental.orpo and
//   trl.experimental.cpo (their __init__.py); PPO is trl.experimental.ppo and needs a trained reward model and a value
//   model passed in (ppo_trainer.py), which no starter plan has.
// - Axolotl 0.18.0 src/axolotl/utils/schemas/enums.py RLType: dpo, gdpo, grpo, ipo, orpo, kto, simpo, ebft (no PPO).
// - LLaMA-Factory 0.9.5 src/llamafactory/hparams/finetuning_args.py: stage in pt, sft, rm, ppo, dpo, kto;
//   pref_loss in sigmoid (DPO), hinge, ipo, kto_pair, orpo, simpo; `stage: ppo` raises without a reward_model. No GRPO.
import type { TrainerId } from '../memory/index.ts';
import type { FormatId } from './settings.ts';
import { AXOLOTL_VERSION, LLAMA_FACTORY_VERSION } from './starter.ts';

export interface TrlTrainer {
  config: string;
  trainer: string;
  /** the Python module both classes come from */
  module: string;
  /** the data set the TRL documentation trains that trainer on, and what it holds */
  dataset: { id: string; note: string };
}

export interface AxolotlTrainer {
  /** Axolotl's `rl:` value; null for SFT (no `rl:` key) */
  rl: string | null;
  dataset: { path: string; type?: string; split?: string };
  note: string;
}

export interface LlamaFactoryTrainer {
  stage: 'sft' | 'dpo' | 'kto';
  prefLoss?: 'sigmoid' | 'orpo' | 'simpo';
  /** a data set that ships in LLaMA-Factory's data/dataset_info.json */
  dataset: string;
}

export interface TrainerPlan {
  id: TrainerId;
  /** per format: what it writes, or why the format cannot run this trainer */
  trl: TrlTrainer | string;
  axolotl: AxolotlTrainer | string;
  'llama-factory': LlamaFactoryTrainer | string;
}

// Preference pairs in the conversational chosen/rejected form: the data set of TRL's DPO, ORPO and CPO docs and
// scripts (trl/scripts/dpo.py, examples/scripts/cpo.py, docs/source/orpo_trainer.md).
const PAIRS = { id: 'trl-lib/ultrafeedback_binarized', note: 'preference pairs (chosen/rejected)' };
// Axolotl reads chosen/rejected message lists with chat_template.argilla_chat (src/axolotl/prompt_strategies/dpo/
// chat_template.py) and ORPO's with chat_template.argilla (orpo/chat_template.py; docs/rlhf.qmd).
const AXOLOTL_PAIRS = { path: 'trl-lib/ultrafeedback_binarized', split: 'train' };

const PPO = 'PPO needs a reward model and a value model you have trained; the plan writes no PPO config';

export const TRAINER_PLANS: Readonly<Record<TrainerId, TrainerPlan>> = {
  sft: {
    id: 'sft',
    trl: {
      config: 'SFTConfig',
      trainer: 'SFTTrainer',
      module: 'trl',
      dataset: { id: 'trl-lib/Capybara', note: 'conversations (messages, prompt/completion or text)' },
    },
    // Axolotl's own examples (examples/llama-3/lora-1b.yml); LLaMA-Factory's alpaca_en_demo (data/dataset_info.json).
    axolotl: { rl: null, dataset: { path: 'teknium/GPT4-LLM-Cleaned', type: 'alpaca' }, note: 'instructions' },
    'llama-factory': { stage: 'sft', dataset: 'alpaca_en_demo' },
  },
  dpo: {
    id: 'dpo',
    trl: { config: 'DPOConfig', trainer: 'DPOTrainer', module: 'trl', dataset: PAIRS },
    axolotl: {
      rl: 'dpo',
      dataset: { ...AXOLOTL_PAIRS, type: 'chat_template.argilla_chat' },
      note: 'preference pairs',
    },
    // dpo_en_demo: LLaMA-Factory's examples/train_lora/qwen3_lora_dpo.yaml
    'llama-factory': { stage: 'dpo', prefLoss: 'sigmoid', dataset: 'dpo_en_demo' },
  },
  orpo: {
    id: 'orpo',
    trl: { config: 'ORPOConfig', trainer: 'ORPOTrainer', module: 'trl.experimental.orpo', dataset: PAIRS },
    axolotl: { rl: 'orpo', dataset: { ...AXOLOTL_PAIRS, type: 'chat_template.argilla' }, note: 'preference pairs' },
    'llama-factory': { stage: 'dpo', prefLoss: 'orpo', dataset: 'dpo_en_demo' },
  },
  simpo: {
    id: 'simpo',
    trl: { config: 'CPOConfig', trainer: 'CPOTrainer', module: 'trl.experimental.cpo', dataset: PAIRS },
    axolotl: {
      rl: 'simpo',
      dataset: { ...AXOLOTL_PAIRS, type: 'chat_template.argilla_chat' },
      note: 'preference pairs',
    },
    'llama-factory': { stage: 'dpo', prefLoss: 'simpo', dataset: 'dpo_en_demo' },
  },
  kto: {
    id: 'kto',
    // docs/source/kto_trainer.md and trl/scripts/kto.py train on trl-lib/kto-mix-14k.
    trl: {
      config: 'KTOConfig',
      trainer: 'KTOTrainer',
      module: 'trl',
      dataset: { id: 'trl-lib/kto-mix-14k', note: 'single completions labelled desirable or not' },
    },
    // Axolotl's examples/llama-3/qlora-1b-kto.yaml data set; chatml.ultra is one of its KTO types (docs/rlhf.qmd).
    axolotl: {
      rl: 'kto',
      dataset: {
        path: 'argilla/ultrafeedback-binarized-preferences-cleaned-kto',
        type: 'chatml.ultra',
        split: 'train',
      },
      note: 'labelled completions',
    },
    // kto_en_demo: examples/train_lora/qwen3_lora_kto.yaml
    'llama-factory': { stage: 'kto', dataset: 'kto_en_demo' },
  },
  grpo: {
    id: 'grpo',
    // docs/source/grpo_trainer.md quick start: trl-lib/DeepMath-103K with trl.rewards.accuracy_reward.
    trl: {
      config: 'GRPOConfig',
      trainer: 'GRPOTrainer',
      module: 'trl',
      dataset: { id: 'trl-lib/DeepMath-103K', note: 'maths prompts with their solution' },
    },
    // No `type`: Axolotl uses a data set as it is (src/axolotl/utils/data/rl.py), here TRL's prompt + solution.
    axolotl: { rl: 'grpo', dataset: { path: 'trl-lib/DeepMath-103K', split: 'train' }, note: 'prompts' },
    'llama-factory': `LLaMA-Factory ${LLAMA_FACTORY_VERSION} has no GRPO stage (stage is one of pt, sft, rm, ppo, dpo, kto)`,
  },
  ppo: {
    id: 'ppo',
    trl: PPO,
    axolotl: `Axolotl ${AXOLOTL_VERSION} has no PPO (rl is one of dpo, gdpo, grpo, ipo, orpo, kto, simpo, ebft)`,
    'llama-factory': PPO,
  },
};

/** The GRPO reward the plan uses: TRL's accuracy_reward (needs the math_verify package: pip install math-verify). */
export const GRPO_REWARD = { module: 'trl.rewards', name: 'accuracy_reward', pip: 'math-verify' };

/** Why a format cannot run a trainer, or null when it can. */
export function unsupported(trainer: TrainerId, f: FormatId): string | null {
  const t = TRAINER_PLANS[trainer][f];
  return typeof t === 'string' ? t : null;
}
