import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { archFromHfConfig, jsonErrorAt, parseHfConfig } from '../../../src/lib/memory/hf-config.ts';
import { countParams, findModel, resolveArchitecture } from '../../../src/lib/memory/index.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/hf-configs/${name}.json`, import.meta.url), 'utf8');
const parsed = (name: string) => {
  const r = parseHfConfig(fixture(name));
  if (!r.ok) throw new Error(r.message);
  return r;
};

describe('config.json → architecture', () => {
  // Each fixture is the model's config.json from the Hub (abridged to the fields that matter plus a few that do
  // not); the parsed architecture must be the preset's, field for field, and give the same count.
  it.each([
    ['qwen3-8b', 'qwen3-8b', 'qwen3'],
    ['qwen3-0.6b', 'qwen3-0.6b', 'qwen3'],
    ['qwen3-30b-a3b', 'qwen3-30b-a3b', 'qwen3_moe'],
    ['llama-3.1-8b', 'llama-3.1-8b', 'llama'],
    ['mistral-small-3-24b', 'mistral-small-3-24b', 'mistral'],
    ['phi-4', 'phi-4', 'phi3'],
    ['qwen2.5-7b', 'qwen2.5-7b', 'qwen2'],
    ['mixtral-8x7b', 'mixtral-8x7b', 'mixtral'],
    ['gemma-2-2b', 'gemma-2-2b', 'gemma2'],
    ['gemma-3-1b', 'gemma-3-1b', 'gemma3_text'],
    ['gemma-3-4b', 'gemma-3-4b', 'gemma3'],
    ['gemma-3-12b', 'gemma-3-12b', 'gemma3'],
    ['gpt-oss-20b', 'gpt-oss-20b', 'gpt_oss'],
  ])('%s reads as preset %s (model_type %s)', (file, presetId, type) => {
    const r = parsed(file);
    const preset = findModel(presetId);
    if (!preset) throw new Error(presetId);
    expect(r.modelType).toBe(type);
    // contextLength: Gemma-2's preset keeps its 8,192 like the config; every other field must match too
    expect(resolveArchitecture(r.arch)).toEqual(resolveArchitecture(preset.arch));
    expect(countParams(r.arch)).toBe(countParams(preset.arch));
  });

  it('says what it assumed: Gemma3TextConfig defaults and the vision tower left out', () => {
    const r = parsed('gemma-3-12b');
    expect(r.notes).toEqual([
      'Sized as the language model of text_config, as Gemma3ForCausalLM loads it for text fine-tuning; the SigLIP ' +
        'vision tower and projector (421,290,864 parameters) are left out.',
      'Not in the config, so Gemma3TextConfig’s defaults: vocab_size 262208, head_dim 256, max_position_embeddings ' +
        '131072, tie_word_embeddings true.',
    ]);
    expect(parsed('gpt-oss-20b').notes).toEqual([
      'gpt-oss experts ship as MXFP4 blocks; they are sized as the bf16 weights training dequantizes them to.',
    ]);
    expect(parsed('qwen3-8b').notes).toEqual([]);
  });

  it('reads DeepSeek-style MoE fields and names multi-head latent attention as what it cannot size', () => {
    const r = parseHfConfig(fixture('deepseek-v3'));
    expect(r).toEqual({
      ok: false,
      message:
        'config.json (model_type deepseek_v3) uses multi-head latent attention (q_lora_rank 1536, kv_lora_rank 512, ' +
        'qk_rope_head_dim 64, v_head_dim 128), which the memory model does not describe yet; its MoE fields ' +
        '(n_routed_experts, n_shared_experts, moe_intermediate_size, first_k_dense_replace) are read',
    });
    // The same MoE with standard attention (no latent ranks): dense first layers, a shared expert, the router bias.
    const { q_lora_rank, kv_lora_rank, ...plain } = JSON.parse(fixture('deepseek-v3'));
    const p = archFromHfConfig({ ...plain, num_hidden_layers: 4, first_k_dense_replace: 1 });
    if (!p.ok) throw new Error(p.message);
    expect(p.arch).toMatchObject({
      experts: 256,
      activeExperts: 8,
      sharedExperts: 1,
      denseLayers: 1,
      denseIntermediate: 18432,
      intermediate: 2048,
      routerBias: true,
      headDim: 56,
    });
    const h = 7168;
    const attn = 4 * h * h;
    const norms = 2 * h;
    const dense = 3 * h * 18432;
    const moe = 257 * 3 * h * 2048 + 256 * h + 256;
    expect(countParams(p.arch)).toBe(2 * 129280 * h + h + 1 * (attn + dense + norms) + 3 * (attn + moe + norms));
  });

  it('names the model_type and the missing fields of an unsupported family', () => {
    expect(parseHfConfig(fixture('falcon-7b'))).toEqual({
      ok: false,
      message:
        'model_type "falcon" is not supported (supported: llama, mistral, qwen2, qwen3, gemma2, gemma3, gemma3_text, ' +
        'phi3, mixtral, qwen3_moe, gpt_oss, deepseek_v3). Its config has hidden_size, num_hidden_layers, ' +
        'num_attention_heads, vocab_size but no intermediate_size; enter the architecture as a custom model instead.',
    });
  });

  it('names a missing field of a supported family, and a field of the wrong type', () => {
    const { vocab_size, ...noVocab } = JSON.parse(fixture('qwen3-8b'));
    expect(archFromHfConfig(noVocab)).toEqual({
      ok: false,
      message: 'config.json (model_type qwen3) has no vocab_size, which the memory model needs',
    });
    const { num_experts_per_tok, ...noTopK } = JSON.parse(fixture('mixtral-8x7b'));
    expect(archFromHfConfig(noTopK)).toEqual({
      ok: false,
      message: 'config.json (model_type mixtral) has no num_experts_per_tok, which the memory model needs',
    });
    expect(archFromHfConfig({ ...JSON.parse(fixture('qwen3-8b')), hidden_size: '4096' })).toEqual({
      ok: false,
      message: 'config.json field hidden_size has the wrong type (got "4096")',
    });
    expect(archFromHfConfig({ ...JSON.parse(fixture('qwen3-8b')), num_hidden_layers: 0 })).toEqual({
      ok: false,
      message: 'config.json field num_hidden_layers must be positive (got 0)',
    });
    expect(archFromHfConfig({ hidden_size: 8 })).toEqual({
      ok: false,
      message:
        'config.json has no model_type, so its architecture is unknown; supported: llama, mistral, qwen2, qwen3, ' +
        'gemma2, gemma3, gemma3_text, phi3, mixtral, qwen3_moe, gpt_oss, deepseek_v3',
    });
    expect(archFromHfConfig([1])).toEqual({ ok: false, message: 'config.json must be a JSON object (got an array)' });
  });

  it('refuses what the calculator cannot size: KV heads that do not divide, interleaved dense layers', () => {
    expect(archFromHfConfig({ ...JSON.parse(fixture('qwen3-8b')), num_key_value_heads: 7 })).toEqual({
      ok: false,
      message:
        "config.json describes an architecture outside the calculator's limits: model.kvHeads must divide the " +
        'attention heads (32) (got 7)',
    });
    expect(archFromHfConfig({ ...JSON.parse(fixture('qwen3-30b-a3b')), mlp_only_layers: [0, 47] })).toEqual({
      ok: false,
      message:
        'config.json (model_type qwen3_moe): dense MLP layers (mlp_only_layers [0,47], decoder_sparse_step 1) between ' +
        'the expert layers are not described by the memory model; only dense first layers are',
    });
  });

  it('defaults what transformers defaults: KV heads to the heads, Llama head_dim to hidden / heads', () => {
    const { num_key_value_heads, ...mha } = JSON.parse(fixture('llama-3.1-8b'));
    const r = archFromHfConfig(mha);
    if (!r.ok) throw new Error(r.message);
    expect(r.arch.kvHeads).toBe(32);
    expect(r.arch.headDim).toBe(128);
    expect(r.notes).toEqual(['No num_key_value_heads: multi-head attention (32 KV heads), as transformers assumes.']);
  });
});

describe('malformed JSON', () => {
  it('names the line, column and character of the first error', () => {
    expect(parseHfConfig('{\n  "hidden_size": 4096\n  "vocab_size": 1\n}')).toEqual({
      ok: false,
      message:
        "config.json is not valid JSON: line 3, column 3 (character 27): expected ',' or '}' after a property " +
        'value, found character "\\""',
    });
    expect(jsonErrorAt('{"a": [1, 2,]}')).toBe('line 1, column 13 (character 13): unexpected character "]"');
    expect(jsonErrorAt('{"a": tru}')).toBe('line 1, column 7 (character 7): unexpected character "t"');
    expect(jsonErrorAt('{"a": 1')).toBe(
      "line 1, column 8 (character 8): expected ',' or '}' after a property value, found end of the text",
    );
    expect(jsonErrorAt("{'a': 1}")).toBe(
      'line 1, column 2 (character 2): expected a property name in double quotes, found character "\'"',
    );
    expect(jsonErrorAt('{} x')).toBe(
      'line 1, column 4 (character 4): unexpected character "x" after the end of the JSON value',
    );
    expect(parseHfConfig('')).toEqual({
      ok: false,
      message: 'config.json is not valid JSON: line 1, column 1 (character 1): unexpected end of the text',
    });
  });

  it('agrees with JSON.parse on what is valid (any JSON text parses; the scanner finds no error in it)', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(jsonErrorAt(text)).toBe('it could not be read');
      }),
      { numRuns: 300 },
    );
  });

  it('finds an error wherever JSON.parse finds one', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom('}', ',', ':', 'x', '"', '['), (text, at, ch) => {
        const broken = text.slice(0, at % (text.length + 1)) + ch + text.slice(at % (text.length + 1));
        let valid = true;
        try {
          JSON.parse(broken);
        } catch {
          valid = false;
        }
        expect(jsonErrorAt(broken) === 'it could not be read').toBe(valid);
      }),
      { numRuns: 300 },
    );
  });
});
