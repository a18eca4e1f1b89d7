import { z } from 'astro/zod';

/** Longest option text: an option is a short phrase, the reasoning goes in its `why`. */
export const CHOICE_TEXT_MAX = 160;
/** A `why` is one or two sentences. */
export const WHY_MIN = 20;
export const WHY_MAX = 320;

/**
 * Marks a message written in full for the author: `formatIssue` prints it as is instead of leading with the value
 * (the message already quotes what it needs).
 */
const verbatim = { verbatim: true } as const;

/** Whitespace collapsed and trimmed: what a reader sees, and what two options are compared on. */
export const choiceKey = (text: string): string => text.replace(/\s+/g, ' ').trim().toLowerCase();

const short = (text: string): string => {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 50 ? `${t.slice(0, 49)}…` : t;
};

/** One option of a quiz, with the reason it is right or wrong. */
export const choiceSchema = z.strictObject(
  {
    /** The option as the reader sees it: a short phrase or sentence, never blank. */
    text: z
      .string({ error: "an option's text must be a string" })
      .refine((s) => s.trim().length > 0, { error: 'blank: write the option, or remove the choice', params: verbatim })
      .refine((s) => s.length <= CHOICE_TEXT_MAX, {
        error: `too long: keep an option under ${CHOICE_TEXT_MAX} characters and put the reasoning in its why`,
      }),
    /**
     * Why this option is right (for the answer) or wrong (for every other option): 1–2 sentences of our own prose,
     * carrying a fact from the card's sources. Readers see it as feedback once they pick an option.
     */
    why: z
      .string({ error: 'why must be a string' })
      .refine((s) => s.trim().length >= WHY_MIN, {
        error: `too short: say in 1–2 sentences why this option is right or wrong (at least ${WHY_MIN} characters)`,
      })
      .refine((s) => s.length <= WHY_MAX, {
        error: `too long: keep a why to 1–2 sentences (at most ${WHY_MAX} characters)`,
      }),
    /**
     * Optional 0-based index into the card's `sources`: the source that backs this `why`. The card page links it
     * under the feedback. (The range is checked against the card's sources by `quizSourceIssues`.)
     */
    source: z
      .number({ error: "source must be the 0-based index of one of the card's sources, e.g. 0" })
      .int({ error: "source must be the 0-based index of one of the card's sources, e.g. 0" })
      .min(0, { error: "source must be the 0-based index of one of the card's sources, e.g. 0" })
      .optional(),
  },
  { error: 'each choice is { text, why }: the option, and why it is right or wrong' },
);

/**
 * A one-question check at the end of a card. On the card page the reader picks an option and sees its `why` and the
 * answer's; without JavaScript the answer opens with <details>.
 */
export const quizSchema = z
  .strictObject({
    /** The question, phrased to test practice (what you would do or expect), not recall of a paper's trivia. */
    question: z
      .string({ error: 'quiz needs a question' })
      .min(10, { error: 'quiz question is too short (min 10 characters)' }),
    /** 2–5 options, each with its own `why`; every option differs from the others. */
    choices: z
      .array(choiceSchema, { error: 'quiz choices must be a list of { text, why }' })
      .min(2, { error: 'quiz needs at least 2 choices' })
      .max(5, { error: 'quiz allows at most 5 choices' }),
    /** 0-based index of the right choice; its `why` is the explanation of the answer. */
    answer: z.number({ error: 'quiz answer must be the 0-based index of the right choice' }).int(),
  })
  .superRefine((quiz, ctx) => {
    if (quiz.answer < 0 || quiz.answer >= quiz.choices.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['answer'],
        message: `${quiz.answer} is out of range: use an index from 0 to ${quiz.choices.length - 1} (0 is the first choice)`,
      });
    }
    const seen = new Map<string, number>();
    quiz.choices.forEach((c, i) => {
      const key = choiceKey(c.text);
      if (key === '') return;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else
        ctx.addIssue({
          code: 'custom',
          path: ['choices', i, 'text'],
          message: `duplicate of choice ${first} (${JSON.stringify(short(quiz.choices[first]?.text ?? ''))}): every option must differ`,
          params: verbatim,
        });
    });
  });

/**
 * Problems of a quiz that only the card can see: a `source` index past the card's sources. Paths are relative to
 * the card (`quiz.choices[1].source`).
 */
export function quizSourceIssues(
  quiz: { choices: readonly { source?: number }[] },
  sourceCount: number,
): { path: (string | number)[]; message: string }[] {
  // A card without sources already fails on `sources`; every index would be out of range, which says nothing new.
  if (sourceCount === 0) return [];
  const range = sourceCount === 1 ? '1 source (0)' : `${sourceCount} sources (0–${sourceCount - 1})`;
  return quiz.choices.flatMap((c, i) =>
    c.source !== undefined && c.source >= sourceCount
      ? [{ path: ['quiz', 'choices', i, 'source'], message: `${c.source} is out of range: this card has ${range}` }]
      : [],
  );
}

export type Quiz = z.output<typeof quizSchema>;
