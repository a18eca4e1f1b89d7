// The deck's figures, each a pure function of the memory model (numeric ones) or of nothing (diagrams). Cards place
// them with <Figure id="…" />; numbers in them are computed here at build time, never typed.
import {
  adapterParams,
  countParams,
  type Estimate,
  estimateMemory,
  findModel,
  formatBytes,
  type TrainingInput,
} from '../memory/index.ts';
import { arrow, box, type FigureSpec, line, polyline, rect, type Tone, text } from './svg.ts';

const W = 480;
const GB = (b: number) => formatBytes(b, 'GB', 1);

function estimate(input: TrainingInput): Estimate {
  const r = estimateMemory(input);
  if (!r.ok) throw new Error(`figure input rejected by the memory model: ${JSON.stringify(r.errors)}`);
  return r.estimate;
}

/** Horizontal bars with a label on the left and a value on the right; segments stack within a bar. */
function bars(
  rows: { label: string; value: string; parts: { bytes: number; tone: Tone }[] }[],
  top: number,
  max: number,
): string {
  const x0 = 110;
  const span = W - x0 - 80;
  return rows
    .map((row, i) => {
      const y = top + i * 34;
      let x = x0;
      const segs = row.parts
        .map((p) => {
          const w = (p.bytes / max) * span;
          const s = w > 0.5 ? rect(x, y, w, 22, p.tone, 2) : '';
          x += w;
          return s;
        })
        .join('');
      return text(x0 - 8, y + 15, row.label, { anchor: 'end' }) + segs + text(x + 6, y + 15, row.value, { size: 12 });
    })
    .join('');
}

function legend(items: { label: string; tone: Tone }[], y: number): string {
  let x = 16;
  return items
    .map((it) => {
      const s = rect(x, y - 10, 12, 12, it.tone, 2) + text(x + 17, y, it.label, { size: 12 });
      x += 24 + it.label.length * 6.6;
      return s;
    })
    .join('');
}

function loraUpdate(): FigureSpec {
  return {
    title: 'The LoRA update: a frozen weight plus a trained low-rank product',
    desc: 'A large square matrix W0 of size d by k is frozen. Next to it, a tall thin matrix B of size d by r times a short wide matrix A of size r by k forms the update. Only B and A are trained: r times (d plus k) numbers instead of d times k. The layer computes W0 x plus alpha over r times B A x.',
    caption: 'LoRA trains B and A; W₀ never changes. B starts at zero, so training starts from the base model.',
    width: W,
    height: 210,
    body:
      box(16, 30, 130, 130, ['W₀', 'd × k', 'frozen']) +
      text(166, 102, '+', { size: 26, anchor: 'middle' }) +
      box(186, 30, 34, 130, ['B'], 'accent') +
      text(203, 176, 'd × r', { anchor: 'middle', size: 12, muted: true }) +
      text(236, 102, '×', { size: 22, anchor: 'middle' }) +
      box(252, 78, 130, 34, ['A   r × k'], 'accent') +
      text(317, 134, 'trained: r·(d + k) values', { anchor: 'middle', size: 12, muted: true }) +
      text(317, 152, 'instead of d·k', { anchor: 'middle', size: 12, muted: true }) +
      text(16, 200, 'h = W₀x + (α/r)·B A x', { size: 14, bold: true }),
  };
}

function qloraPath(): FigureSpec {
  return {
    title: 'QLoRA: dequantize, then multiply in 16-bit',
    desc: 'The frozen weight is stored in 4-bit NF4. For each matrix multiplication it is dequantized to a temporary bf16 copy, which multiplies the bf16 input. In parallel the input passes through the bf16 LoRA matrices A and B, and the two results are added. Gradients flow only into A and B.',
    caption: 'Only storage is 4-bit: every product runs in bf16, so activations are as large as in 16-bit LoRA.',
    width: W,
    height: 220,
    body:
      box(16, 20, 120, 44, ['NF4 weight', '4-bit, stored']) +
      arrow(136, 42, 176, 42) +
      box(178, 20, 120, 44, ['dequantize', 'per block']) +
      arrow(298, 42, 338, 42) +
      box(340, 20, 124, 44, ['bf16 weight', 'temporary']) +
      box(16, 110, 90, 40, ['x (bf16)']) +
      arrow(106, 130, 218, 130) +
      box(220, 110, 110, 40, ['W·x matmul']) +
      arrow(402, 64, 290, 108) +
      arrow(330, 130, 392, 130) +
      box(394, 110, 70, 40, ['+ → h']) +
      line(60, 150, 60, 186) +
      arrow(60, 186, 218, 186) +
      box(220, 168, 110, 36, ['B·A·x (bf16)'], 'accent') +
      arrow(330, 186, 428, 152) +
      text(100, 204, 'trained adapter', { size: 12, muted: true }),
  };
}

function memoryStack(): FigureSpec {
  const e = estimate({ model: 'llama-2-7b', method: 'full', precision: 'mixed-bf16', seq: 2048, batch: 1 });
  const c = e.components;
  const parts: { label: string; bytes: number; tone: Tone }[] = [
    { label: 'weights', bytes: c.weights, tone: 'c1' },
    { label: 'gradients', bytes: c.gradients, tone: 'c2' },
    { label: 'optimizer', bytes: c.optimizer, tone: 'c3' },
    { label: 'activations', bytes: c.activations, tone: 'c4' },
    { label: 'logits', bytes: c.logits, tone: 'c5' },
    { label: 'overhead', bytes: c.overhead, tone: 'muted' },
  ];
  const total = e.perGpuBytes;
  const span = W - 32;
  let x = 16;
  const segs = parts
    .map((p) => {
      const w = (p.bytes / total) * span;
      const s = rect(x, 30, w, 34, p.tone, 0);
      x += w;
      return s;
    })
    .join('');
  const rows = parts
    .map((p, i) => {
      const col = i % 2;
      const y = 100 + Math.floor(i / 2) * 24;
      const x0 = 16 + col * 232;
      return rect(x0, y - 11, 12, 12, p.tone, 2) + text(x0 + 18, y, `${p.label}: ${GB(p.bytes)}`, { size: 13 });
    })
    .join('');
  return {
    title: `Memory of one training step: Llama-2-7B full fine-tuning, ${GB(total)}`,
    desc: `One bar split by what fills it, for full fine-tuning of Llama-2-7B with mixed-precision AdamW at 2,048 tokens, batch 1, from the memory model: ${parts.map((p) => `${p.label} ${GB(p.bytes)}`).join(', ')}; ${GB(total)} in total.`,
    caption: `Llama-2-7B, full fine-tuning, mixed-bf16 AdamW, 2,048 tokens, batch 1: ${GB(total)} per GPU (memory model).`,
    width: W,
    height: 176,
    body: text(16, 20, `Total ${GB(total)}`, { bold: true }) + segs + rows,
  };
}

function zeroStages(): FigureSpec {
  const base = { model: 'llama-2-7b', method: 'full', precision: 'mixed-bf16', gpus: 8 } as const;
  const stages = [
    { label: 'Data parallel', sharding: 'none' },
    { label: 'ZeRO-1', sharding: 'zero1' },
    { label: 'ZeRO-2', sharding: 'zero2' },
    { label: 'ZeRO-3', sharding: 'zero3' },
  ] as const;
  const rows = stages.map((s) => {
    const c = estimate({ ...base, sharding: s.sharding }).components;
    return {
      label: s.label,
      total: c.weights + c.gradients + c.optimizer,
      parts: [
        { bytes: c.weights, tone: 'c1' as Tone },
        { bytes: c.gradients, tone: 'c2' as Tone },
        { bytes: c.optimizer, tone: 'c3' as Tone },
      ],
    };
  });
  const max = Math.max(...rows.map((r) => r.total));
  return {
    title: 'ZeRO stages: model states per GPU for Llama-2-7B on 8 GPUs',
    desc: `Per-GPU model states for full fine-tuning of Llama-2-7B with mixed-precision Adam on 8 GPUs, from the memory model: ${rows.map((r) => `${r.label} ${GB(r.total)}`).join(', ')}. Stage 1 shards optimizer state, stage 2 also gradients, stage 3 also weights.`,
    caption: 'Each stage shards one more part of the model states across the 8 GPUs (memory model).',
    width: W,
    height: 190,
    body:
      bars(
        rows.map((r) => ({ label: r.label, value: GB(r.total), parts: r.parts })),
        14,
        max,
      ) +
      legend(
        [
          { label: 'weights', tone: 'c1' },
          { label: 'gradients', tone: 'c2' },
          { label: 'optimizer state', tone: 'c3' },
        ],
        176,
      ),
  };
}

function pipelines(): FigureSpec {
  const row = (y: number, name: string, steps: string[][], tones: Tone[]) => {
    const w = 100;
    const gap = 16;
    let s = text(16, y - 8, name, { bold: true });
    steps.forEach((st, i) => {
      const x = 16 + i * (w + gap);
      s += box(x, y, w, 42, st, tones[i] ?? 'box', 12);
      if (i < steps.length - 1) s += arrow(x + w, y + 21, x + w + gap, y + 21);
    });
    return s;
  };
  return {
    title: 'Three pipelines: RLHF with PPO, DPO and GRPO',
    desc: 'RLHF with PPO: fit a reward model on human rankings, sample from the policy, score samples, estimate advantages with a value model, update with PPO. DPO: read fixed preference pairs, compare policy and frozen reference log-probabilities, update with a classification loss; no reward model and no sampling. GRPO: sample a group of answers per prompt, score them with a checker or reward model, normalise each score within its group, update; no value model.',
    caption: 'What each method needs while it trains: PPO four models, DPO two and no sampling, GRPO no value model.',
    width: W,
    height: 250,
    body:
      row(
        28,
        'RLHF (PPO)',
        [['reward model', 'from rankings'], ['sample from', 'policy'], ['score +', 'value model'], ['PPO update']],
        ['box', 'box', 'box', 'accent'],
      ) +
      row(
        112,
        'DPO',
        [['fixed pairs', 'chosen/rejected'], ['policy vs', 'reference'], ['logistic loss'], ['update']],
        ['box', 'box', 'box', 'accent'],
      ) +
      row(
        196,
        'GRPO',
        [['sample a group', 'of G answers'], ['checker or', 'reward model'], ['normalise', 'within group'], ['update']],
        ['box', 'box', 'box', 'accent'],
      ),
  };
}

function packing(): FigureSpec {
  // Five examples of 5, 9, 3, 7 and 2 tokens: padded to the longest they take five rows of 9 slots; packed best-fit
  // decreasing they fill three rows with one slot to spare.
  const u = 26;
  const x0 = 96;
  const tones: Tone[] = ['c1', 'c2', 'c3', 'c4', 'c5'];
  const len = [5, 9, 3, 7, 2];
  const row = (y: number, items: number[]) => {
    let x = x0;
    let s = '';
    for (const i of items) {
      s += rect(x, y, (len[i] ?? 0) * u - 3, 14, tones[i] ?? 'box', 2);
      x += (len[i] ?? 0) * u;
    }
    const used = items.reduce((a, i) => a + (len[i] ?? 0), 0);
    if (used < 9) s += rect(x, y, (9 - used) * u - 3, 14, 'muted', 2);
    return s;
  };
  let s = text(16, 22, 'Padded', { bold: true });
  for (let i = 0; i < 5; i++) s += row(10 + i * 19, [i]);
  s += text(16, 132, 'Packed', { bold: true });
  [[1], [3, 4], [0, 2]].forEach((items, r) => {
    s += row(120 + r * 19, items);
  });
  return {
    title: 'Sequence packing: five padded rows become three packed rows',
    desc: 'Five examples of 5, 9, 3, 7 and 2 tokens. Padded to the longest, they take five rows of 9 slots, 19 of the 45 slots padding. Packed by best-fit decreasing, the same tokens fill three rows: 9; 7 and 2; 5 and 3, with one slot of padding.',
    caption:
      'Same tokens, 45 slots padded against 27 packed; grey is padding. Attention must stay inside each example.',
    width: W,
    height: 180,
    body: s,
  };
}

function chatMasking(): FigureSpec {
  const segs: { label: string[]; w: number; trained: boolean }[] = [
    { label: ['system'], w: 72, trained: false },
    { label: ['user turn'], w: 92, trained: false },
    { label: ['assistant', 'header'], w: 84, trained: false },
    { label: ['assistant reply'], w: 132, trained: true },
    { label: ['end', 'token'], w: 60, trained: true },
  ];
  let x = 24;
  let s = text(16, 20, 'Tokens', { bold: true });
  let labels = text(16, 104, 'Labels', { bold: true });
  for (const g of segs) {
    s += box(x, 30, g.w - 4, 36, g.label, g.trained ? 'accent' : 'box', 12);
    labels += box(x, 112, g.w - 4, 30, [g.trained ? 'its ids' : '−100'], g.trained ? 'accent' : 'muted', 12);
    s += arrow(x + (g.w - 4) / 2, 68, x + (g.w - 4) / 2, 110);
    x += g.w;
  }
  return {
    title: 'Loss masking on a chat example',
    desc: 'One chat example rendered by the template: system prompt, user turn, assistant header, assistant reply and the end-of-turn token. Below, its labels: minus 100 under the system prompt, user turn and header, so the loss ignores them; the token ids themselves under the assistant reply and the end token, which are trained.',
    caption: 'Assistant-only loss: positions labelled −100 are skipped; the reply and its end token are learned.',
    width: W,
    height: 160,
    body: s + labels,
  };
}

function rankParams(): FigureSpec {
  const m = findModel('llama-2-7b');
  if (!m) throw new Error('llama-2-7b preset missing');
  const ranks = [8, 16, 32, 64, 128, 256];
  const counts = ranks.map((r) => adapterParams(m.arch, 'lora', r, 'all-linear'));
  const max = Math.max(...counts);
  const millions = (v: number) => `${(v / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1 })} M`;
  const base = countParams(m.arch);
  const pct = (v: number) => `${((v / base) * 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;
  return {
    title: 'LoRA rank against trainable parameters, Llama-2-7B, all linear layers',
    desc: `Trainable LoRA parameters on every linear layer of Llama-2-7B, from the memory model: ${ranks.map((r, i) => `rank ${r} ${millions(counts[i] ?? 0)}`).join(', ')}. The count doubles with each doubling of rank.`,
    caption: 'Trainable parameters grow linearly with rank: r·(d_in + d_out) per adapted matrix (memory model).',
    width: W,
    height: 220,
    body: bars(
      ranks.map((r, i) => ({
        label: `r = ${r}`,
        value: `${millions(counts[i] ?? 0)} (${pct(counts[i] ?? 0)})`,
        parts: [{ bytes: counts[i] ?? 0, tone: 'accent' as Tone }],
      })),
      10,
      max * 1.35,
    ),
  };
}

function checkpointing(): FigureSpec {
  const seqs = [2048, 4096, 8192];
  const act = (seq: number, gc: boolean) =>
    estimate({ model: 'llama-2-7b', method: 'lora', seq, batch: 1, gradCheckpointing: gc }).components.activations;
  const rows = seqs.flatMap((seq) => [
    {
      label: `${seq.toLocaleString('en-US')} tokens`,
      value: GB(act(seq, false)),
      parts: [{ bytes: act(seq, false), tone: 'c4' as Tone }],
    },
    { label: 'checkpointed', value: GB(act(seq, true)), parts: [{ bytes: act(seq, true), tone: 'accent' as Tone }] },
  ]);
  const max = Math.max(...rows.map((r) => r.parts[0]?.bytes ?? 0));
  return {
    title: 'Activation memory with and without gradient checkpointing, Llama-2-7B LoRA',
    desc: `Activations for LoRA on Llama-2-7B at batch 1, from the memory model: ${seqs.map((s) => `${s} tokens ${GB(act(s, false))} stored, ${GB(act(s, true))} checkpointed`).join('; ')}.`,
    caption: 'Checkpointing keeps each layer’s input and recomputes the rest in the backward pass (memory model).',
    width: W,
    height: 214,
    body: bars(rows, 6, max),
  };
}

function flashTiles(): FigureSpec {
  let grid = '';
  for (let i = 0; i < 8; i++) for (let j = 0; j < 8; j++) grid += rect(16 + j * 18, 40 + i * 18, 16, 16, 'c4', 1);
  let tiles = '';
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++)
      tiles += rect(290 + j * 36, 40 + i * 36, 32, 32, i === 1 && j === 2 ? 'accent' : 'box', 2);
  return {
    title: 'Standard attention against FlashAttention tiles',
    desc: 'Left: standard attention writes the full N by N score matrix and its softmax to GPU memory. Right: FlashAttention processes the same matrix one tile at a time in fast on-chip memory, keeping only the output and the softmax statistics, and recomputes tiles in the backward pass.',
    caption: 'Same exact result; FlashAttention never stores the N × N matrix, so memory grows linearly with length.',
    width: W,
    height: 220,
    body:
      text(16, 26, 'N × N scores in GPU memory', { bold: true, size: 12 }) +
      grid +
      text(290, 26, 'one tile at a time in SRAM', { bold: true, size: 12 }) +
      tiles +
      text(16, 200, 'memory ∝ N²', { muted: true }) +
      text(290, 200, 'memory ∝ N', { muted: true }),
  };
}

function bytesPerParam(): FigureSpec {
  const row = (precision: 'mixed-bf16' | 'pure-bf16') => {
    const e = estimate({ model: 'llama-2-7b', method: 'full', precision });
    const p = e.params.total;
    const c = e.components;
    return { w: c.weights / p, g: c.gradients / p, o: c.optimizer / p };
  };
  const mixed = row('mixed-bf16');
  const pure = row('pure-bf16');
  const b = (v: number) => `${Math.round(v * 10) / 10}`;
  const sum = (r: { w: number; g: number; o: number }) => r.w + r.g + r.o;
  const mk = (label: string, r: { w: number; g: number; o: number }) => ({
    label,
    value: `${b(sum(r))} B/param`,
    parts: [
      { bytes: r.w, tone: 'c1' as Tone },
      { bytes: r.g, tone: 'c2' as Tone },
      { bytes: r.o, tone: 'c3' as Tone },
    ],
  });
  return {
    title: 'Bytes per parameter of model states: mixed precision against pure bf16',
    desc: `Model-state bytes per parameter for Adam, from the memory model: mixed precision ${b(mixed.w)} for weights, ${b(mixed.g)} for gradients and ${b(mixed.o)} for the fp32 master copy and both moments, ${b(sum(mixed))} in all; pure bf16 ${b(pure.w)}, ${b(pure.g)} and ${b(pure.o)}, ${b(sum(pure))} in all.`,
    caption: 'The popular 7B estimate is the second bar; standard mixed precision is the first (memory model).',
    width: W,
    height: 120,
    body:
      bars([mk('mixed bf16', mixed), mk('pure bf16', pure)], 10, sum(mixed)) +
      legend(
        [
          { label: 'weights', tone: 'c1' },
          { label: 'gradients', tone: 'c2' },
          { label: 'optimizer (+ master copy)', tone: 'c3' },
        ],
        100,
      ),
  };
}

function dora(): FigureSpec {
  return {
    title: 'DoRA: magnitude and direction trained separately',
    desc: 'The pretrained weight W0 is split into a magnitude vector m, one value per column, and a direction V equal to W0 divided by its column norms. The direction gets a LoRA update B A and is renormalised; the magnitude vector is trained directly. The new weight is m times the normalised direction.',
    caption: 'DoRA: W′ = m · (W₀ + BA) / ‖W₀ + BA‖c, with m and the LoRA pair trained.',
    width: W,
    height: 170,
    body:
      box(16, 50, 90, 60, ['W₀', 'pretrained']) +
      arrow(106, 70, 156, 40) +
      arrow(106, 90, 156, 120) +
      box(158, 16, 130, 48, ['magnitude m', 'trained directly'], 'accent') +
      box(158, 96, 130, 48, ['direction V', '+ LoRA B·A'], 'accent') +
      arrow(288, 40, 350, 70) +
      arrow(288, 120, 350, 90) +
      box(352, 56, 112, 48, ['W′ = m · V′', 'V′ normalised']),
  };
}

function mergeOrSeparate(): FigureSpec {
  return {
    title: 'Merged adapters against separate adapters on one base',
    desc: 'Left: each task merges its adapter into the base, giving one full model copy per task. Right: one base model stays loaded, and each request picks a small adapter, so one batch can serve several tasks.',
    caption: 'Merge for one task and no runtime cost; keep adapters separate to serve many tasks from one base.',
    width: W,
    height: 200,
    body:
      text(16, 20, 'Merged', { bold: true }) +
      box(16, 32, 190, 40, ['model A = W₀ + BA'], 'accent') +
      box(16, 82, 190, 40, ['model B = W₀ + B′A′'], 'accent') +
      text(16, 144, 'one full copy per task', { size: 12, muted: true }) +
      text(250, 20, 'Separate', { bold: true }) +
      box(250, 32, 214, 40, ['base W₀, loaded once']) +
      box(250, 100, 62, 34, ['A'], 'accent', 12) +
      box(326, 100, 62, 34, ['B'], 'accent', 12) +
      box(402, 100, 62, 34, ['C'], 'accent', 12) +
      arrow(281, 98, 281, 74) +
      arrow(357, 98, 357, 74) +
      arrow(433, 98, 433, 74) +
      text(250, 160, 'each request names its adapter', { size: 12, muted: true }),
  };
}

/**
 * GRPO's group-relative advantage as TRL computes it for outcome rewards: each reward minus the group mean, divided
 * by the group's standard deviation (with Bessel's correction) plus 1e-4, so a group that scores alike gets zeros.
 */
export function groupAdvantages(rewards: readonly number[]): number[] {
  const g = rewards.length;
  const mean = rewards.reduce((a, r) => a + r, 0) / g;
  const std = g > 1 ? Math.sqrt(rewards.reduce((a, r) => a + (r - mean) ** 2, 0) / (g - 1)) : 0;
  return rewards.map((r) => (r - mean) / (std + 1e-4));
}

function grpoAdvantage(): FigureSpec {
  // One prompt, G = 8 samples, a pass/fail checker: three pass. A second group where all pass shows the zero case.
  const rewards = [1, 0, 0, 1, 0, 0, 0, 1];
  const g = rewards.length;
  const adv = groupAdvantages(rewards);
  const allPass = groupAdvantages(rewards.map(() => 1));
  const mean = rewards.reduce((a, r) => a + r, 0) / g;
  const std = Math.sqrt(rewards.reduce((a, r) => a + (r - mean) ** 2, 0) / (g - 1));
  const f2 = (v: number) => (Math.round(v * 100) / 100).toFixed(2).replace('-', '−');
  const sign = (v: number) => (v > 0 ? `+${f2(v)}` : f2(v));
  const col = 47;
  const x0 = 92;
  const zero = 112;
  const unit = 34;
  let s =
    text(16, 32, 'reward', { size: 12, muted: true }) + text(16, zero + 4, 'advantage', { size: 12, muted: true });
  rewards.forEach((r, i) => {
    const x = x0 + i * col;
    const a = adv[i] ?? 0;
    s += box(x, 14, 40, 28, [`o${i + 1}: ${r}`], r > 0 ? 'accent' : 'box', 12);
    const h = Math.abs(a) * unit;
    s += rect(x + 6, a > 0 ? zero - h : zero, 28, h, a > 0 ? 'c2' : 'c4', 2);
    s += text(x + 20, a > 0 ? zero - h - 5 : zero + h + 15, sign(a), { anchor: 'middle', size: 12 });
  });
  s += line(x0 - 6, zero, W - 12, zero);
  s += text(16, 186, `mean ${f2(mean)}, std ${f2(std)}: Âᵢ = (rᵢ − mean) / std`, { size: 13, bold: true });
  s += text(16, 208, `All 8 pass: every Âᵢ = ${f2(Math.abs(allPass[0] ?? 0))}, no signal from that prompt`, {
    size: 12,
    muted: true,
  });
  return {
    title: 'GRPO: each answer is scored against its own group',
    desc: `One prompt, ${g} sampled answers, a pass/fail checker: answers ${rewards
      .map((r, i) => (r > 0 ? i + 1 : 0))
      .filter(Boolean)
      .join(
        ', ',
      )} pass. The group mean is ${f2(mean)} and the standard deviation ${f2(std)}, so each passing answer gets an advantage of ${sign(adv[0] ?? 0)} and each failing one ${sign(adv[1] ?? 0)}. If all ${g} answers pass, every advantage is ${f2(Math.abs(allPass[0] ?? 0))}.`,
    caption:
      'The group is the baseline: no value model. Computed as TRL does (sample std, plus 1e-4), every token of an answer shares its advantage.',
    width: W,
    height: 218,
    body: s,
  };
}

function dpoPair(): FigureSpec {
  return {
    title: 'DPO: the implicit reward of a preference pair',
    desc: 'A prompt x has a chosen answer y+ and a rejected answer y−. For each, the policy being trained and the frozen reference model give a log-probability; beta times their difference is the implicit reward of that answer. The loss is minus log sigmoid of the chosen reward minus the rejected reward, so training widens that margin. No reward model and no sampling appear.',
    caption:
      'The policy’s log-ratio to the frozen reference is the reward; the reference log-probabilities can be computed once, before training.',
    width: W,
    height: 214,
    body:
      box(16, 72, 70, 44, ['prompt x']) +
      arrow(86, 86, 116, 52) +
      arrow(86, 102, 116, 136) +
      box(118, 30, 104, 44, ['chosen y⁺'], 'accent') +
      box(118, 114, 104, 44, ['rejected y⁻']) +
      arrow(222, 52, 248, 52) +
      arrow(222, 136, 248, 136) +
      box(250, 30, 118, 44, ['r̂⁺ = β·log', 'πθ(y⁺|x) / πref(y⁺|x)'], 'box', 11) +
      box(250, 114, 118, 44, ['r̂⁻ = β·log', 'πθ(y⁻|x) / πref(y⁻|x)'], 'box', 11) +
      arrow(368, 52, 392, 84) +
      arrow(368, 136, 392, 104) +
      box(394, 72, 72, 44, ['margin', 'r̂⁺ − r̂⁻'], 'accent', 12) +
      text(16, 188, 'loss = −log σ(r̂⁺ − r̂⁻)', { size: 14, bold: true }) +
      text(16, 206, 'πθ: policy being trained; πref: frozen reference (often the SFT model)', {
        size: 12,
        muted: true,
      }),
  };
}

function logitsBySeq(): FigureSpec {
  // LoRA on Llama-3.1-8B (128,256-token vocabulary) with gradient checkpointing: the loss's logits against the
  // checkpointed activations as the sequence grows, with and without chunked cross-entropy.
  const seqs = [4096, 8192, 16384];
  const at = (seq: number, chunkedLoss: boolean) =>
    estimate({
      model: 'llama-3.1-8b',
      method: 'lora',
      rank: 16,
      targets: 'all-linear',
      seq,
      batch: 1,
      gradCheckpointing: true,
      chunkedLoss,
    }).components;
  const groups = seqs.map((seq) => {
    const plain = at(seq, false);
    const chunked = at(seq, true);
    return {
      seq,
      rows: [
        { name: 'activations', bytes: plain.activations, tone: 'c4' as Tone },
        { name: 'logits, fp32', bytes: plain.logits, tone: 'c5' as Tone },
        { name: 'logits, chunked', bytes: chunked.logits, tone: 'accent' as Tone },
      ],
    };
  });
  const max = Math.max(...groups.flatMap((g) => g.rows.map((r) => r.bytes)));
  const xb = 96;
  const span = W - xb - 70;
  let s = '';
  groups.forEach((g, gi) => {
    const y0 = 10 + gi * 62;
    s += text(16, y0 + 30, `${g.seq.toLocaleString('en-US')}`, { bold: true });
    s += text(16, y0 + 46, 'tokens', { size: 12, muted: true });
    g.rows.forEach((r, ri) => {
      const y = y0 + ri * 18;
      const w = Math.max(1, (r.bytes / max) * span);
      s += rect(xb, y, w, 14, r.tone, 2) + text(xb + w + 6, y + 11, GB(r.bytes), { size: 11 });
    });
  });
  s += legend(
    [
      { label: 'activations', tone: 'c4' },
      { label: 'logits, fp32 loss', tone: 'c5' },
      { label: 'logits, chunked loss', tone: 'accent' },
    ],
    208,
  );
  const where = 'LoRA r16 on all linear layers of Llama-3.1-8B, batch 1, gradient checkpointing';
  return {
    title: 'Logits against activations as the sequence grows, Llama-3.1-8B LoRA',
    desc: `${where}, from the memory model: ${groups
      .map(
        (g) =>
          `${g.seq} tokens: activations ${GB(g.rows[0]?.bytes ?? 0)}, fp32 logits ${GB(g.rows[1]?.bytes ?? 0)}, chunked logits ${GB(g.rows[2]?.bytes ?? 0)}`,
      )
      .join('; ')}.`,
    caption: `${where} (memory model). Both grow linearly with length; a fused kernel removes the full logits altogether.`,
    width: W,
    height: 218,
    body: s,
  };
}

/**
 * Learning-rate multipliers as Transformers' schedulers compute them (optimization.py): linear warmup, then a half
 * cosine down to `minRate` of the peak; `constant` takes no warmup at all, whatever `warmup_ratio` says.
 */
export const lrSchedules = {
  cosine: (step: number, total: number, warmup = 0, minRate = 0): number => {
    if (step < warmup) return step / Math.max(1, warmup);
    const progress = (step - warmup) / Math.max(1, total - warmup);
    return Math.max(0, 0.5 * (1 + Math.cos(Math.PI * progress)) * (1 - minRate) + minRate);
  },
  constantWithWarmup: (step: number, warmup: number): number => (step < warmup ? step / Math.max(1, warmup) : 1),
  constant: (): number => 1,
};

function lrSchedule(): FigureSpec {
  // Guanaco ran 1,875 steps with warmup_ratio 0.03 and lr_scheduler_type constant; InstructGPT decayed by cosine to
  // 10% of the peak with no warmup. Both drawn over the share of training done.
  const total = 1875;
  const warmup = Math.ceil(total * 0.03);
  const x0 = 56;
  const x1 = 272;
  const yTop = 24;
  const yBot = 164;
  const at = (step: number, v: number): [number, number] => [x0 + (step / total) * (x1 - x0), yBot - v * (yBot - yTop)];
  const steps = Array.from({ length: 121 }, (_, i) => Math.round((i / 120) * total));
  const fine = [...new Set([...Array.from({ length: warmup + 1 }, (_, i) => i), ...steps])].sort((a, b) => a - b);
  const instruct = steps.map((st) => at(st, lrSchedules.cosine(st, total, 0, 0.1)));
  const asRun = steps.map((st) => at(st, lrSchedules.constant()));
  const asAsked = fine.map((st) => at(st, lrSchedules.constantWithWarmup(st, warmup)));
  const end = lrSchedules.cosine(total, total, 0, 0.1);
  const mid = lrSchedules.cosine(total / 2, total, 0, 0.1);
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  const body =
    line(x0, yTop - 6, x0, yBot) +
    line(x0, yBot, x1, yBot) +
    text(x0 - 6, yTop + 4, '100%', { anchor: 'end', size: 11, muted: true }) +
    text(x0 - 6, yBot - 0.1 * (yBot - yTop) + 4, '10%', { anchor: 'end', size: 11, muted: true }) +
    text(x0 - 6, yBot + 4, '0', { anchor: 'end', size: 11, muted: true }) +
    text(x0, yBot + 18, 'start', { size: 11, muted: true }) +
    text(x1, yBot + 18, 'end of training', { size: 11, muted: true, anchor: 'end' }) +
    polyline(asAsked, 'muted') +
    polyline(asRun, 'c3') +
    polyline(instruct, 'accent') +
    polyline(
      [
        [290, 31],
        [306, 31],
      ],
      'c3',
    ) +
    text(312, 35, 'Guanaco, as run:', { size: 12, bold: true }) +
    text(312, 51, 'constant, no warmup', { size: 12 }) +
    polyline(
      [
        [290, 71],
        [306, 71],
      ],
      'muted',
    ) +
    text(312, 75, 'with the 3% warmup', { size: 12 }) +
    text(312, 91, '(constant_with_warmup)', { size: 12, muted: true }) +
    polyline(
      [
        [290, 113],
        [306, 113],
      ],
      'accent',
    ) +
    text(312, 117, 'InstructGPT:', { size: 12, bold: true }) +
    text(312, 133, 'cosine to 10%', { size: 12 }) +
    text(312, 149, `(${pct(mid)} at halfway)`, { size: 12, muted: true });
  return {
    title: 'Learning-rate schedules of two published recipes',
    desc: `The learning rate as a share of its peak over one training run. InstructGPT: no warmup, then a cosine decay to ${pct(end)} of the peak, ${pct(mid)} at halfway. Guanaco's scripts ask for a constant schedule with 3% warmup; Transformers' constant schedule ignores the warmup, so the rate stays at 100% from the first step. With constant_with_warmup it would instead climb from 0 over the first ${warmup} of ${total} steps.`,
    caption:
      'Computed with the formulas of Transformers’ schedulers: lr_scheduler_type "constant" takes no warmup, even with warmup_ratio set.',
    width: W,
    height: 192,
    body,
  };
}

/**
 * YaRN's per-dimension rescaling ("NTK-by-parts", Peng et al. 2023, arXiv 2309.00071 §3.2) as Transformers computes
 * it (modeling_rope_utils.py, _compute_yarn_parameters, v5.18.0): the rotary pairs that turn more than `betaFast`
 * times within the original context keep their frequency, those that turn less than `betaSlow` times are divided by
 * `factor` (position interpolation), and the pairs in between blend the two inverse frequencies on a linear ramp
 * across the dimension index, its ends floored and ceiled (truncate, the default). Returns, per pair, the divisor the
 * frequency ends up with: 1 means untouched, `factor` fully interpolated.
 */
export function yarnDivisors(
  dim: number,
  base: number,
  originalCtx: number,
  factor: number,
  betaFast = 32,
  betaSlow = 1,
): number[] {
  const correctionDim = (rotations: number) =>
    (dim * Math.log(originalCtx / (rotations * 2 * Math.PI))) / (2 * Math.log(base));
  const low = Math.max(Math.floor(correctionDim(betaFast)), 0);
  const high = Math.min(Math.ceil(correctionDim(betaSlow)), dim - 1);
  const span = low === high ? 0.001 : high - low;
  return Array.from({ length: dim / 2 }, (_, i) => {
    const keep = 1 - Math.min(1, Math.max(0, (i - low) / span));
    // inv_freq = inv_freq_interpolation·(1 − keep) + inv_freq_extrapolation·keep, with interpolation = extrapolation/factor
    return 1 / ((1 - keep) / factor + keep);
  });
}

function yarnScaling(): FigureSpec {
  // The YaRN paper's own extension: Llama 2 with scale s = 16, to 64k tokens. Head dimension and trained context come
  // from the preset (its config.json); the RoPE base is that config's "rope_theta": 10000.0. β = 32 and α = 1 are
  // Transformers' defaults, "as suggested in the paper".
  const m = findModel('llama-2-7b');
  if (!m?.arch.contextLength) throw new Error('llama-2-7b preset or its context length missing');
  const ctx = m.arch.contextLength;
  const s = 16;
  const div = yarnDivisors(m.arch.headDim, 10_000, ctx, s);
  const kept = div.filter((d) => d === 1).length;
  const full = div.filter((d) => d === s).length;
  const x0 = 64;
  const x1 = 300;
  const yTop = 30;
  const yBot = 150;
  const xAt = (i: number) => x0 + (i / (div.length - 1)) * (x1 - x0);
  const yAt = (d: number) => yBot - (Math.log2(d) / Math.log2(s)) * (yBot - yTop);
  const ticks = [1, 2, 4, 8, 16]
    .map(
      (d) =>
        line(x0 - 4, yAt(d), x0, yAt(d)) + text(x0 - 8, yAt(d) + 4, `÷${d}`, { anchor: 'end', size: 11, muted: true }),
    )
    .join('');
  const yarn = div.map((d, i) => [xAt(i), yAt(d)] as const);
  const pi = [
    [xAt(0), yAt(s)],
    [xAt(div.length - 1), yAt(s)],
  ] as const;
  const body =
    text(16, 18, 'frequency divided by', { size: 12, muted: true }) +
    line(x0, yTop - 6, x0, yBot + 6) +
    line(x0, yBot + 6, x1, yBot + 6) +
    ticks +
    text(x0, yBot + 22, 'fast pairs', { size: 11, muted: true }) +
    text(x1, yBot + 22, 'slow pairs', { size: 11, muted: true, anchor: 'end' }) +
    text((x0 + x1) / 2, yBot + 38, `rotary pair 1 to ${div.length}`, { size: 11, muted: true, anchor: 'middle' }) +
    polyline(pi, 'muted') +
    polyline(yarn, 'accent') +
    polyline(
      [
        [318, 41],
        [334, 41],
      ],
      'muted',
    ) +
    text(340, 45, 'position', { size: 12, bold: true }) +
    text(340, 61, `interpolation: ÷${s}`, { size: 12 }) +
    polyline(
      [
        [318, 85],
        [334, 85],
      ],
      'accent',
    ) +
    text(340, 89, 'YaRN:', { size: 12, bold: true }) +
    text(340, 105, `${kept} pairs kept,`, { size: 12 }) +
    text(340, 121, `${full} pairs ÷${s},`, { size: 12 }) +
    text(340, 137, `${div.length - kept - full} blended`, { size: 12 });
  return {
    title: `YaRN against position interpolation: how each rotary frequency is rescaled, Llama 2 from ${ctx.toLocaleString('en-US')} to ${(ctx * s).toLocaleString('en-US')} tokens`,
    desc: `For Llama 2 (${div.length} rotary pairs, base 10,000, trained at ${ctx.toLocaleString('en-US')} tokens) extended ${s} times: position interpolation divides every pair's frequency by ${s}. YaRN keeps the ${kept} fastest pairs, which turn more than 32 times within ${ctx.toLocaleString('en-US')} tokens, unchanged; divides the ${full} slowest pairs, which turn less than once, by ${s}; and blends the ${div.length - kept - full} pairs in between, computed as Transformers' YaRN code does.`,
    caption:
      'Fast pairs encode nearby order and keep it; slow pairs would see unseen angles, so they are interpolated (β = 32, α = 1; log scale).',
    width: W,
    height: 200,
    body,
  };
}

/** Every figure by id. A card names one with <Figure id="…" />. */
export const FIGURES: Record<string, () => FigureSpec> = {
  'lora-update': loraUpdate,
  'qlora-dequant': qloraPath,
  'memory-stack': memoryStack,
  'zero-stages': zeroStages,
  'rlhf-dpo-grpo': pipelines,
  packing,
  'chat-masking': chatMasking,
  'rank-params': rankParams,
  checkpointing,
  'flash-tiles': flashTiles,
  'bytes-per-param': bytesPerParam,
  dora,
  'merge-or-separate': mergeOrSeparate,
  'grpo-advantage': grpoAdvantage,
  'dpo-pair': dpoPair,
  'logits-by-seq': logitsBySeq,
  'lr-schedule': lrSchedule,
  'yarn-scaling': yarnScaling,
};
