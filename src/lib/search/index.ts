// Pure search helpers: URL state, Pagefind wrapper, excerpt parsing and wording. No DOM here.
export * from './excerpt.ts';
export * from './format.ts';
export * from './pagefind.ts';
export * from './state.ts';
