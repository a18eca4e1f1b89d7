# Starter plan from the Fine-Tuning Cards VRAM calculator: TRL + PEFT (Python), checked against TRL 1.9.0 with PEFT.
# Qwen2.5 0.5B · SimPO · Full · seq 2,048 × micro-batch 1 · 1 GPU: about 11.0 GB per GPU in the estimate.
# Run: python train.py
# Effective batch: 1 (micro-batch) × 16 (accumulation) × 1 (GPUs) = 16 sequences per optimizer step.
# Starter values (a place to begin, not a tuned recipe):
#   learning rate 0.000008: TRL’s CPO example, full training [1]
#   epochs 3: the calculator’s Epochs, Alpaca’s 3 [2]
#   warm-up 0.03: 3% of the steps [2]
#   accumulation toward 16 sequences: under the 32 at which LoRA starts to lose to full fine-tuning [3]
#   [1] TRL 1.9.0, examples/scripts/cpo.py: https://github.com/huggingface/trl/blob/v1.9.0/examples/scripts/cpo.py
#   [2] Stanford Alpaca, README (fine-tuning command): https://github.com/tatsu-lab/stanford_alpaca#fine-tuning
#   [3] TRL documentation, LoRA Without Regret (after Schulman et al., Thinking Machines, 2025): https://huggingface.co/docs/trl/lora_without_regret
# Not in this config:
#   Loss: the plan writes a loss option for SFT only; CPOTrainer computes its own loss.

from datasets import load_dataset
from trl.experimental.cpo import CPOConfig, CPOTrainer

# A data set from TRL’s CPOTrainer documentation: preference pairs (chosen/rejected); replace it with yours.
dataset = load_dataset("trl-lib/ultrafeedback_binarized", split="train")

# Full fine-tuning: every weight trains, no adapter.
peft_config = None

args = CPOConfig(
    output_dir="qwen2.5-0.5b-simpo-full",
    model_init_kwargs={"dtype": "bfloat16", "attn_implementation": "flash_attention_2"},
    bf16=True,
    optim="adamw_torch",
    max_length=2048,
    per_device_train_batch_size=1,
    gradient_checkpointing=False,
    loss_type="simpo",
    cpo_alpha=0,
    gradient_accumulation_steps=16,
    learning_rate=0.000008,
    num_train_epochs=3,
    lr_scheduler_type="cosine",
    warmup_steps=0.03,
)

trainer = CPOTrainer(
    model="Qwen/Qwen2.5-0.5B",
    args=args,
    train_dataset=dataset,
    peft_config=peft_config,
)
trainer.train()
trainer.save_model()
