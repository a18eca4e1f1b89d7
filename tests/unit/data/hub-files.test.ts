import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchTokenizer } from '../../../src/lib/data/hub-files.ts';
import { presetHubId } from '../../../src/lib/memory/preset-sources.ts';
import { HUB_ID } from '../../../src/lib/memory/hub.ts';
import { MODEL_PRESETS } from '../../../src/lib/memory/presets.ts';
import { startFixtureHub, TINY_TOKENIZER } from '../../support/fixture-hub.ts';

// The real fetch against the fixture Hub on 127.0.0.1: nothing here uses the network.
let hub: Awaited<ReturnType<typeof startFixtureHub>>;
beforeAll(async () => {
  hub = await startFixtureHub();
});
afterAll(() => hub.close());
const get = (id: string) => fetchTokenizer(hub.url, id, fetch);

describe('tokenizer files from the Hub', () => {
  it('knows the Hub id of every model preset, from its config.json source', () => {
    for (const p of MODEL_PRESETS) expect(presetHubId(p.id), p.id).toMatch(HUB_ID);
    expect(presetHubId('qwen3-8b')).toBe('Qwen/Qwen3-8B');
    expect(presetHubId('llama-3.1-8b')).toBe('meta-llama/Llama-3.1-8B');
    expect(presetHubId('custom')).toBeNull();
  });

  it('fetches tokenizer_config.json and tokenizer.json of a public model', async () => {
    const r = await get('fixture/tiny-bpe');
    if (!r.ok) throw new Error(r.message);
    expect(r.files.tokenizer).toEqual(JSON.parse(TINY_TOKENIZER['tokenizer.json']));
    expect(r.files.config.eos_token).toBe('</s>');
    expect(r.files.chatTemplate).toBeNull();
  });

  it('asks for chat_template.jinja only when the config has no template, and a 404 there is no template', async () => {
    const asked: string[] = [];
    const r = await fetchTokenizer(hub.url, 'fixture/no-template', (u, i) => {
      asked.push(new URL(u).pathname);
      return fetch(u, i);
    });
    expect(r.ok && r.files.chatTemplate).toBeNull();
    expect(asked).toEqual([
      '/fixture/no-template/resolve/main/tokenizer_config.json',
      '/fixture/no-template/resolve/main/tokenizer.json',
      '/fixture/no-template/resolve/main/chat_template.jinja',
    ]);
  });

  it('gives gated, missing, failing, too big and offline answers each their own message', async () => {
    expect(await get('meta-llama/Llama-3.1-8B')).toEqual({
      ok: false,
      kind: 'gated',
      message:
        'meta-llama/Llama-3.1-8B is gated or private: the Hub gives its tokenizer only to signed-in users who ' +
        'accepted its terms, and this page never signs in. To measure with it, download tokenizer.json and ' +
        'tokenizer_config.json from its page and choose them below.',
    });
    expect(await get('nobody/nothing')).toEqual({
      ok: false,
      kind: 'missing',
      message:
        'The Hub has no tokenizer_config.json for nobody/nothing on its main branch: check the id (owner/name, as on ' +
        'the model page).',
    });
    expect(await get('not an id')).toMatchObject({ ok: false, kind: 'id' });
    const answer = (status: number, headers: Record<string, string> = {}, body = '{}') =>
      (async () => ({
        ok: status < 300,
        status,
        headers: new Headers(headers),
        text: async () => body,
      })) as never;
    expect(await fetchTokenizer(hub.url, 'a/b', answer(500))).toEqual({
      ok: false,
      kind: 'status',
      message: 'The Hub answered 500 for a/b’s tokenizer_config.json; try again later.',
    });
    expect(await fetchTokenizer(hub.url, 'a/b', answer(200, { 'content-length': String(70_000_000) }))).toEqual({
      ok: false,
      kind: 'size',
      message: 'a/b’s tokenizer_config.json is 70.0 MB: this page reads tokenizer files up to 64.0 MB.',
    });
    expect(await fetchTokenizer(hub.url, 'a/b', answer(200, {}, '[1]'))).toEqual({
      ok: false,
      kind: 'json',
      message: 'a/b’s tokenizer_config.json is not a JSON object.',
    });
    const offline = await fetchTokenizer(hub.url, 'a/b', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(offline).toEqual({
      ok: false,
      kind: 'offline',
      message:
        'The Hub did not answer for a/b’s tokenizer_config.json (offline, or the connection was blocked): download ' +
        'tokenizer.json and tokenizer_config.json from its page and choose them below.',
    });
  });
});
