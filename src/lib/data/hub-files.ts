// A model's tokenizer files from the Hugging Face Hub, by its id: tokenizer_config.json (special tokens and, mostly,
// the chat template), tokenizer.json, and chat_template.jinja when the config has no template (recent transformers
// releases save the template in a file of its own). Pure apart from the `fetch` it is given, like memory/hub.ts, and
// never throws: each way it can fail has its message (gated or private, not found, offline, another status, too big,
// not JSON). The first request is the small config, so a gated model is refused before anything large is asked for.
import { checkHubId, hubFileUrl } from '../memory/hub-url.ts';
import type { TokenizerFiles } from './count.ts';

/** A tokenizer.json holds the vocabulary and its merges: a few MB for a 32k vocabulary, tens of MB for the 200k+ of
 *  recent models. 64 MB bounds what the page holds in memory for it. */
export const MAX_TOKENIZER_BYTES = 64_000_000;

export type TokenizerFailure = 'id' | 'gated' | 'missing' | 'offline' | 'status' | 'size' | 'json';
export type TokenizerFetch =
  | { ok: true; files: TokenizerFiles }
  | { ok: false; kind: TokenizerFailure; message: string };

type Fetch = (
  url: string,
  init?: { signal?: AbortSignal; credentials?: 'omit' },
) => Promise<{
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const HANDS = 'download tokenizer.json and tokenizer_config.json from its page and choose them below';

/** Fetches a model's tokenizer files from the Hub. */
export async function fetchTokenizer(
  hubUrl: string,
  rawId: string,
  fetchImpl: Fetch,
  signal?: AbortSignal,
): Promise<TokenizerFetch> {
  const id = rawId.trim();
  const bad = checkHubId(id);
  if (bad) return { ok: false, kind: 'id', message: bad };
  type Got = { ok: true; text: string | null } | { ok: false; kind: TokenizerFailure; message: string };
  const get = async (file: string, optional = false): Promise<Got> => {
    let res: Awaited<ReturnType<Fetch>>;
    try {
      // No cookies: the page never holds a token, so a gated file is refused either way.
      res = await fetchImpl(hubFileUrl(hubUrl, id, file), { credentials: 'omit', ...(signal ? { signal } : {}) });
    } catch {
      return {
        ok: false,
        kind: 'offline',
        message: `The Hub did not answer for ${id}’s ${file} (offline, or the connection was blocked): ${HANDS}.`,
      };
    }
    if (res.status === 401 || res.status === 403)
      return {
        ok: false,
        kind: 'gated',
        message: `${id} is gated or private: the Hub gives its tokenizer only to signed-in users who accepted its terms, and this page never signs in. To measure with it, ${HANDS}.`,
      };
    if (res.status === 404) {
      if (optional) return { ok: true, text: null };
      return {
        ok: false,
        kind: 'missing',
        message: `The Hub has no ${file} for ${id} on its main branch: check the id (owner/name, as on the model page).`,
      };
    }
    if (!res.ok)
      return {
        ok: false,
        kind: 'status',
        message: `The Hub answered ${res.status} for ${id}’s ${file}; try again later.`,
      };
    const size = Number(res.headers.get('content-length'));
    const tooBig = (n: number): Got => ({
      ok: false,
      kind: 'size',
      message: `${id}’s ${file} is ${mb(n)}: this page reads tokenizer files up to ${mb(MAX_TOKENIZER_BYTES)}.`,
    });
    if (size > MAX_TOKENIZER_BYTES) return tooBig(size);
    try {
      const text = await res.text();
      return text.length > MAX_TOKENIZER_BYTES ? tooBig(text.length) : { ok: true, text };
    } catch {
      return { ok: false, kind: 'offline', message: `The Hub’s answer for ${id}’s ${file} broke off; try again.` };
    }
  };
  const json = (text: string): Record<string, unknown> | null => {
    try {
      const v = JSON.parse(text);
      return typeof v === 'object' && v !== null && !Array.isArray(v) ? v : null;
    } catch {
      return null;
    }
  };
  const notJson = (file: string) => ({
    ok: false as const,
    kind: 'json' as const,
    message: `${id}’s ${file} is not a JSON object.`,
  });

  const c = await get('tokenizer_config.json');
  if (!c.ok) return c;
  const config = json(c.text as string);
  if (!config) return notJson('tokenizer_config.json');
  const t = await get('tokenizer.json');
  if (!t.ok) return t;
  const tokenizer = json(t.text as string);
  if (!tokenizer) return notJson('tokenizer.json');
  let chatTemplate: string | null = null;
  if (config.chat_template === undefined) {
    const j = await get('chat_template.jinja', true);
    if (!j.ok) return j;
    chatTemplate = j.text;
  }
  return { ok: true, files: { tokenizer, config, chatTemplate } };
}
