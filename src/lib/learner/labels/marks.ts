// Marks on cards in lists, and progress bars.

/** The marks cards carry in lists (and their accessible names). */
export const MARK_LABELS = { understood: 'Understood', read: 'Read', due: 'Due for review' } as const;

export const progressText = (done: number, total: number): string => `${done} of ${total} understood`;
