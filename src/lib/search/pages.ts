// What search knows beyond the cards' own text: the pages that are not cards (the tools and the memory model), and
// the term each core card is the answer to.
import { routes } from '../site/routes.ts';

export interface SearchPage {
  /** Route of the page (routes.ts). */
  route: string;
  /** Shown on the result where a card shows its kind. */
  kind: string;
  /** Words readers look for the page by, indexed with its text (the page may not use them all). */
  keywords: string[];
}

export const SEARCH_PAGES: readonly SearchPage[] = [
  { route: routes.calculator(), kind: 'Tool', keywords: ['VRAM calculator', 'GPU memory calculator', 'calculator'] },
  {
    route: routes.selector(),
    kind: 'Tool',
    keywords: ['method selector', 'which fine-tuning method', 'VRAM', 'GPU memory', 'calculator'],
  },
  {
    route: routes.aboutMemory(),
    kind: 'Reference',
    keywords: ['memory model', 'VRAM estimate', 'GPU memory', 'calculator'],
  },
];

/**
 * The search term a card is the core card for: its id when the id is one word (`lora`, `qlora`, `dpo`), so a search
 * for the word ranks that card above the many that mention it. Multi-word ids (`lora-rank-and-alpha`) name a
 * narrower card and claim no term.
 */
export function coreSearchTerm(id: string): string | null {
  return /^[a-z0-9]+$/.test(id) ? id : null;
}
