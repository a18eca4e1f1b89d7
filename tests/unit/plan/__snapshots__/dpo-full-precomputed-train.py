# Starter plan from the Fine-Tuning Cards VRAM calculator: TRL + PEFT (Python), checked against TRL 1.9.0 with PEFT.
# Qwen2.5 0.5B · DPO · Full · seq 2,048 × micro-batch 1 · 2 GPUs: about 13.0 GB per GPU in the estimate.
# Run: accelerate launch --num_processes 2 train.py
# Effective batch: 1 (micro-batch) × 8 (accumulation) × 2 (GPUs) = 16 sequences per optimizer step.
# Starter values (a place to begin, not a tuned recipe):
#   learning rate 5e-7: TRL’s DPO script, full training [1]
#   beta 0.1: DPOConfig’s default [2]
#   epochs 3: the calculator’s Epochs, Alpaca’s 3 [3]
#   warm-up 0.03: 3% of the steps [3]
#   accumulation toward 16 sequences: under the 32 at which LoRA starts to lose to full fine-tuning [4]
#   [1] TRL 1.9.0, trl/scripts/dpo.py: https://github.com/huggingface/trl/blob/v1.9.0/trl/scripts/dpo.py
#   [2] TRL 1.9.0, trl/trainer/dpo_config.py: https://github.com/huggingface/trl/blob/v1.9.0/trl/trainer/dpo_config.py
#   [3] Stanford Alpaca, README (fine-tuning command): https://github.com/tatsu-lab/stanford_alpaca#fine-tuning
#   [4] TRL documentation, LoRA Without Regret (after Schulman et al., Thinking Machines, 2025): https://huggingface.co/docs/trl/lora_without_regret
# Not in this config:
#   Loss: the plan writes a loss option for SFT only; DPOTrainer computes its own loss.

from datasets import load_dataset
from trl import DPOConfig, DPOTrainer

# A data set from TRL’s DPOTrainer documentation: preference pairs (chosen/rejected); replace it with yours.
dataset = load_dataset("trl-lib/ultrafeedback_binarized", split="train")

# Full fine-tuning: every weight trains, no adapter.
peft_config = None

args = DPOConfig(
    output_dir="qwen2.5-0.5b-dpo-full",
    model_init_kwargs={"dtype": "float32", "attn_implementation": "flash_attention_2"},
    precompute_ref_log_probs=True,
    bf16=True,
    optim="adamw_torch",
    max_length=2048,
    per_device_train_batch_size=1,
    gradient_checkpointing=False,
    deepspeed={"zero_optimization": {"stage": 2}, "bf16": {"enabled": "auto"}, "train_micro_batch_size_per_gpu": "auto", "gradient_accumulation_steps": "auto"},
    beta=0.1,
    gradient_accumulation_steps=8,
    learning_rate=5e-7,
    num_train_epochs=3,
    lr_scheduler_type="cosine",
    warmup_steps=0.03,
)

trainer = DPOTrainer(
    model="Qwen/Qwen2.5-0.5B",
    args=args,
    train_dataset=dataset,
    peft_config=peft_config,
)
trainer.train()
trainer.save_model()
