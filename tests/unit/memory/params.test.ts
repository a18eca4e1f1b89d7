import { describe, expect, it } from 'vitest';
import {
  activeParams,
  adapterParams,
  countParams,
  estimateMemory,
  GPU_PRESETS,
  MODEL_PRESETS,
  nf4BitsPerParam,
  type Architecture,
} from '../../../src/lib/memory/index.ts';
import { PRESET_SOURCES } from '../../../src/lib/memory/preset-sources.ts';
import { GPT3_175B, LLAMA_65B } from './fixtures.ts';

const preset = (id: string): Architecture => {
  const m = MODEL_PRESETS.find((p) => p.id === id);
  if (!m) throw new Error(id);
  return m.arch;
};

describe('parameter counts from the architecture', () => {
  // Official totals: safetensors parameter counts of the checkpoints on the Hugging Face Hub.
  it.each([
    ['llama-2-7b', 6_738_415_616],
    ['llama-2-13b', 13_015_864_320],
    ['llama-2-70b', 68_976_648_192],
    ['llama-3.1-8b', 8_030_261_248],
    ['llama-3.1-70b', 70_553_706_496],
    ['llama-3.2-1b', 1_235_814_400],
    ['llama-3.2-3b', 3_212_749_824],
    ['mistral-7b', 7_241_732_096],
    ['mixtral-8x7b', 46_702_792_704],
    ['qwen2.5-0.5b', 494_032_768],
    ['qwen2.5-1.5b', 1_543_714_304],
    ['qwen2.5-7b', 7_615_616_512],
    ['qwen2.5-14b', 14_770_033_664],
    ['qwen2.5-32b', 32_763_876_352],
    ['qwen2.5-72b', 72_706_203_648],
    ['gemma-2-2b', 2_614_341_888],
    ['gemma-2-9b', 9_241_705_984],
    ['gemma-2-27b', 27_227_128_320],
    ['phi-3-mini', 3_821_079_552],
    // today's models (issue #12): Hub safetensors totals
    ['qwen3-4b', 4_022_468_096],
    ['qwen3-8b', 8_190_735_360],
    ['qwen3-14b', 14_768_307_200],
    ['qwen3-32b', 32_762_123_264],
    ['qwen3-30b-a3b', 30_532_122_624],
    ['llama-3.3-70b', 70_553_706_496],
    ['gemma-3-1b', 999_885_952],
    ['mistral-small-3-24b', 23_572_403_200],
    ['phi-4', 14_659_507_200],
    ['gpt-oss-20b', 20_914_757_184],
    ['gpt-oss-120b', 116_829_156_672],
    ['deepseek-r1-distill-qwen-7b', 7_615_616_512],
    ['deepseek-r1-distill-llama-8b', 8_030_261_248],
  ])('%s has exactly %d parameters', (id, official) => {
    expect(countParams(preset(id))).toBe(official);
    expect(PRESET_SOURCES[id]?.officialParams).toBe(official);
  });

  it.each([
    // checkpoint total = language model + SigLIP tower and projector
    ['gemma-3-4b', 4_300_079_472, 3_880_263_168, 419_816_304],
    ['gemma-3-12b', 12_187_325_040, 11_766_034_176, 421_290_864],
    ['gemma-3-27b', 27_432_406_640, 27_009_346_304, 423_060_336],
    // checkpoint total = model + the tied head stored twice (V·h)
    ['qwen3-0.6b', 751_632_384, 596_049_920, 155_582_464],
    ['qwen3-1.7b', 2_031_739_904, 1_720_574_976, 311_164_928],
  ])('%s: the checkpoint holds %d = %d in the language model + %d outside it', (id, official, lm, extra) => {
    const m = PRESET_SOURCES[id];
    expect(countParams(preset(id))).toBe(lm);
    expect(m?.checkpointExtra?.params).toBe(extra);
    expect(lm + extra).toBe(official);
    expect(m?.officialParams).toBe(official);
  });

  it('matches the non-embedding parameters of the Gemma 3 report (arXiv 2503.19786, Table 1)', () => {
    // Table 1, in millions: 1B 698, 4B 3,209, 12B 10,759, 27B 25,600. (Its embedding column, e.g. 675M for 4B, is not
    // vocab_size × hidden_size of the released config, 671M; the checkpoint totals above settle those.)
    for (const [id, nonEmb] of [
      ['gemma-3-1b', 698],
      ['gemma-3-4b', 3209],
      ['gemma-3-12b', 10759],
      ['gemma-3-27b', 25600],
    ] as const) {
      const a = preset(id);
      expect(Math.round((countParams(a) - a.vocab * a.hidden) / 1e6)).toBe(nonEmb);
    }
  });

  it('sizes MoE models by every expert and reports the routed top-k as active', () => {
    // model cards: Qwen3-30B-A3B "Number of Activated Parameters: 3.3B"; gpt-oss-120b "5.1B active", gpt-oss-20b
    // "3.6B active" (OpenAI's gpt-oss model card, Table 1: 5.13B and 3.61B active, which count the unembedding but
    // not the embedding lookup, 201,088 × 2,880 = 0.58B)
    expect(activeParams(preset('qwen3-30b-a3b'))).toBe(3_353_032_704);
    const oss = (id: string) => Math.round((activeParams(preset(id)) - 201_088 * 2880) / 1e7) / 100;
    expect(oss('gpt-oss-120b')).toBe(5.13);
    expect(oss('gpt-oss-20b')).toBe(3.61);
  });

  it('counts DeepSeek-style dense first layers and shared experts', () => {
    // a toy deepseek_v3 shape: 4 layers, the first dense (intermediate 96), then 8 experts of 16 + 1 shared
    const a: Architecture = {
      hidden: 8,
      layers: 4,
      heads: 2,
      kvHeads: 2,
      headDim: 4,
      intermediate: 16,
      vocab: 10,
      tiedEmbeddings: false,
      qkvBias: false,
      experts: 8,
      activeExperts: 2,
      sharedExperts: 1,
      denseLayers: 1,
      denseIntermediate: 96,
      routerBias: true,
    };
    const attn = 4 * 8 * 8;
    const dense = 3 * 8 * 96;
    const moe = 8 * 3 * 8 * 16 + 3 * 8 * 16 + (8 * 8 + 8);
    const norms = 2 * 8;
    expect(countParams(a)).toBe(2 * 10 * 8 + 8 + (attn + dense + norms) + 3 * (attn + moe + norms));
    // active: the 6 unrouted experts of the 3 MoE layers are left out
    expect(activeParams(a)).toBe(countParams(a) - 3 * 6 * 3 * 8 * 16);
  });

  it('covers every preset the issue and the card brief name, with unique kebab-case ids', () => {
    const ids = MODEL_PRESETS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/);
    expect(ids).toHaveLength(37);
    expect(Object.keys(PRESET_SOURCES)).toEqual(ids);
    for (const m of MODEL_PRESETS) {
      const s = PRESET_SOURCES[m.id];
      expect(s?.source).toMatch(/^https:\/\/huggingface\.co\/[\w.-]+\/[\w.-]+\/blob\/main\/config\.json$/);
      expect(countParams(m.arch) + (s?.checkpointExtra?.params ?? 0)).toBe(s?.officialParams);
    }
  });

  it('sizes Mixtral by all experts but reports 12.9B active parameters', () => {
    expect(activeParams(preset('mixtral-8x7b'))).toBe(12_879_925_248);
  });

  it('builds GPT-3 175B (arXiv 2005.14165 Table 2.1) and LLaMA-65B as custom architectures', () => {
    expect(countParams(GPT3_175B)).toBe(174_604_259_328);
    expect(countParams(LLAMA_65B)).toBe(65_285_660_672);
  });
});

describe('LoRA trainable parameters = r·(d_in + d_out) per adapted matrix', () => {
  it.each([
    ['llama-2-7b', 19_988_480],
    ['llama-3.1-8b', 20_971_520],
    ['mistral-7b', 20_971_520],
  ])('%s, r=8 on all linear layers: %d', (id, n) => {
    expect(adapterParams(preset(id), 'lora', 8, 'all-linear')).toBe(n);
  });

  it('matches LitGPT resource tables for r=8 on q and v (4,194,304 for Llama 2 7B, 6,553,600 for 13B)', () => {
    expect(adapterParams(preset('llama-2-7b'), 'lora', 8, 'qv')).toBe(4_194_304);
    expect(adapterParams(preset('llama-2-13b'), 'lora', 8, 'qv')).toBe(6_553_600);
  });

  it('GPT-3 175B with r=4 on q,v (LoRA paper §4.2): 18,874,368 parameters, about 35 MB in 16-bit', () => {
    const n = adapterParams(GPT3_175B, 'lora', 4, 'qv');
    expect(n).toBe(18_874_368);
    expect((n * 2) / 1e6).toBeCloseTo(37.7, 1);
  });

  it('DoRA adds one magnitude entry per output feature of each adapted matrix', () => {
    const a = preset('llama-3.1-8b');
    const extra = adapterParams(a, 'dora', 8, 'attention') - adapterParams(a, 'lora', 8, 'attention');
    expect(extra).toBe(32 * (4096 + 1024 + 1024 + 4096));
  });

  it('estimateMemory reports the same trainable count', () => {
    const r = estimateMemory({ model: 'llama-2-7b', method: 'lora', targets: 'all-linear' });
    expect(r.ok && r.estimate.params.trainable).toBe(19_988_480);
  });
});

describe('QLoRA 4-bit base', () => {
  it('uses 4.5 bits/param without and 4 + 8/64 + 32/(64·256) ≈ 4.127 with double quantization (QLoRA §3)', () => {
    expect(nf4BitsPerParam(false)).toBe(4.5);
    expect(nf4BitsPerParam(true)).toBeCloseTo(4.127, 3);
  });

  it.each([
    ['llama-2-7b', 3.87],
    ['llama-3.1-8b', 5.7],
    ['llama-2-70b', 36.4],
  ])('%s NF4+DQ base weights ≈ %s GB (linear layers 4-bit, embeddings and head 16-bit)', (id, gb) => {
    const r = estimateMemory({ model: id, method: 'qlora', doubleQuant: true });
    if (!r.ok) throw new Error('invalid');
    expect(r.estimate.components.weights / 1e9).toBeCloseTo(gb, 1);
  });
});

describe('GPU presets', () => {
  it('has exactly the ids of the issue, with driver-reported totals below or at the marketed size in GiB', () => {
    expect(GPU_PRESETS.map((g) => g.id)).toEqual([
      't4',
      'l4',
      'rtx-3090',
      'rtx-4090',
      'a10g',
      'a6000',
      'a100-40gb',
      'a100-80gb',
      'h100-80gb',
      'h200',
      'b200',
    ]);
    for (const g of GPU_PRESETS) {
      expect(g.usableBytes).toBeGreaterThan(0);
      expect(g.usableBytes / 2 ** 30).toBeLessThanOrEqual(g.memoryGB + 1e-9);
      expect(g.usableBytes / 2 ** 30).toBeGreaterThan(g.memoryGB * 0.93);
    }
  });
});
