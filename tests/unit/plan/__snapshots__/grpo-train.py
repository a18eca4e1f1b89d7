# Starter plan from the Fine-Tuning Cards VRAM calculator: TRL + PEFT (Python), checked against TRL 1.9.0 with PEFT.
# Qwen2.5 1.5B · GRPO · LoRA · seq 512 × micro-batch 2 prompts × 8 generations · 1 GPU: about 9.7 GB per GPU in the estimate.
# Run: python train.py
# Effective batch: 2 (prompts per micro-batch) × 8 (accumulation) × 1 (GPUs) = 16 prompts per optimizer step, 8 completions each (a micro-batch is 16 completions).
# Starter values (a place to begin, not a tuned recipe):
#   learning rate 0.00001: 10× GRPOConfig’s default, the LoRA-family ratio [1]
#   LoRA alpha 16: as in the TRL LoRA SFT example [1]
#   epochs 3: the calculator’s Epochs, Alpaca’s 3 [2]
#   warm-up 0.03: 3% of the steps [2]
#   accumulation toward 16 prompts: under the 32 at which LoRA starts to lose to full fine-tuning [1]
#   [1] TRL documentation, LoRA Without Regret (after Schulman et al., Thinking Machines, 2025): https://huggingface.co/docs/trl/lora_without_regret
#   [2] Stanford Alpaca, README (fine-tuning command): https://github.com/tatsu-lab/stanford_alpaca#fine-tuning
# Reward: TRL’s accuracy_reward (trl.rewards; pip install math-verify) scores 1 when the answer matches the data set’s solution column; write your own for other data.
# Not in this config:
#   Sequence length: GRPOConfig has no prompt length: prompts are as long as the data set’s.
#   Loss: the plan writes a loss option for SFT only; GRPOTrainer computes its own loss.

from datasets import load_dataset
from peft import LoraConfig
from trl import GRPOConfig, GRPOTrainer
from trl.rewards import accuracy_reward

# A data set from TRL’s GRPOTrainer documentation: maths prompts with their solution; replace it with yours.
dataset = load_dataset("trl-lib/DeepMath-103K", split="train")

peft_config = LoraConfig(
    r=8,
    lora_alpha=16,
    lora_dropout=0,
    target_modules=["q_proj", "v_proj"],
    task_type="CAUSAL_LM",
)

args = GRPOConfig(
    output_dir="qwen2.5-1.5b-grpo-lora",
    model_init_kwargs={"dtype": "bfloat16", "attn_implementation": "flash_attention_2"},
    beta=0.001,
    num_generations=8,
    max_completion_length=1024,
    use_vllm=True,
    vllm_mode="colocate",
    vllm_gpu_memory_utilization=0.3,
    bf16=True,
    optim="adamw_torch",
    per_device_train_batch_size=16,
    gradient_checkpointing=True,
    gradient_accumulation_steps=8,
    learning_rate=0.00001,
    num_train_epochs=3,
    lr_scheduler_type="cosine",
    warmup_steps=0.03,
)

trainer = GRPOTrainer(
    model="Qwen/Qwen2.5-1.5B",
    reward_funcs=accuracy_reward,
    args=args,
    train_dataset=dataset,
    peft_config=peft_config,
)
trainer.train()
trainer.save_model()
