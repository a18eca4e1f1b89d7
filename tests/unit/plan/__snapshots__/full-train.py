# Starter plan from the Fine-Tuning Cards VRAM calculator: TRL + PEFT (Python), checked against TRL 1.9.0 with PEFT.
# Phi-3-mini (4k) · Full · seq 2,048 × micro-batch 1 · 2 GPUs: about 15.0 GB per GPU in the estimate.
# Run: accelerate launch --num_processes 2 train.py
# Effective batch: 1 (micro-batch) × 8 (accumulation) × 2 (GPUs) = 16 sequences per optimizer step.
# Starter values (a place to begin, not a tuned recipe):
#   learning rate 0.00002: TRL’s SFT default for full fine-tuning [1]
#   epochs 3: the calculator’s Epochs, Alpaca’s 3 [2]
#   warm-up 0.03: 3% of the steps [2]
#   accumulation toward 16 sequences: under the 32 at which LoRA starts to lose to full fine-tuning [3]
#   [1] TRL 1.9.0, trl/trainer/sft_config.py: https://github.com/huggingface/trl/blob/v1.9.0/trl/trainer/sft_config.py
#   [2] Stanford Alpaca, README (fine-tuning command): https://github.com/tatsu-lab/stanford_alpaca#fine-tuning
#   [3] TRL documentation, LoRA Without Regret (after Schulman et al., Thinking Machines, 2025): https://huggingface.co/docs/trl/lora_without_regret
# Not in this config:
#   Optimizer: optim sgd is torch.optim.SGD without momentum in transformers’ Trainer, so it keeps no buffer; the estimate counts one (one value per trained weight).

from datasets import load_dataset
from trl import SFTConfig, SFTTrainer

# A conversational data set from TRL’s SFT documentation; replace it with yours (messages, prompt/completion or text).
dataset = load_dataset("trl-lib/Capybara", split="train")

# Full fine-tuning: every weight trains, no adapter.
peft_config = None

args = SFTConfig(
    output_dir="phi-3-mini-full",
    model_init_kwargs={"dtype": "bfloat16", "attn_implementation": "eager"},
    bf16=True,
    optim="sgd",
    max_length=2048,
    per_device_train_batch_size=1,
    gradient_checkpointing=True,
    fsdp="full_shard auto_wrap",
    loss_type="chunked_nll",
    gradient_accumulation_steps=8,
    learning_rate=0.00002,
    num_train_epochs=3,
    lr_scheduler_type="cosine",
    warmup_steps=0.03,
)

trainer = SFTTrainer(
    model="microsoft/Phi-3-mini-4k-instruct",
    args=args,
    train_dataset=dataset,
    peft_config=peft_config,
)
trainer.train()
trainer.save_model()
