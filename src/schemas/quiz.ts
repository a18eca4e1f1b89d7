import { z } from 'astro/zod';

/** A one-question check at the end of a card; the answer is revealed with <details>, so it works without JS. */
export const quizSchema = z
  .strictObject({
    /** The question, phrased to test understanding rather than recall. */
    question: z
      .string({ error: 'quiz needs a question' })
      .min(10, { error: 'quiz question is too short (min 10 characters)' }),
    /** 2–5 answer choices. */
    choices: z
      .array(z.string().min(1, { error: 'a quiz choice cannot be empty' }), { error: 'quiz choices must be a list' })
      .min(2, { error: 'quiz needs at least 2 choices' })
      .max(5, { error: 'quiz allows at most 5 choices' }),
    /** 0-based index of the correct choice. */
    answer: z.number({ error: 'quiz answer must be the 0-based index of the right choice' }).int(),
    /** Why the answer is right (and the tempting wrong one is wrong). */
    explanation: z.string({ error: 'quiz needs an explanation' }).min(10, { error: 'quiz explanation is too short' }),
  })
  .superRefine((quiz, ctx) => {
    if (quiz.answer < 0 || quiz.answer >= quiz.choices.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['answer'],
        message: `${quiz.answer} is out of range: use an index from 0 to ${quiz.choices.length - 1} (0 is the first choice)`,
      });
    }
  });

export type Quiz = z.output<typeof quizSchema>;
