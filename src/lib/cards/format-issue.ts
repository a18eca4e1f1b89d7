import type { z } from 'astro/zod';
import { formatDay } from '../schedule/day.ts';

/** What to write when a required field is missing: the fix, in the author's terms. */
const REQUIRED_HINTS: Record<string, string> = {
  title: 'add a title of 8–90 characters',
  summary: 'add a one- or two-sentence summary of 40–280 characters',
  level: 'add one of beginner, intermediate, advanced',
  kind: 'add one of knowledge, how-to, pitfall, comparison, checklist',
  topic: 'add a topic id from content/topics.yaml',
  tags: 'add a list of 1–8 kebab-case tags, e.g. [lora, quantization]',
  publishedAt: 'add the publication date as YYYY-MM-DD',
  sources: 'add at least one source with a title and an https url',
  'sources.title': 'give the source a title',
  'sources.url': 'give the source an https url',
  'quiz.question': 'add the quiz question',
  'quiz.choices': 'add 2–5 choices, each { text, why }',
  'quiz.choices.text': "add the option's text",
  'quiz.choices.why': 'add why this option is right or wrong, in 1–2 sentences',
  'quiz.answer': 'add the 0-based index of the right choice',
  'series.id': 'add the series id',
  'series.part': 'add the part number (1, 2, …)',
};

/** Fields that were renamed or folded into others: an unknown key with a hint here says where its content goes. */
const MOVED_FIELDS: Record<string, string> = {
  'quiz.explanation':
    '"explanation" is gone: the right choice\'s why carries it now (quiz.choices[answer].why); give every other choice a why too',
};

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = data;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

function show(value: unknown): string {
  if (value instanceof Date) return formatDay(value);
  const s = JSON.stringify(value);
  return s === undefined ? String(value) : s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** `sources[0].url` for display; `sources.url` for hint lookup. */
function pathLabel(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );
}

/** Turns one zod issue into `field: message` written for card authors. */
export function formatIssue(issue: z.core.$ZodIssue, data: unknown): { field: string; message: string } {
  const path = issue.path;
  const field = pathLabel(path) || 'frontmatter';
  const value = valueAt(data, path);
  const hintKey = path
    .filter((k) => typeof k !== 'number')
    .map(String)
    .join('.');

  switch (issue.code) {
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      const only = issue.keys.length === 1 ? issue.keys[0] : undefined;
      const moved = only === undefined ? undefined : MOVED_FIELDS[hintKey ? `${hintKey}.${only}` : only];
      if (only !== undefined && moved) return { field: pathLabel([...path, only]), message: moved };
      return {
        field: only === undefined ? field : pathLabel([...path, only]),
        message: `unknown field ${keys}: remove it or check its spelling`,
      };
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String).join(', ');
      return { field, message: `${show(value)} is not one of ${allowed}` };
    }
    case 'invalid_type': {
      if (value === undefined) {
        return { field, message: `missing: ${REQUIRED_HINTS[hintKey] ?? `add ${field}`}` };
      }
      return { field, message: `${show(value)} is not valid: ${issue.message}` };
    }
    case 'too_small':
    case 'too_big': {
      const size =
        typeof value === 'string' || Array.isArray(value) ? ` (it has ${value.length})` : ` (got ${show(value)})`;
      return { field, message: `${issue.message}${size}` };
    }
    default: {
      // Messages written in full (they quote what they need) are printed as they are.
      if (issue.code === 'custom' && (issue.params as { verbatim?: boolean } | undefined)?.verbatim)
        return { field, message: issue.message };
      // Lead with the offending value so the author can find it, unless the message already names it.
      const v =
        value instanceof Date ? show(value) : value === undefined || typeof value === 'object' ? '' : show(value);
      const bare = v.replace(/^"|"$/g, '');
      const shown = v && !issue.message.includes(bare) ? `${v}: ` : '';
      return { field, message: `${shown}${issue.message}` };
    }
  }
}
