import { z } from 'astro/zod';

const EXAMPLE = 'https://arxiv.org/abs/2305.14314';

/**
 * Why a source URL is not an address a reader can safely follow, or null when it is. The URL parser itself accepts
 * (and silently rewrites) spaces, quotes and a user name before the host, so each gets its own message.
 */
export function sourceUrlProblem(url: string): string | null {
  if (/^\s*(javascript|vbscript):/i.test(url))
    return `a ${/^\s*([a-z]+):/i.exec(url)?.[1]?.toLowerCase()}: URL runs code instead of opening a page: give the source's https:// address`;
  if (url !== url.trim()) return 'has a space at the start or the end: remove it';
  if (/\s/.test(url)) return 'contains a space: remove it, or write it as %20 if the address really has one';
  if (/["'<>`\\]/.test(url))
    return 'contains a quote, a backslash or an angle bracket: copy the address again from the browser';
  if (/^http:/i.test(url)) return 'must use https:// (http links are rejected)';
  if (!/^https:\/\//.test(url)) return `must be an absolute https:// URL such as ${EXAMPLE}`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return /^https:\/\/(?:[/?#]|$)/.test(url)
      ? `has no host after the scheme: give the whole address, e.g. ${EXAMPLE}`
      : `is not a valid URL: give the whole address, e.g. ${EXAMPLE}`;
  }
  if (parsed.username || parsed.password) {
    const userinfo = url.slice('https://'.length, url.indexOf('@') + 1);
    return `has "${userinfo}" before the host, so it opens ${parsed.hostname}: remove everything up to and including the "@"`;
  }
  return null;
}

/** A primary source behind a card's facts: a paper (arXiv) or official documentation. */
export const sourceSchema = z.strictObject({
  /** Title of the paper or page, as published. */
  title: z.string({ error: 'a source needs a title' }).min(3, { error: 'source title is too short' }),
  /** Where to read it. https only, so readers never land on a downgraded page. */
  url: z.string({ error: 'must be an absolute URL such as https://arxiv.org/abs/2305.14314' }).superRefine((u, ctx) => {
    const problem = sourceUrlProblem(u);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  /** Who published it, e.g. "arXiv", "Hugging Face docs". */
  publisher: z.string().min(2).optional(),
  /** Year of publication. */
  year: z.number({ error: 'year must be a number such as 2023' }).int().min(1950).max(2100).optional(),
});

export type Source = z.output<typeof sourceSchema>;
