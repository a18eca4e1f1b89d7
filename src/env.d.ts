declare module '*.mjs';

// The linebreak package (Unicode line breaking, UAX #14) ships no types; the preview images' title layout uses this.
declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    /** The next place a line may (or, when `required`, must) break: the index of the character after it. */
    nextBreak(): { position: number; required: boolean } | null;
  }
}
