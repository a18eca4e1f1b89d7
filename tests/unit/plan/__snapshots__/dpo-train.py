# Starter plan from the Fine-Tuning Cards VRAM calculator: TRL + PEFT (Python), checked against TRL 1.9.0 with PEFT.
# Qwen2.5 7B · DPO · LoRA · seq 1,024 × micro-batch 2 · 1 GPU: about 39.7 GB per GPU in the estimate.
# Run: python train.py
# Effective batch: 2 (micro-batch) × 8 (accumulation) × 1 (GPUs) = 16 sequences per optimizer step.
# Starter values (a place to begin, not a tuned recipe):
#   learning rate 0.000005: TRL’s DPO script with LoRA [1]
#   LoRA alpha 16: as in the TRL LoRA SFT example [2]
#   beta 0.1: DPOConfig’s default [3]
#   epochs 1: the calculator’s Epochs (Alpaca used 3) [4]
#   warm-up 0.03: 3% of the steps [4]
#   accumulation toward 16 sequences: under the 32 at which LoRA starts to lose to full fine-tuning [2]
#   [1] TRL 1.9.0, trl/scripts/dpo.py: https://github.com/huggingface/trl/blob/v1.9.0/trl/scripts/dpo.py
#   [2] TRL documentation, LoRA Without Regret (after Schulman et al., Thinking Machines, 2025): https://huggingface.co/docs/trl/lora_without_regret
#   [3] TRL 1.9.0, trl/trainer/dpo_config.py: https://github.com/huggingface/trl/blob/v1.9.0/trl/trainer/dpo_config.py
#   [4] Stanford Alpaca, README (fine-tuning command): https://github.com/tatsu-lab/stanford_alpaca#fine-tuning
# Not in this config:
#   Loss: the plan writes a loss option for SFT only; DPOTrainer computes its own loss.

from datasets import load_dataset
from peft import LoraConfig
from trl import DPOConfig, DPOTrainer

# A data set from TRL’s DPOTrainer documentation: preference pairs (chosen/rejected); replace it with yours.
dataset = load_dataset("trl-lib/ultrafeedback_binarized", split="train")

peft_config = LoraConfig(
    r=16,
    lora_alpha=16,
    lora_dropout=0,
    target_modules=["q_proj", "v_proj"],
    task_type="CAUSAL_LM",
)

args = DPOConfig(
    output_dir="qwen2.5-7b-dpo-lora",
    model_init_kwargs={"dtype": "bfloat16", "attn_implementation": "flash_attention_2"},
    precompute_ref_log_probs=False,
    bf16=True,
    optim="adamw_torch",
    max_length=1024,
    per_device_train_batch_size=2,
    gradient_checkpointing=False,
    beta=0.1,
    gradient_accumulation_steps=8,
    learning_rate=0.000005,
    num_train_epochs=1,
    lr_scheduler_type="cosine",
    warmup_steps=0.03,
)

trainer = DPOTrainer(
    model="Qwen/Qwen2.5-7B",
    args=args,
    train_dataset=dataset,
    peft_config=peft_config,
)
trainer.train()
trainer.save_model()
