// Display names of levels and kinds, alone in a module so browser code (the header search filters) can take them
// without the deck. The object order is the level order.
import type { Kind, Level } from '../../schemas/enums.ts';

export const LEVEL_LABELS: Record<Level, string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};
export const KIND_LABELS: Record<Kind, string> = {
  knowledge: 'Knowledge',
  'how-to': 'How-to',
  pitfall: 'Pitfall',
  comparison: 'Comparison',
  checklist: 'Checklist',
};
