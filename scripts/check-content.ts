// `npm run check` part 2: validates every card of the deck (the same pass that runs before each build).
import site from '../site.config.mjs';
import { checkContentDir } from '../src/astro/content-checks.ts';
import { formatProblem } from '../src/lib/cards/validate.ts';

const result = checkContentDir(process.cwd(), site.contentDir, site.policy);
for (const w of result.warnings) console.warn(`warning: ${formatProblem(w)}`);
if (result.problems.length > 0) {
  for (const p of result.problems) console.error(formatProblem(p));
  console.error(
    `\n${result.problems.length} problem(s) in ${new Set(result.problems.map((p) => p.file)).size} file(s).`,
  );
  process.exit(1);
}
console.log(
  `${result.cards.length} cards checked: no problems${result.warnings.length > 0 ? `, ${result.warnings.length} warning(s)` : ''}.`,
);
if (result.pending.length > 0)
  console.log(
    `${result.pending.length} API check(s) still to do (src/lib/cards/api-libraries.ts): ${result.pending.map((p) => `${p.file.split('/').pop()} ${p.field === 'verified' ? (/shows (.+?),/.exec(p.message)?.[1] ?? '') : p.field}`).join('; ')}.`,
  );
