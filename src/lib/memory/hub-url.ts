// The Hugging Face Hub's address, its file hosts, and its model ids: what every fetch from the Hub needs, kept apart
// from hub.ts so the data panel's tokenizer fetch does not bring the config parser (and zod) along.

/** The Hub the calculator fetches configs from: the one origin its page's CSP adds to connect-src
 *  (src/pages/calculator.astro). Tests answer it from tests/support/fixture-hub.ts and never reach it. */
export const HUB_URL = 'https://huggingface.co';

/** Where the Hub redirects a file stored with LFS or Xet (a tokenizer.json, not a config.json): its storage and CDN
 *  hosts, all under hf.co (cdn-lfs-us-1.hf.co, us.aws.cdn.hf.co, cas-bridge.xethub.hf.co, …) or, for older files,
 *  huggingface.co (cdn-lfs.huggingface.co). The Hub's docs list them and advise allowing both suffixes "so your rules
 *  don't break when a specific endpoint changes" (https://github.com/huggingface/hub-docs, docs/hub/models-downloading.md,
 *  "Downloading behind a proxy or firewall"). A CSP host wildcard `*.` matches subdomains at any depth (CSP Level 3,
 *  https://www.w3.org/TR/CSP3/#match-hosts), and CSP checks every redirect a fetch follows. */
export const HUB_FILE_HOSTS = ['https://*.hf.co', 'https://*.huggingface.co'] as const;

/** A Hugging Face model id: owner/name, as the Hub spells repositories (letters, digits, `_`, `.`, `-`; never `.` or
 *  `..` alone, which would climb the URL path). */
export const HUB_ID = /^(?!\.\.?\/)[\w.-]+\/(?!\.\.?$)[\w.-]+$/;

/** The URL of a file of a model on the main branch: `<hub>/<id>/resolve/main/<file>`. */
export function hubFileUrl(hubUrl: string, id: string, file: string): string {
  return `${hubUrl.replace(/\/+$/, '')}/${id}/resolve/main/${file}`;
}

/** The problem with a typed id, or null when it is one. */
export function checkHubId(id: string): string | null {
  const t = id.trim();
  if (t === '') return 'Enter a Hub model id such as Qwen/Qwen3-8B.';
  if (/^https?:\/\//.test(t)) return 'Enter the model id (owner/name, e.g. Qwen/Qwen3-8B), not its URL.';
  return HUB_ID.test(t) && !t.split('/').some((p) => p === '.' || p === '..')
    ? null
    : `"${t.slice(0, 80)}" is not a Hub model id: it is owner/name, e.g. Qwen/Qwen3-8B.`;
}
