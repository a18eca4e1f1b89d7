# Starter plan from the Fine-Tuning Cards VRAM calculator: TRL + PEFT (Python), checked against TRL 1.9.0 with PEFT.
# Llama-3.2 1B · KTO · QLoRA · seq 2,048 × micro-batch 4 · 1 GPU: about 16.8 GB per GPU in the estimate.
# Run: python train.py
# Effective batch: 4 (micro-batch) × 4 (accumulation) × 1 (GPUs) = 16 sequences per optimizer step.
# Starter values (a place to begin, not a tuned recipe):
#   learning rate 5e-7: TRL’s KTO script (full and QLoRA alike) [1]
#   LoRA alpha 16: as in the TRL LoRA SFT example [2]
#   beta 0.1: KTOConfig’s default [3]
#   epochs 3: the calculator’s Epochs, Alpaca’s 3 [4]
#   warm-up 0.03: 3% of the steps [4]
#   accumulation toward 16 sequences: under the 32 at which LoRA starts to lose to full fine-tuning [2]
#   [1] TRL 1.9.0, trl/scripts/kto.py: https://github.com/huggingface/trl/blob/v1.9.0/trl/scripts/kto.py
#   [2] TRL documentation, LoRA Without Regret (after Schulman et al., Thinking Machines, 2025): https://huggingface.co/docs/trl/lora_without_regret
#   [3] TRL 1.9.0, trl/trainer/kto_config.py: https://github.com/huggingface/trl/blob/v1.9.0/trl/trainer/kto_config.py
#   [4] Stanford Alpaca, README (fine-tuning command): https://github.com/tatsu-lab/stanford_alpaca#fine-tuning
# Not in this config:
#   Loss: the plan writes a loss option for SFT only; KTOTrainer computes its own loss.

from datasets import load_dataset
from peft import LoraConfig
from transformers import BitsAndBytesConfig
from trl import KTOConfig, KTOTrainer

# A data set from TRL’s KTOTrainer documentation: single completions labelled desirable or not; replace it with yours.
dataset = load_dataset("trl-lib/kto-mix-14k", split="train")

quantization_config = BitsAndBytesConfig(
    load_in_4bit=True,
    bnb_4bit_quant_type="nf4",
    bnb_4bit_use_double_quant=False,
    bnb_4bit_compute_dtype="bfloat16",
)

peft_config = LoraConfig(
    r=8,
    lora_alpha=16,
    lora_dropout=0,
    target_modules=["q_proj", "v_proj"],
    task_type="CAUSAL_LM",
)

args = KTOConfig(
    output_dir="llama-3.2-1b-kto-qlora",
    model_init_kwargs={"dtype": "bfloat16", "attn_implementation": "flash_attention_2"},
    precompute_ref_log_probs=False,
    bf16=True,
    optim="adamw_torch",
    max_length=2048,
    per_device_train_batch_size=4,
    gradient_checkpointing=False,
    beta=0.1,
    gradient_accumulation_steps=4,
    learning_rate=5e-7,
    num_train_epochs=3,
    lr_scheduler_type="cosine",
    warmup_steps=0.03,
)

trainer = KTOTrainer(
    model="meta-llama/Llama-3.2-1B",
    args=args,
    train_dataset=dataset,
    peft_config=peft_config,
    quantization_config=quantization_config,
)
trainer.train()
trainer.save_model()
