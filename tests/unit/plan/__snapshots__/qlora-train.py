# Starter plan from the Fine-Tuning Cards VRAM calculator: TRL + PEFT (Python), checked against TRL 1.9.0 with PEFT.
# Llama-3.1 8B · QLoRA · seq 2,048 × micro-batch 1 · 4 GPUs: about 13.5 GB per GPU in the estimate.
# Run: accelerate launch --num_processes 4 train.py
# Effective batch: 1 (micro-batch) × 4 (accumulation) × 4 (GPUs) = 16 sequences per optimizer step.
# Starter values (a place to begin, not a tuned recipe):
#   learning rate 0.0002: LoRA-family rate, 10× the full fine-tuning rate [1]
#   LoRA alpha 16: as in the TRL LoRA SFT example [1]
#   epochs 3: the calculator’s Epochs, Alpaca’s 3 [2]
#   warm-up 0.03: 3% of the steps [2]
#   accumulation toward 16 sequences: under the 32 at which LoRA starts to lose to full fine-tuning [1]
#   [1] TRL documentation, LoRA Without Regret (after Schulman et al., Thinking Machines, 2025): https://huggingface.co/docs/trl/lora_without_regret
#   [2] Stanford Alpaca, README (fine-tuning command): https://github.com/tatsu-lab/stanford_alpaca#fine-tuning

from datasets import load_dataset
from peft import LoraConfig
from transformers import BitsAndBytesConfig
from trl import SFTConfig, SFTTrainer

# A conversational data set from TRL’s SFT documentation; replace it with yours (messages, prompt/completion or text).
dataset = load_dataset("trl-lib/Capybara", split="train")

quantization_config = BitsAndBytesConfig(
    load_in_4bit=True,
    bnb_4bit_quant_type="nf4",
    bnb_4bit_use_double_quant=True,
    bnb_4bit_compute_dtype="bfloat16",
)

peft_config = LoraConfig(
    r=8,
    lora_alpha=16,
    lora_dropout=0,
    target_modules=["q_proj", "v_proj"],
    task_type="CAUSAL_LM",
)

args = SFTConfig(
    output_dir="llama-3.1-8b-qlora",
    model_init_kwargs={"dtype": "bfloat16", "attn_implementation": "flash_attention_2"},
    bf16=True,
    optim="adamw_torch",
    max_length=2048,
    per_device_train_batch_size=1,
    gradient_checkpointing=False,
    deepspeed={"zero_optimization": {"stage": 3}, "bf16": {"enabled": "auto"}, "train_micro_batch_size_per_gpu": "auto", "gradient_accumulation_steps": "auto"},
    loss_type="chunked_nll",
    gradient_accumulation_steps=4,
    learning_rate=0.0002,
    num_train_epochs=3,
    lr_scheduler_type="cosine",
    warmup_steps=0.03,
)

trainer = SFTTrainer(
    model="meta-llama/Llama-3.1-8B",
    args=args,
    train_dataset=dataset,
    peft_config=peft_config,
    quantization_config=quantization_config,
)
trainer.train()
trainer.save_model()
