# Starter plan from the Fine-Tuning Cards VRAM calculator: TRL + PEFT (Python), checked against TRL 1.9.0 with PEFT.
# Mistral 7B (v0.1) · ORPO · QLoRA · seq 2,048 × micro-batch 2 · 1 GPU: about 10.0 GB per GPU in the estimate.
# Run: python train.py
# Effective batch: 2 (micro-batch) × 8 (accumulation) × 1 (GPUs) = 16 sequences per optimizer step.
# Starter values (a place to begin, not a tuned recipe):
#   learning rate 0.00008: TRL’s ORPO example with LoRA [1]
#   LoRA alpha 16: as in the TRL LoRA SFT example [2]
#   beta 0.1: ORPOConfig’s default [3]
#   epochs 3: the calculator’s Epochs, Alpaca’s 3 [4]
#   warm-up 0.03: 3% of the steps [4]
#   accumulation toward 16 sequences: under the 32 at which LoRA starts to lose to full fine-tuning [2]
#   [1] TRL 1.9.0, examples/scripts/orpo.py: https://github.com/huggingface/trl/blob/v1.9.0/examples/scripts/orpo.py
#   [2] TRL documentation, LoRA Without Regret (after Schulman et al., Thinking Machines, 2025): https://huggingface.co/docs/trl/lora_without_regret
#   [3] TRL 1.9.0, trl/experimental/orpo/orpo_config.py: https://github.com/huggingface/trl/blob/v1.9.0/trl/experimental/orpo/orpo_config.py
#   [4] Stanford Alpaca, README (fine-tuning command): https://github.com/tatsu-lab/stanford_alpaca#fine-tuning
# Not in this config:
#   Loss: the plan writes a loss option for SFT only; ORPOTrainer computes its own loss.

from datasets import load_dataset
from peft import LoraConfig
from transformers import BitsAndBytesConfig
from trl.experimental.orpo import ORPOConfig, ORPOTrainer

# A data set from TRL’s ORPOTrainer documentation: preference pairs (chosen/rejected); replace it with yours.
dataset = load_dataset("trl-lib/ultrafeedback_binarized", split="train")

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

args = ORPOConfig(
    output_dir="mistral-7b-orpo-qlora",
    model_init_kwargs={"dtype": "bfloat16", "attn_implementation": "flash_attention_2"},
    bf16=True,
    optim="adamw_torch",
    max_length=2048,
    per_device_train_batch_size=2,
    gradient_checkpointing=True,
    beta=0.1,
    gradient_accumulation_steps=8,
    learning_rate=0.00008,
    num_train_epochs=3,
    lr_scheduler_type="cosine",
    warmup_steps=0.03,
)
args.model_init_kwargs["quantization_config"] = quantization_config

trainer = ORPOTrainer(
    model="mistralai/Mistral-7B-v0.1",
    args=args,
    train_dataset=dataset,
    peft_config=peft_config,
)
trainer.train()
trainer.save_model()
