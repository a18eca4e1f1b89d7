// The bad-card fixture deck, plus the cards that cannot be committed: two files whose names differ only by case would
// be one file in a checkout on a case-insensitive file system (macOS, Windows), so tests write them themselves.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const BAD_DECK = 'tests/fixtures/bad-cards';

/** `Lora.mdx` and `lora.mdx`: valid cards apart from their names, with their own titles and summaries. */
export function caseCollisionCards(): { name: string; text: string }[] {
  const good = readFileSync(join(BAD_DECK, 'cards/second-good.mdx'), 'utf8');
  return [
    ['Lora', 'capitalised'],
    ['lora', 'lower-case'],
  ].map(([stem, which]) => ({
    name: `${stem}.mdx`,
    text: good
      .replace(/^title: .*$/m, `title: "Fixture: ${which} case collision"`)
      .replace(/^summary: .*$/m, `summary: "The ${which} one of two card files whose names differ only by case."`),
  }));
}

/** A copy of the fixture deck with the case-collision cards added, for a build; returns its folder. */
export function writeBadDeck(dir = '.tmp/bad-cards-deck'): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(BAD_DECK, dir, { recursive: true });
  for (const c of caseCollisionCards()) writeFileSync(join(dir, 'cards', c.name), c.text);
  return dir;
}
