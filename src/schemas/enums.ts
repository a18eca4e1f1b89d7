// The card enums, free of zod so browser scripts (the /cards/ filter) can import them without bundling a validator.
export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export const KINDS = ['knowledge', 'how-to', 'pitfall', 'comparison', 'checklist'] as const;
export type Level = (typeof LEVELS)[number];
export type Kind = (typeof KINDS)[number];
