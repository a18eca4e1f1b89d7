// A model's config.json from the Hugging Face Hub, by its id (`Qwen/Qwen3-8B`). Pure apart from the `fetch` it is
// given (the calculator passes the browser's; tests pass a fake or point the Hub URL at a local fixture server). Each
// way a fetch can fail has its own message: gated or private (401/403), not found (404), no answer (offline, blocked),
// another HTTP status, and an answer that is not a config the parser can read.
import { type HfConfigResult, parseHfConfig } from './hf-config.ts';
import { checkHubId, hubFileUrl } from './hub-url.ts';

export { checkHubId, HUB_FILE_HOSTS, HUB_ID, HUB_URL, hubFileUrl } from './hub-url.ts';

/** The URL of a model's config.json on the main branch: `<hub>/<id>/resolve/main/config.json`. */
export function hubConfigUrl(hubUrl: string, id: string): string {
  return hubFileUrl(hubUrl, id, 'config.json');
}

export type HubFailure = 'id' | 'gated' | 'missing' | 'offline' | 'status' | 'config';
export type HubResult = (HfConfigResult & { ok: true }) | { ok: false; kind: HubFailure; message: string };

type Fetch = (
  url: string,
  init?: { signal?: AbortSignal; credentials?: 'omit' },
) => Promise<{
  ok: boolean;
  status: number;
  text(): Promise<string>;
}>;

/** Fetches and parses a model's config.json from the Hub. Never throws. */
export async function fetchHubConfig(
  hubUrl: string,
  rawId: string,
  fetchImpl: Fetch,
  signal?: AbortSignal,
): Promise<HubResult> {
  const id = rawId.trim();
  const bad = checkHubId(id);
  if (bad) return { ok: false, kind: 'id', message: bad };
  let res: Awaited<ReturnType<Fetch>>;
  try {
    // No cookies: a public config needs none, and a gated one is refused either way (the page never holds a token).
    res = await fetchImpl(hubConfigUrl(hubUrl, id), { credentials: 'omit', ...(signal ? { signal } : {}) });
  } catch {
    return {
      ok: false,
      kind: 'offline',
      message: `The Hub did not answer for ${id} (offline, or the connection was blocked). Paste or drop the model’s config.json instead.`,
    };
  }
  if (res.status === 401 || res.status === 403) {
    return {
      ok: false,
      kind: 'gated',
      message: `${id} is gated or private: the Hub gives its config.json only to signed-in users who accepted its terms. Download config.json from the model page and paste or drop it here.`,
    };
  }
  if (res.status === 404) {
    return {
      ok: false,
      kind: 'missing',
      message: `The Hub has no ${id} with a config.json on its main branch: check the spelling (owner/name, as on the model page).`,
    };
  }
  if (!res.ok) {
    return {
      ok: false,
      kind: 'status',
      message: `The Hub answered ${res.status} for ${id}’s config.json; try again later, or paste the file instead.`,
    };
  }
  let text: string;
  try {
    text = await res.text();
  } catch {
    return { ok: false, kind: 'offline', message: `The Hub’s answer for ${id} broke off; try again.` };
  }
  const parsed = parseHfConfig(text);
  return parsed.ok ? parsed : { ok: false, kind: 'config', message: `${id}: ${parsed.message}` };
}
