// Which trainers the time model covers, and the forward passes without gradients each runs per trained token besides
// the policy's forward and backward. What each trainer runs is read in TRL 1.10.0.dev0 (huggingface/trl commit
// f2cd577), as src/lib/memory/post-training.ts quotes it:
// - DPOTrainer (trl/trainer/dpo_trainer.py `_compute_loss`): chosen and rejected in one policy forward, then the
//   reference forward under torch.no_grad(), unless `precompute_ref_log_probs=True` computed them before training
//   (a one-off pass this estimate leaves out).
// - KTOTrainer (trl/trainer/kto_trainer.py `_compute_loss`): the KL completions (as many as the batch's) through the
//   policy under no_grad, the policy's forward, then the reference's KL forward and its forward under no_grad.
// - ORPO (trl/experimental/orpo) and SimPO (CPOTrainer, trl/experimental/cpo): chosen and rejected in one forward,
//   no reference model.
// GRPO and PPO spend much of a step generating completions token by token (HF generate or vLLM), at a speed set by
// the decoding engine and its batch, not by the FLOPs counted here: they are not covered.
import { usesReference } from '../memory/post-training.ts';
import type { NormalizedInput, TrainerId } from '../memory/types.ts';

/** Trainers that generate their training data in the step: no time estimate. */
export const GENERATING: readonly TrainerId[] = ['grpo', 'ppo'];

/** Forward passes without gradients per trained token; null when the trainer is not covered. */
export function trainerForwards(i: NormalizedInput): { policy: number; reference: number } | null {
  if (GENERATING.includes(i.trainer)) return null;
  const reference = usesReference(i) ? 1 : 0;
  if (i.trainer === 'kto') return { policy: 1, reference: 2 * reference };
  return { policy: 0, reference: i.trainer === 'dpo' ? reference : 0 };
}
