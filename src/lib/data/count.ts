// Token counts of examples with the model's own tokenizer, as TRL 1.9.0's SFTTrainer makes its input_ids
// (https://github.com/huggingface/trl/blob/v1.9.0/trl/trainer/sft_trainer.py, `_prepare_dataset`):
// - text and prompt-completion: the tokenizer's EOS is appended unless the text already ends with it (`add_eos`), then
//   the text (prompt + completion) is tokenized with the tokenizer's special tokens (`processing_class(text=...)`);
// - messages and conversational prompt-completion: `apply_chat_template(messages, tokenize=True)` renders the chat
//   template and tokenizes the result without adding special tokens (the template writes them); a conversational
//   prompt-completion is rendered as prompt + completion.
// The tokenizer is @huggingface/tokenizers (tokenizer.json + tokenizer_config.json), the template runs in
// @huggingface/jinja with the variables transformers gives it: messages, add_generation_prompt=False and the special
// tokens (bos_token, eos_token, …) of tokenizer_config.json.
import { Template } from '@huggingface/jinja';
import { Tokenizer } from '@huggingface/tokenizers';
import type { Example, Message } from './format.ts';

/** Used when the model has no chat template: the ChatML template transformers applied by default before v4.43
 *  (PreTrainedTokenizerBase.default_chat_template, removed in 4.43, which now asks for a template instead). */
export const CHATML_FALLBACK =
  "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}";

/** What the reader is told when the fallback is used. */
export const FALLBACK_TEXT =
  'It has no chat template: messages are counted as ChatML (<|im_start|>role … <|im_end|>), the template transformers used by default before v4.43.';

const SPECIAL = ['bos_token', 'eos_token', 'unk_token', 'pad_token', 'sep_token', 'cls_token', 'mask_token'] as const;

/** A special token as tokenizer_config.json writes it: a string, or an AddedToken object with its content. */
function tokenText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null && typeof (v as { content?: unknown }).content === 'string')
    return (v as { content: string }).content;
  return null;
}

/** The chat template of tokenizer_config.json: a string, or a list of named ones of which "default" is used. */
export function configTemplate(config: Record<string, unknown>): string | null {
  const t = config.chat_template;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) {
    const d = t.find((x) => x?.name === 'default') ?? t[0];
    return typeof d?.template === 'string' ? d.template : null;
  }
  return null;
}

export interface TokenizerFiles {
  tokenizer: unknown;
  config: Record<string, unknown>;
  /** chat_template.jinja, for models that keep the template in its own file */
  chatTemplate?: string | null;
}

export interface Counter {
  /** the example's token count, or why it could not be counted */
  count(example: Example): number | string;
  /** where the chat template came from */
  template: 'model' | 'fallback';
  eos: string | null;
}

/** A counter for one tokenizer, or why its files could not be read. */
export function makeCounter(files: TokenizerFiles): Counter | string {
  const specials: Record<string, string> = {};
  for (const k of SPECIAL) {
    const t = tokenText(files.config[k]);
    if (t !== null) specials[k] = t;
  }
  let tokenizer: Tokenizer;
  try {
    tokenizer = new Tokenizer(files.tokenizer as object, { ...files.config, ...specials });
  } catch (e) {
    return `tokenizer.json could not be read: ${(e as Error).message}`;
  }
  const own = configTemplate(files.config) ?? files.chatTemplate ?? null;
  let template: Template;
  try {
    template = new Template(own ?? CHATML_FALLBACK);
  } catch (e) {
    return `the chat template could not be read: ${(e as Error).message}`;
  }
  const eos = specials.eos_token ?? null;
  const encode = (text: string, special: boolean) => tokenizer.encode(text, { add_special_tokens: special }).ids.length;
  const chat = (messages: Message[]) => template.render({ messages, add_generation_prompt: false, ...specials });
  const withEos = (s: string) => (eos && !s.endsWith(eos) ? s + eos : s);
  return {
    template: own ? 'model' : 'fallback',
    eos,
    count(ex) {
      try {
        switch (ex.kind) {
          case 'text':
            return encode(withEos(ex.text), true);
          case 'prompt-completion':
            return encode(ex.prompt + withEos(ex.completion), true);
          case 'messages':
            return encode(chat(ex.messages), false);
          case 'chat-prompt-completion':
            return encode(chat([...ex.prompt, ...ex.completion]), false);
        }
      } catch (e) {
        return `the chat template refused it (${(e as Error).message})`;
      }
    },
  };
}
