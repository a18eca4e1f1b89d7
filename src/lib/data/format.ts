// Which of TRL's SFT data set formats an example is, read as TRL 1.9.0's SFTTrainer reads it
// (https://github.com/huggingface/trl/blob/v1.9.0/trl/trainer/sft_trainer.py, `_prepare_dataset` and its
// `tokenize_fn`; the formats are listed in docs/source/dataset_formats.md of the same tag):
// - "prompt" in the example: prompt-completion (checked first, as tokenize_fn does); conversational when the prompt is
//   a list of messages (trl/data_utils.py `is_conversational`: a list whose first item is a dict with "role");
// - else "messages": conversational language modeling; "conversations" with from/value is converted to it first
//   (`maybe_convert_to_chatml`: from → role, value → content);
// - else "text" (SFTConfig.dataset_text_field's default): standard language modeling.
import type { JsonlRow, LineError } from './jsonl.ts';

export interface Message {
  role: string;
  content: unknown;
  [key: string]: unknown;
}
export type Example =
  | { kind: 'text'; text: string }
  | { kind: 'prompt-completion'; prompt: string; completion: string }
  | { kind: 'messages'; messages: Message[] }
  | { kind: 'chat-prompt-completion'; prompt: Message[]; completion: Message[] };
export type Kind = Example['kind'];

/** The name of each format in messages, as the TRL documentation calls it. */
export const KIND_NAMES: Readonly<Record<Kind, string>> = {
  text: 'language modeling (text)',
  'prompt-completion': 'prompt-completion',
  messages: 'conversational (messages)',
  'chat-prompt-completion': 'conversational prompt-completion',
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A list of messages with a string role each (`from`/`value` renamed as maybe_convert_to_chatml does), or a reason. */
function messagesOf(v: unknown, key: string): Message[] | string {
  if (!Array.isArray(v) || v.length === 0) return `"${key}" is not a non-empty list of messages`;
  const out: Message[] = [];
  for (const [i, m] of v.entries()) {
    if (!isObject(m)) return `"${key}"[${i}] is not an object`;
    const { from, value, ...rest } = m;
    const msg = { ...rest, ...(from !== undefined && !('role' in m) ? { role: from } : {}) } as Record<string, unknown>;
    if (value !== undefined && !('content' in m)) msg.content = value;
    if (typeof msg.role !== 'string') return `"${key}"[${i}] has no "role" string`;
    out.push(msg as Message);
  }
  return out;
}

/** The example in one JSONL row, or why TRL's SFTTrainer could not read it. */
export function exampleOf(value: unknown): Example | string {
  if (!isObject(value)) return 'not a JSON object';
  if ('prompt' in value) {
    const { prompt, completion } = value;
    if (!('completion' in value)) return 'has "prompt" but no "completion" (SFT needs both)';
    if (typeof prompt === 'string' && typeof completion === 'string')
      return { kind: 'prompt-completion', prompt, completion };
    if (Array.isArray(prompt)) {
      const p = messagesOf(prompt, 'prompt');
      const c = messagesOf(completion, 'completion');
      if (typeof p === 'string') return p;
      if (typeof c === 'string') return c;
      return { kind: 'chat-prompt-completion', prompt: p, completion: c };
    }
    return '"prompt" and "completion" are neither both strings nor lists of messages';
  }
  if ('messages' in value || 'conversations' in value) {
    const key = 'messages' in value ? 'messages' : 'conversations';
    const m = messagesOf(value[key], key);
    return typeof m === 'string' ? m : { kind: 'messages', messages: m };
  }
  if ('text' in value)
    return typeof value.text === 'string' ? { kind: 'text', text: value.text } : '"text" is not a string';
  return 'has none of "messages", "prompt" and "completion", or "text"';
}

export interface Examples {
  examples: { line: number; example: Example }[];
  /** the format of the first readable example: TRL reads a data set in one format */
  kind: Kind | null;
  errors: LineError[];
}

/** Reads every row; a row in another format than the first's is an error too (TRL decides by the first example). */
export function examplesOf(rows: readonly JsonlRow[]): Examples {
  const examples: Examples['examples'] = [];
  const errors: LineError[] = [];
  let kind: Kind | null = null;
  for (const { line, value } of rows) {
    const ex = exampleOf(value);
    if (typeof ex === 'string') {
      errors.push({ line, message: `line ${line}: ${ex}` });
      continue;
    }
    kind ??= ex.kind;
    if (ex.kind !== kind) {
      errors.push({ line, message: `line ${line}: ${KIND_NAMES[ex.kind]}, but the sample is ${KIND_NAMES[kind]}` });
      continue;
    }
    examples.push({ line, example: ex });
  }
  return { examples, kind, errors };
}
