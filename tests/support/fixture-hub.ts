// A stand-in for the Hugging Face Hub's `<id>/resolve/main/<file>`, so no test uses the network: fixture configs
// (tests/fixtures/hf-configs/), a gated and a private model, a malformed answer, an unsupported family, a server
// error, tokenizer files (a tiny real tokenizer, a redirect to the Hub's CDN and one elsewhere), and 404 for anything
// else. `hubAnswer` is the one table; `startFixtureHub` serves it over HTTP (unit tests with the real fetch), and e2e
// specs fulfil the browser's requests from it with page.route.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/hf-configs/${name}.json`, import.meta.url), 'utf8');

/** Model id → the answer the fixture Hub gives for its config.json. */
export const FIXTURE_HUB: Readonly<Record<string, { status: number; body: string }>> = {
  'Qwen/Qwen3-8B': { status: 200, body: fixture('qwen3-8b') },
  'Qwen/Qwen3-30B-A3B': { status: 200, body: fixture('qwen3-30b-a3b') },
  'google/gemma-3-12b-it': { status: 200, body: fixture('gemma-3-12b') },
  'openai/gpt-oss-20b': { status: 200, body: fixture('gpt-oss-20b') },
  // The Hub answers 401 to an anonymous request for a gated model's files, 403 when access was refused.
  'meta-llama/Llama-3.1-8B': {
    status: 401,
    body: '{"error":"Access to model meta-llama/Llama-3.1-8B is restricted."}',
  },
  'fixture/private': { status: 403, body: '{"error":"Forbidden"}' },
  'fixture/broken': { status: 200, body: '{\n  "model_type": "qwen3",\n  "hidden_size": 4096,\n}\n' },
  'tiiuae/falcon-7b': { status: 200, body: fixture('falcon-7b') },
  'fixture/down': { status: 500, body: 'Internal Server Error' },
};

const tokenizerFile = (name: string) =>
  readFileSync(new URL(`../fixtures/tokenizers/tiny-bpe/${name}`, import.meta.url), 'utf8');
/** A small, real byte-level BPE tokenizer (tests/fixtures/tokenizers/tiny-bpe: GPT-2's 256 byte symbols, five merges,
 *  <s> added in front of a text, a ChatML-like chat template) that stands in for every model's own. */
export const TINY_TOKENIZER = {
  'tokenizer.json': tokenizerFile('tokenizer.json'),
  'tokenizer_config.json': tokenizerFile('tokenizer_config.json'),
};
/** Where the fixture Hub redirects `fixture/lfs`'s tokenizer.json: one of the Hub's CDN hosts (hub.ts HUB_FILE_HOSTS),
 *  which e2e specs answer; `fixture/elsewhere` redirects to a host the calculator page may not connect to. */
export const CDN_TOKENIZER = 'https://us.aws.cdn.hf.co/xet-bridge-us/fixture/tokenizer.json';
export const OFF_CDN_TOKENIZER = 'https://files.example.com/fixture/tokenizer.json';

type Answer = { status: number; body: string; location?: string };
const NOT_FOUND: Answer = { status: 404, body: '{"error":"Entry not found"}' };
/** Model id → its tokenizer files: the tiny tokenizer under ids of presets and of the any-model panel's fixtures. */
export const FIXTURE_TOKENIZERS: Readonly<Record<string, Readonly<Record<string, Answer>>>> = {
  ...Object.fromEntries(
    ['Qwen/Qwen3-8B', 'Qwen/Qwen3-0.6B', 'fixture/tiny-bpe'].map((id) => [
      id,
      Object.fromEntries(Object.entries(TINY_TOKENIZER).map(([f, body]) => [f, { status: 200, body }])),
    ]),
  ),
  'fixture/lfs': {
    'tokenizer_config.json': { status: 200, body: TINY_TOKENIZER['tokenizer_config.json'] },
    'tokenizer.json': { status: 302, body: '', location: CDN_TOKENIZER },
  },
  'fixture/elsewhere': {
    'tokenizer_config.json': { status: 200, body: TINY_TOKENIZER['tokenizer_config.json'] },
    'tokenizer.json': { status: 302, body: '', location: OFF_CDN_TOKENIZER },
  },
  'fixture/no-template': {
    'tokenizer_config.json': { status: 200, body: '{"bos_token":"<s>","eos_token":"</s>"}' },
    'tokenizer.json': { status: 200, body: TINY_TOKENIZER['tokenizer.json'] },
  },
};

/** The fixture Hub's answer for a request path (`/Qwen/Qwen3-8B/resolve/main/config.json`). */
export function hubAnswer(pathname: string): Answer {
  const m = /^\/([^/]+\/[^/]+)\/resolve\/main\/([^/]+)$/.exec(pathname);
  const id = m ? decodeURIComponent(m[1] as string) : '';
  const file = m?.[2] ?? '';
  if (file !== 'config.json') {
    const gated = FIXTURE_HUB[id];
    // A gated or private model refuses every file alike.
    if (gated && (gated.status === 401 || gated.status === 403)) return gated;
    return FIXTURE_TOKENIZERS[id]?.[file] ?? NOT_FOUND;
  }
  return FIXTURE_HUB[id] ?? { status: 404, body: '{"error":"Repository not found"}' };
}

/** Headers the Hub sends with config.json: JSON, readable from any origin (CORS). */
export const HUB_HEADERS = { 'content-type': 'application/json', 'access-control-allow-origin': '*' };

/** Serves the fixture Hub on 127.0.0.1 (a free port); returns its base URL. */
export async function startFixtureHub(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const a = hubAnswer(new URL(req.url ?? '/', 'http://x').pathname);
    res.writeHead(a.status, a.location ? { ...HUB_HEADERS, location: a.location } : HUB_HEADERS);
    res.end(a.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
