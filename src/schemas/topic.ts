import { z } from 'astro/zod';

/** A topic from content/topics.yaml (the key is its id). */
export const topicSchema = z.strictObject({
  /** Display name, e.g. "Parameter-efficient fine-tuning". */
  title: z.string().min(3),
  /** One line shown on the topic page and in lists. */
  description: z.string().min(20).max(200),
  /** Breadcrumb path shown above the card title, e.g. "AI & ML › Model Training". */
  category: z.string().min(3),
  /** Position in topic lists (1 first): the order a learner meets the topics. */
  order: z.number().int().min(1),
});

export type Topic = z.output<typeof topicSchema>;
