// Post-training methods (DPO, ORPO, SimPO, KTO, GRPO, PPO) composed from the memory model's one-step estimate: the
// policy's step at the sequences the trainer actually runs, plus what the trainer keeps besides it (frozen reference
// and reward models, a trained value model, the generation KV cache, the reference forward's logits, a colocated
// vLLM engine's share of the GPU). Pure: the single-model step is passed in, so this module never reaches into the
// physics of one step (estimate.ts) and the result keeps the Estimate shape every consumer reads.
//
// What each trainer keeps, read in TRL 1.10.0.dev0 (huggingface/trl commit f2cd577, 2026-07-24):
// [DPO]  trl/trainer/dpo_trainer.py: the collator concatenates chosen and rejected completions into one batch
//        (`torch.cat(pad([chosen_ids, rejected_ids]))`), so the policy runs 2 × per_device_train_batch_size
//        sequences in one forward. `_compute_loss` runs the policy forward first, then the reference forward under
//        torch.no_grad() while the policy's graph is alive; `ref_outputs` (full logits in the model dtype) lives until
//        the loss returns. Reference: `ref_model = None` "If PEFT is used … the adapter can be disabled to revert to
//        the initial model" (`use_adapter(model, adapter_name=None)`) or with `precompute_ref_log_probs=True` (log-probs
//        computed before training); otherwise a second copy loaded with the same model_init_kwargs.
//        selective_log_softmax (trl/trainer/utils.py) loops over rows for bf16 logits "to reduce peak mem".
// [KTO]  trl/trainer/kto_trainer.py `_compute_loss`: the KL completions (`KL_input_ids`, cycled within the batch) run
//        under no_grad before the policy forward (their logits are freed when `_compute_kl_logps` returns); then the
//        policy forward on per_device_train_batch_size sequences; then the reference's KL forward and its forward,
//        one after the other, under no_grad. Reference rules as DPO (PEFT adapters off, or precomputed).
// [ORPO] trl/experimental/orpo/orpo_trainer.py `concatenated_forward`: chosen and rejected in one forward, no
//        reference model anywhere in the trainer.
// [SimPO] trl/experimental/cpo/cpo_config.py: SimPO is CPOTrainer's loss_type="simpo"; cpo_trainer.py
//        `concatenated_forward` runs chosen and rejected together; CPO has no reference model.
// [GRPO] trl/trainer/grpo_config.py: num_generations 8, max_completion_length 512, beta 0.0 ("If 0.0 (default), the
//        reference model is not loaded"), use_vllm False, vllm_mode "colocate", vllm_gpu_memory_utilization 0.3.
//        grpo_trainer.py: `if self.beta == 0.0: self.ref_model = None` / `elif is_peft_model(model): … None`;
//        generation with `unwrapped_model.generate(...)` under no_grad (or vLLM); the reference log-probs are computed
//        in `_generate_and_score_completions`, before the training step, in chunks of per_device_train_batch_size;
//        `_get_per_token_logps_and_entropies` asks for `logits_to_keep` = the completion tokens only.
//        per_device_train_batch_size counts completions, and the effective batch must be divisible by G: here a
//        micro-batch of B prompts trains their B × G completions together (per_device_train_batch_size = B × G).
// [PPO]  trl/experimental/ppo/ppo_trainer.py: `ref_model = create_reference_model(policy)` unless PEFT (then None);
//        `PolicyAndValueWrapper(policy, value_model)` is what the optimizer trains, so the value model (a full
//        AutoModelForSequenceClassification) gets gradients and optimizer state even when the policy is a LoRA;
//        the reward model is frozen; rollouts use `batch_generation` under no_grad in chunks of
//        local_rollout_forward_batch_size (default 64); the training forward keeps logits of the response only
//        (`output.logits[:, context_length - 1 : -1]`). We assume reward and value models of the policy's
//        architecture (TRL takes any; the calculator has one model field).
// [HFgen] transformers GenerationMixin: `model_kwargs["logits_to_keep"] = 1` ("avoid computing the whole logit
//        matrix" in the prefill), the KV cache holds key and value per layer of shape (batch, kv_heads, seq,
//        head_dim) in the model dtype, and `_sample` copies the last token's logits to fp32
//        (`outputs.logits[:, -1, :].to(copy=True, dtype=torch.float32)`) and takes their softmax to sample.
// [vLLM] vLLM engine arguments, gpu_memory_utilization (https://docs.vllm.ai/en/latest/configuration/engine_args.html):
//        "The fraction of GPU memory to be used for the model executor"; the engine requests total memory × that
//        fraction at start (weights, KV cache and its activations inside it), so training keeps the rest.
// [zero] transformers Trainer calls model.zero_grad() after optimizer.step(); PyTorch's set_to_none defaults to True,
//        so no gradient exists while the next rollout generates.
import type { Estimate, NormalizedInput, PostTrainingBreakdown, TrainerId, TrainerPartId } from './types.ts';

/** The memory model's one-step estimate of a single model (estimate.ts passes its own). */
export type StepEstimator = (input: NormalizedInput) => Estimate;

/** The parts of a post-training breakdown, in the order readers see them. */
export const TRAINER_PARTS: readonly TrainerPartId[] = [
  'policy',
  'reference',
  'reward',
  'value',
  'kv-cache',
  'overhead',
];

/** PPO rollouts generate at most this many sequences at once (PPOConfig.local_rollout_forward_batch_size) [PPO]. */
export const PPO_ROLLOUT_CHUNK = 64;

/** Trainers that run chosen and rejected completions in one forward [DPO][ORPO][SimPO]. */
export const PAIRED: readonly TrainerId[] = ['dpo', 'orpo', 'simpo'];

/** Element size of activations and logits in the model's compute dtype (bf16 unless the run is fp32). */
const actBytes = (i: NormalizedInput): number => (i.precision === 'fp32' ? 4 : 2);

/** Whether the step computes a reference model's log-probs (and keeps the model, unless adapters stand in). */
export function usesReference(i: NormalizedInput): boolean {
  switch (i.trainer) {
    case 'dpo':
    case 'kto':
      return i.reference === 'model';
    case 'grpo':
      return i.klPenalty;
    case 'ppo':
      return true; // PPOConfig.kl_coef defaults to 0.05; the reference is always built [PPO]
    default:
      return false;
  }
}

/** Sequences per GPU in one policy forward and their length. */
export function trainedSequences(i: NormalizedInput): { sequences: number; tokens: number } {
  if (PAIRED.includes(i.trainer)) return { sequences: 2 * i.batch, tokens: i.seq };
  if (i.trainer === 'grpo') return { sequences: i.batch * i.generations, tokens: i.seq + i.completion };
  if (i.trainer === 'ppo') return { sequences: i.batch, tokens: i.seq + i.completion };
  return { sequences: i.batch, tokens: i.seq };
}

const stepTotal = (e: Estimate): number =>
  e.components.weights +
  e.components.trainable +
  e.components.gradients +
  e.components.optimizer +
  e.components.activations +
  e.components.logits;

/** Optimizer state kept on the GPU between steps (managed memory included): the forward phase's, before any step
 *  temporaries. */
const residentOptimizer = (e: Estimate): number =>
  (e.phases.find((p) => p.id === 'forward')?.parts.optimizer ?? 0) + e.managedBytes;

/**
 * The peak of one post-training step per GPU, by component and by model. `sft` returns the step unchanged.
 * Reserve and context: the step's own overhead, with the allocator reserve recomputed on what the stage allocates.
 */
export function composeTrainer(input: NormalizedInput, step: StepEstimator): Estimate {
  if (input.trainer === 'sft') return step(input);
  const trainer = input.trainer;
  const act = actBytes(input);
  const { sequences, tokens } = trainedSequences(input);
  const generates = trainer === 'grpo' || trainer === 'ppo';
  const base: NormalizedInput = { ...input, trainer: 'sft', batch: sequences, seq: tokens };
  const policy = step(base);
  const a = policy.arch;
  // The step's allocator reserve as a fraction of what it allocates, applied to what each stage allocates.
  const reserveFraction = policy.details.allocatorReserveBytes / policy.allocatedBytes;

  // The policy's loss only reads the completion's logits in GRPO and PPO [GRPO][PPO]: the loss term of the same
  // step at the completion tokens.
  const policyLogits = generates
    ? step({ ...base, seq: input.completion }).components.logits
    : policy.components.logits;
  const policyParts = { ...policy.components, logits: policyLogits };
  const policyBytes = stepTotal({ ...policy, components: policyParts });

  // Frozen reference: a second copy of the weights for full fine-tuning (same dtype and sharding as the policy's,
  // TRL prepares it like the model), nothing for adapters (the base with adapters off) [DPO][GRPO][PPO].
  const reference = usesReference(input);
  const refWeights = reference && input.method === 'full' ? policy.components.weights : 0;
  // DPO and KTO run the reference forward inside the loss, while the policy's graph is alive: its logits in the
  // model dtype for every trained token, plus one sequence's log-softmax at a time [DPO][KTO]. Precomputed
  // log-probs skip it; GRPO and PPO score before the training step (counted in the rollout below).
  const refInStep = reference && (trainer === 'dpo' || trainer === 'kto');
  const refLogits = refInStep ? (sequences + 1) * tokens * a.vocab * act : 0;

  // PPO: a value model of the same architecture, trained in full with the policy [PPO]; its score head gives one
  // value per token, so no vocabulary-sized logits. A frozen reward model: its weights in the compute dtype.
  const valueStep = trainer === 'ppo' ? step({ ...base, method: 'full' }) : null;
  const v = valueStep?.components ?? null;
  const value = {
    weights: v?.weights ?? 0,
    gradients: v?.gradients ?? 0,
    optimizer: v?.optimizer ?? 0,
    act: v?.activations ?? 0,
  };
  const valueParams = v ? policy.params.total : 0;
  // ZeRO-3 shards every model TRL prepares with DeepSpeed; otherwise the reward model is moved whole to the GPU.
  const rewardWeights = v ? (input.sharding === 'zero3' ? value.weights : policy.params.total * act) : 0;

  const comm = policy.details.communicationBytes;
  const fixed = policy.components.overhead - policy.details.allocatorReserveBytes; // CUDA context + communication
  const train = {
    weights: policy.components.weights + refWeights + rewardWeights + value.weights,
    trainable: policy.components.trainable,
    gradients: policy.components.gradients + value.gradients,
    optimizer: policy.components.optimizer + value.optimizer,
    activations: policy.components.activations + value.act,
    logits: policyLogits + refLogits,
  };
  const trainReserve = (sum(train) + comm) * reserveFraction;
  const trainTotal = sum(train) + fixed + trainReserve;

  // Rollout (GRPO, PPO): no gradients [zero]; weights, optimizer states and frozen models stay. Generation holds the
  // KV cache of every sequence at full length plus the fp32 next-token logits and their softmax [HFgen]; scoring
  // (reference, and for PPO reward and value, log-probs) holds the completion's logits of one chunk in the model
  // dtype plus one row's log-softmax. The larger of the two sets the stage.
  const gpuShare = trainer === 'grpo' ? input.vllmShare / 100 : 0;
  let rollout: (typeof train & { reserve: number; total: number }) | null = null;
  if (generates) {
    const genSeqs = trainer === 'ppo' ? Math.min(sequences, PPO_ROLLOUT_CHUNK) : sequences;
    // A colocated vLLM engine generates inside its own share of the GPU [vLLM]: no KV cache in the trainer.
    const kv = gpuShare > 0 ? 0 : genSeqs * tokens * 2 * a.layers * a.kvHeads * a.headDim * act;
    const sampling = gpuShare > 0 ? 0 : 2 * genSeqs * a.vocab * 4;
    const scoring = reference ? (genSeqs + 1) * input.completion * a.vocab * act : 0;
    const generating = kv + sampling >= scoring;
    const parts = {
      weights: train.weights,
      trainable: train.trainable,
      gradients: 0,
      // the states themselves: the optimizer step's temporaries (in `train.optimizer` when that step sets the
      // training peak) do not exist while generating
      optimizer: residentOptimizer(policy) + (valueStep ? residentOptimizer(valueStep) : 0),
      activations: generating ? kv : 0,
      logits: generating ? sampling : scoring,
    };
    const reserve = (sum(parts) + comm) * reserveFraction;
    rollout = { ...parts, reserve, total: sum(parts) + fixed + reserve };
  }

  const peakStage: 'train' | 'rollout' = rollout && rollout.total > trainTotal ? 'rollout' : 'train';
  const atPeak = peakStage === 'rollout' && rollout ? rollout : { ...train, reserve: trainReserve };
  const components = {
    weights: atPeak.weights,
    trainable: atPeak.trainable,
    gradients: atPeak.gradients,
    optimizer: atPeak.optimizer,
    activations: atPeak.activations,
    logits: atPeak.logits,
    overhead: fixed + atPeak.reserve,
  };
  const perGpuBytes = Object.values(components).reduce((s, x) => s + x, 0);
  const inTrain = peakStage === 'train';
  const policyStates = policy.components.weights + policy.components.trainable + policy.components.optimizer;
  const parts: Record<TrainerPartId, number> = {
    policy: inTrain ? policyBytes : policyStates,
    reference: refWeights + (inTrain ? refLogits : 0),
    reward: rewardWeights,
    value: value.weights + value.optimizer + (inTrain ? value.gradients + value.act : 0),
    'kv-cache': inTrain ? 0 : components.activations + components.logits,
    overhead: components.overhead,
  };
  const breakdown: PostTrainingBreakdown = {
    trainer,
    sequences,
    tokensPerSequence: tokens,
    referenceForward: reference,
    peakStage,
    stages: { train: trainTotal, rollout: rollout ? rollout.total : null },
    parts,
    gpuShare,
  };
  return {
    ...policy,
    input,
    params: { total: policy.params.total, trainable: policy.params.trainable + valueParams },
    components,
    perGpuBytes,
    allocatedBytes: perGpuBytes - policy.details.cudaContextBytes - atPeak.reserve,
    details: { ...policy.details, allocatorReserveBytes: atPeak.reserve },
    postTraining: breakdown,
  };
}

const sum = (o: Record<string, number>): number => Object.values(o).reduce((s, x) => s + x, 0);

/**
 * Bytes a run needs on a GPU of `usableBytes`: the training process's peak plus the share a colocated vLLM engine
 * takes of the whole GPU [vLLM]. Fit checks compare this, not perGpuBytes, with the usable memory.
 */
export function requiredBytes(e: Estimate, usableBytes: number): number {
  return e.perGpuBytes + (e.postTraining?.gpuShare ?? 0) * usableBytes;
}
