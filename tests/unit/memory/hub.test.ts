import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHubId, fetchHubConfig, hubConfigUrl } from '../../../src/lib/memory/hub.ts';
import { countParams } from '../../../src/lib/memory/index.ts';
import { startFixtureHub } from '../../support/fixture-hub.ts';

// The real fetch against the fixture Hub on 127.0.0.1: nothing here uses the network.
let hub: Awaited<ReturnType<typeof startFixtureHub>>;
beforeAll(async () => {
  hub = await startFixtureHub();
});
afterAll(() => hub.close());

const get = (id: string) => fetchHubConfig(hub.url, id, fetch);

describe('config.json from the Hub', () => {
  it('builds the resolve URL of the main branch', () => {
    expect(hubConfigUrl('https://huggingface.co/', 'Qwen/Qwen3-8B')).toBe(
      'https://huggingface.co/Qwen/Qwen3-8B/resolve/main/config.json',
    );
  });

  it('fetches and parses a public model', async () => {
    const r = await get(' Qwen/Qwen3-8B ');
    if (!r.ok) throw new Error(r.message);
    expect(r.modelType).toBe('qwen3');
    expect(countParams(r.arch)).toBe(8_190_735_360);
  });

  it('gives gated, private, missing, failing and malformed answers each their own message', async () => {
    expect(await get('meta-llama/Llama-3.1-8B')).toEqual({
      ok: false,
      kind: 'gated',
      message:
        'meta-llama/Llama-3.1-8B is gated or private: the Hub gives its config.json only to signed-in users who ' +
        'accepted its terms. Download config.json from the model page and paste or drop it here.',
    });
    expect(await get('fixture/private')).toMatchObject({ ok: false, kind: 'gated' });
    expect(await get('nobody/nothing')).toEqual({
      ok: false,
      kind: 'missing',
      message:
        'The Hub has no nobody/nothing with a config.json on its main branch: check the spelling (owner/name, as on ' +
        'the model page).',
    });
    expect(await get('fixture/down')).toEqual({
      ok: false,
      kind: 'status',
      message: 'The Hub answered 500 for fixture/down’s config.json; try again later, or paste the file instead.',
    });
    expect(await get('fixture/broken')).toEqual({
      ok: false,
      kind: 'config',
      message:
        'fixture/broken: config.json is not valid JSON: line 4, column 1 (character 51): expected a property name ' +
        'in double quotes, found character "}"',
    });
    expect(await get('tiiuae/falcon-7b')).toMatchObject({
      ok: false,
      kind: 'config',
      message: expect.stringContaining('tiiuae/falcon-7b: model_type "falcon" is not supported'),
    });
  });

  it('says so when the Hub does not answer (offline, blocked by CSP)', async () => {
    const offline = await fetchHubConfig('http://127.0.0.1:1', 'Qwen/Qwen3-8B', fetch);
    expect(offline).toEqual({
      ok: false,
      kind: 'offline',
      message:
        'The Hub did not answer for Qwen/Qwen3-8B (offline, or the connection was blocked). Paste or drop the ' +
        'model’s config.json instead.',
    });
  });

  it('refuses what is not a model id before fetching anything', async () => {
    let calls = 0;
    const spy = async () => {
      calls++;
      throw new Error('no');
    };
    for (const [id, message] of [
      ['', 'Enter a Hub model id such as Qwen/Qwen3-8B.'],
      ['https://huggingface.co/Qwen/Qwen3-8B', 'Enter the model id (owner/name, e.g. Qwen/Qwen3-8B), not its URL.'],
      ['Qwen3-8B', '"Qwen3-8B" is not a Hub model id: it is owner/name, e.g. Qwen/Qwen3-8B.'],
      ['../etc/passwd', '"../etc/passwd" is not a Hub model id: it is owner/name, e.g. Qwen/Qwen3-8B.'],
      ['../x', '"../x" is not a Hub model id: it is owner/name, e.g. Qwen/Qwen3-8B.'],
      ['a/..', '"a/.." is not a Hub model id: it is owner/name, e.g. Qwen/Qwen3-8B.'],
      ['a/b?c', '"a/b?c" is not a Hub model id: it is owner/name, e.g. Qwen/Qwen3-8B.'],
    ] as const) {
      expect(checkHubId(id)).toBe(message);
      expect(await fetchHubConfig(hub.url, id, spy)).toEqual({ ok: false, kind: 'id', message });
    }
    expect(calls).toBe(0);
  });
});
