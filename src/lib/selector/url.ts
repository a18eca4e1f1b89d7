/**
 * The selector's URL contract (shared links must keep working). Exactly these parameters:
 * goal, data, examples, tokens, quality, eval, sft, model, gpu, gpus, preserve.
 * Unknown parameters and bad values are ignored, each with a notice the page shows.
 */
import { parseCount } from './numbers.ts';
import { GPU_IDS, MODEL_IDS, normalizeInput } from './input.ts';
import { MAX_COUNT, MAX_GPUS } from './limits.ts';
import {
  DATA_KINDS,
  GOALS,
  INPUT_KEYS,
  type InputKey,
  PRESERVE_LEVELS,
  QUALITIES,
  type SelectorInput,
  YES_NO,
} from './types.ts';

export interface Notice {
  param: string;
  value: string;
  message: string;
}

export interface ParsedParams {
  /** Only the parameters that were given and valid. */
  given: Partial<SelectorInput>;
  notices: Notice[];
}

const ENUMS: Partial<Record<InputKey, () => readonly string[]>> = {
  goal: () => GOALS,
  data: () => DATA_KINDS,
  quality: () => QUALITIES,
  eval: () => YES_NO,
  sft: () => YES_NO,
  preserve: () => PRESERVE_LEVELS,
  model: () => MODEL_IDS,
  gpu: () => GPU_IDS,
};

const LIMITS: Partial<Record<InputKey, [number, number]>> = {
  examples: [0, MAX_COUNT],
  tokens: [0, MAX_COUNT],
  gpus: [1, MAX_GPUS],
};

function listValues(values: readonly string[]): string {
  return values.length <= 8 ? values.join(', ') : `${values.slice(0, 6).join(', ')}, …`;
}

/** Parses a query string (with or without "?") or URLSearchParams. Never throws. */
export function parseSelectorParams(search: string | URLSearchParams): ParsedParams {
  const given: Partial<Record<InputKey, string | number>> = {};
  const notices: Notice[] = [];
  let params: URLSearchParams;
  try {
    params =
      typeof search === 'string' ? new URLSearchParams(search.startsWith('?') ? search.slice(1) : search) : search;
  } catch {
    return {
      given: {},
      notices: [{ param: '', value: String(search), message: 'The link could not be read; using defaults.' }],
    };
  }
  const seen = new Set<string>();
  for (const [param, rawValue] of params) {
    const value = rawValue.trim();
    if (!(INPUT_KEYS as readonly string[]).includes(param)) {
      notices.push({ param, value, message: `Unknown parameter "${param}" ignored.` });
      continue;
    }
    const key = param as InputKey;
    if (seen.has(key)) {
      notices.push({ param, value, message: `Repeated parameter "${param}" ignored; the first value is used.` });
      continue;
    }
    seen.add(key);
    const values = ENUMS[key];
    if (values) {
      const v = value.toLowerCase();
      const allowed = values();
      if (allowed.includes(v)) given[key] = v;
      else
        notices.push({
          param,
          value,
          message: `"${value}" is not a valid ${param} (${listValues(allowed)}); ignored.`,
        });
      continue;
    }
    const limits = LIMITS[key];
    const n = parseCount(value);
    if (limits && n !== null && n >= limits[0] && n <= limits[1]) given[key] = n;
    else {
      notices.push({
        param,
        value,
        message: `"${value}" is not a valid ${param} (a whole number${limits ? ` from ${limits[0]}` : ''}); ignored.`,
      });
    }
  }
  return { given: given as Partial<SelectorInput>, notices };
}

/** The full selector input a URL describes (defaults for what it does not give), with notices. */
export function inputFromParams(search: string | URLSearchParams, base: Partial<SelectorInput> = {}) {
  const { given, notices } = parseSelectorParams(search);
  return { input: normalizeInput({ ...base, ...given }), notices };
}

/** Query string (without "?") for an input: every parameter, in contract order. */
export function serializeSelectorParams(input: SelectorInput): string {
  const p = new URLSearchParams();
  for (const key of INPUT_KEYS) p.set(key, String(input[key]));
  return p.toString();
}
