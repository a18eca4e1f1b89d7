import { parse as parseYaml } from 'yaml';
import { type CardData, makeCardSchema } from '../../schemas/card.ts';
import { seriesInfoSchema } from '../../schemas/series.ts';
import { topicSchema } from '../../schemas/topic.ts';
import type { DeckPolicy } from '../site/config.ts';
import { apiCheckIssues, sourceVersionCheck } from './api-libraries.ts';
import { checkCardPaths, decodeCardFile } from './file-checks.ts';
import { formatIssue } from './format-issue.ts';
import { countWords, splitFrontmatter } from './frontmatter.ts';
import { quizBalanceProblems } from './quiz-balance.ts';
import { placeholders } from './scaffold.ts';
import { staleVerifications } from './verified.ts';

/** One problem, located for the author: `content/cards/qlora.mdx: level: "expert" is not one of …`. */
export interface ContentProblem {
  file: string;
  field: string;
  message: string;
}

export interface SourceFile {
  /** Path as the author sees it, relative to the project root, e.g. `content/cards/qlora.mdx`. */
  path: string;
  /** The file's text, or its bytes: then its size, encoding and byte-order mark are checked too. */
  source: string | Uint8Array;
}

/** One problem `checkMdx` found in a body, at a 1-based line of the body. */
export interface MdxIssue {
  line: number;
  column?: number;
  message: string;
  /** `syntax`: the body does not parse; the others are read from the parsed body. */
  kind?: 'syntax' | 'component' | 'markup' | 'import';
}

export interface DeckInput {
  cards: SourceFile[];
  topics: SourceFile;
  series?: SourceFile;
  policy?: DeckPolicy;
  /**
   * The problems of a body: an MDX syntax error (then nothing else), a component the build renders with bad props
   * (a <Vram> prop), script-capable markup, an import of a missing file. `file` is the card's path as given in
   * `cards`. Injected to keep this pure.
   */
  checkMdx?: (body: string, file: string) => MdxIssue[];
  /** The folder the cards live in, as their paths spell it: cards elsewhere (a subfolder) are reported. */
  cardsDir?: string;
  /** Site routes (without base) that body links may point to besides cards, e.g. `calculator/`. */
  knownRoutes?: ReadonlySet<string>;
  /** The build's day (SITE_DATE or today, 00:00 UTC): `verified` entries are aged against it. Without it, no age check. */
  today?: Date;
}

export interface ValidCard {
  id: string;
  file: string;
  data: CardData;
  body: string;
  words: number;
}

export interface DeckResult {
  problems: ContentProblem[];
  /** Worth an author's attention but not a reason to stop the build, e.g. an API check older than the policy allows. */
  warnings: ContentProblem[];
  /** API checks still to do: libraries a card's code shows that the backlog in api-libraries.ts excuses for now. */
  pending: ContentProblem[];
  cards: ValidCard[];
}

export const formatProblem = (p: ContentProblem): string => `${p.file}: ${p.field}: ${p.message}`;

/** Card id from its file name: `content/cards/qlora.mdx` → `qlora`. */
export const cardIdFromPath = (path: string): string => (path.split('/').pop() ?? path).replace(/\.mdx?$/, '');

/** Drafts (`_name.mdx`) are never built, so they are never validated against the deck either. */
export const isDraft = (path: string): boolean => (path.split('/').pop() ?? '').startsWith('_');

const schema = makeCardSchema();

const text = (f: SourceFile) => (typeof f.source === 'string' ? f.source : new TextDecoder().decode(f.source));

function parseKeyed<T>(
  file: SourceFile,
  parse: (
    v: unknown,
  ) => { success: true; data: T } | { success: false; error: { issues: import('astro/zod').z.core.$ZodIssue[] } },
  problems: ContentProblem[],
): Map<string, T> {
  const out = new Map<string, T>();
  let raw: unknown;
  try {
    raw = parseYaml(text(file));
  } catch (e) {
    problems.push({
      file: file.path,
      field: 'yaml',
      message: `YAML syntax error: ${(e as Error).message.split('\n')[0]}`,
    });
    return out;
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ file: file.path, field: 'yaml', message: 'must be a mapping of id: { … } entries' });
    return out;
  }
  for (const [id, value] of Object.entries(raw)) {
    const r = parse(value);
    if (r.success) out.set(id, r.data);
    else
      for (const issue of r.error.issues) {
        const f = formatIssue(issue, value);
        problems.push({ file: file.path, field: `${id}.${f.field}`, message: f.message });
      }
  }
  return out;
}

/**
 * Validates the whole deck and reports every problem of every card in one pass (Astro itself stops at the first
 * bad file). Runs before the build renders anything and in `npm run check`.
 */
export function validateDeck(input: DeckInput): DeckResult {
  const problems: ContentProblem[] = [];
  const warnings: ContentProblem[] = [];
  const pending: ContentProblem[] = [];
  const topics = parseKeyed(input.topics, (v) => topicSchema.safeParse(v), problems);
  const series = input.series ? parseKeyed(input.series, (v) => seriesInfoSchema.safeParse(v), problems) : undefined;

  if (input.cardsDir)
    problems.push(
      ...checkCardPaths(
        input.cards.map((f) => f.path),
        input.cardsDir,
      ),
    );
  const files = input.cards
    .filter((f) => !isDraft(f.path) && /\.mdx$/.test(f.path))
    .sort((a, b) => a.path.localeCompare(b.path));
  const ids = new Set(files.map((f) => cardIdFromPath(f.path)));
  const valid: ValidCard[] = [];

  for (const file of files) {
    const id = cardIdFromPath(file.path);
    const add = (field: string, message: string) => problems.push({ file: file.path, field, message });
    let source: string;
    if (typeof file.source === 'string') source = file.source;
    else {
      const decoded = decodeCardFile(file.path, file.source, input.policy?.maxCardBytes);
      problems.push(...decoded.problems);
      source = decoded.source;
    }
    const split = splitFrontmatter(source);
    for (const e of split.errors) {
      const [field, ...rest] = e.split(': ');
      add(field ?? 'frontmatter', rest.join(': '));
    }
    if (input.checkMdx) {
      for (const err of input.checkMdx(split.body, file.path)) {
        const line = err.line + split.bodyLine - 1;
        if (err.kind === 'syntax' || err.kind === undefined)
          add('body', `MDX syntax error at line ${line}, column ${err.column ?? 1}: ${err.message}`);
        else add('body', `line ${line}: ${err.message}`);
      }
    }
    if (split.data === undefined) continue;
    for (const p of placeholders(split.data, split.body, split.bodyLine)) add(p.field, p.message);

    const r = schema.safeParse(split.data);
    if (!r.success) {
      for (const issue of r.error.issues) {
        const f = formatIssue(issue, split.data);
        add(f.field, f.message);
      }
    }
    // Cross-references are checked on the raw data too, so one run reports them alongside schema problems.
    const raw = split.data as Record<string, unknown>;
    if (typeof raw.topic === 'string' && !topics.has(raw.topic)) {
      add(
        'topic',
        `"${raw.topic}" is not a topic in ${input.topics.path} (known topics: ${[...topics.keys()].join(', ')})`,
      );
    }
    if (Array.isArray(raw.related)) {
      for (const d of repeats(raw.related))
        add(`related[${d.index}]`, `"${d.value}" is already listed as related[${d.first}]: list each card once`);
      raw.related.forEach((rel, i) => {
        if (rel === id) add(`related[${i}]`, `a card cannot be related to itself: remove "${rel}"`);
        else if (typeof rel === 'string' && !ids.has(rel))
          add(`related[${i}]`, `"${rel}" is not a card: there is no content/cards/${rel}.mdx (check the spelling)`);
      });
    }
    if (series && raw.series && typeof raw.series === 'object') {
      const sid = (raw.series as { id?: unknown }).id;
      if (typeof sid === 'string' && !series.has(sid)) {
        add(
          'series.id',
          `"${sid}" is not a series in ${input.series?.path} (known series: ${[...series.keys()].join(', ')})`,
        );
      }
    }
    const words = countWords(split.body);
    const policy = input.policy;
    if (policy) {
      if (words < policy.minWords || words > policy.maxWords) {
        add('body', `has ${words} words: cards must have ${policy.minWords}–${policy.maxWords} words of prose`);
      }
      if (Array.isArray(raw.related) && raw.related.length < policy.minRelated) {
        add('related', `lists ${raw.related.length} cards: link at least ${policy.minRelated} related cards`);
      } else if (raw.related === undefined && policy.minRelated > 0) {
        add('related', `missing: link at least ${policy.minRelated} related cards`);
      }
      if (policy.requireQuiz && raw.quiz === undefined)
        add('quiz', 'missing: every card ends with a quiz (question, choices of { text, why }, answer)');
      if (Array.isArray(raw.tags) && (raw.tags.length < policy.minTags || raw.tags.length > policy.maxTags)) {
        add('tags', `has ${raw.tags.length} tags: use ${policy.minTags}–${policy.maxTags}`);
      }
    }
    for (const link of internalLinks(split.body)) {
      const target = link.replace(/^\/+/, '').replace(/[?#].*$/, '');
      const card = /^cards\/([^/]+)\/?$/.exec(target);
      const ok = card
        ? ids.has(card[1] ?? '')
        : (input.knownRoutes?.has(target.endsWith('/') || target === '' ? target : `${target}/`) ?? true);
      if (!ok) add('body', `links to ${link}, which is not a page of this site`);
    }
    if (r.success) {
      // Code that shows a library's API says which release it was checked against.
      const api = apiCheckIssues(id, split.body, r.data.verified);
      for (const p of api.problems) add(p.field, p.message);
      for (const w of api.pending) pending.push({ file: file.path, ...w });
    }
    // A checked API links its library's pages at the release it was checked against, not at main or latest.
    if (r.success) {
      const links = sourceVersionCheck(id, r.data.sources, r.data.verified);
      for (const w of links.warnings) warnings.push({ file: file.path, ...w });
      for (const w of links.pending) pending.push({ file: file.path, ...w });
      for (const p of links.problems) add(p.field, p.message);
    }
    const maxAge = input.policy?.maxVerifiedAgeMonths;
    if (r.success && r.data.verified && input.today && maxAge !== undefined)
      for (const w of staleVerifications(r.data.verified, input.today, maxAge))
        warnings.push({ file: file.path, field: `verified[${w.index}].date`, message: w.message });
    if (r.success) valid.push({ id, file: file.path, data: r.data, body: split.body, words });
  }

  // Deck-wide rules zod cannot see from one file.
  unique(valid, (c) => c.data.title.trim().toLowerCase(), 'title', problems);
  if (input.policy) unique(valid, (c) => c.data.summary.trim().toLowerCase(), 'summary', problems);
  checkSeries(valid, problems);
  if (input.policy?.quiz) {
    const quizzes = valid.flatMap((c) => (c.data.quiz ? [{ file: c.file, quiz: c.data.quiz }] : []));
    problems.push(...quizBalanceProblems(quizzes, input.policy.quiz));
  }

  const bad = new Set(problems.map((p) => p.file));
  // Grouped by file (stable, so each file's problems keep their order), as authors fix them one file at a time.
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { problems, warnings, pending, cards: valid.filter((c) => !bad.has(c.file)) };
}

function unique(
  cards: ValidCard[],
  key: (c: ValidCard) => string,
  field: 'title' | 'summary',
  problems: ContentProblem[],
) {
  const groups = new Map<string, ValidCard[]>();
  for (const c of cards) groups.set(key(c), [...(groups.get(key(c)) ?? []), c]);
  // The checker cannot know which copy is the intended one, so every claimant hears about the others.
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const c of group) {
      const others = group
        .filter((o) => o !== c)
        .map((o) => o.file)
        .join(', ');
      problems.push({
        file: c.file,
        field,
        message: `"${c.data[field]}" is also the ${field} of ${others}: each card needs its own ${field}`,
      });
    }
  }
}

function checkSeries(cards: ValidCard[], problems: ContentProblem[]) {
  const byId = new Map<string, ValidCard[]>();
  for (const c of cards) if (c.data.series) byId.set(c.data.series.id, [...(byId.get(c.data.series.id) ?? []), c]);
  for (const [sid, members] of byId) {
    const parts = new Map<number, ValidCard[]>();
    for (const c of members) {
      const part = c.data.series?.part ?? 0;
      parts.set(part, [...(parts.get(part) ?? []), c]);
    }
    for (const [part, claimants] of parts) {
      if (claimants.length < 2) continue;
      for (const c of claimants) {
        const others = claimants
          .filter((o) => o !== c)
          .map((o) => o.file)
          .join(', ');
        problems.push({
          file: c.file,
          field: 'series.part',
          message: `part ${part} of series "${sid}" is also claimed by ${others}: give each card its own part`,
        });
      }
    }
    const max = Math.max(...parts.keys());
    for (let p = 1; p <= max; p++) {
      if (!parts.has(p)) {
        const after = [...parts.entries()].sort(([a], [b]) => a - b).find(([k]) => k > p)?.[1]?.[0];
        problems.push({
          file: after?.file ?? members[0]?.file ?? '',
          field: 'series.part',
          message: `series "${sid}" has no part ${p} (parts are ${[...parts.keys()].sort((a, b) => a - b).join(', ')}): number parts 1, 2, 3… without gaps`,
        });
      }
    }
  }
}

/** Entries of a list that repeat an earlier one, with the index of that first one. */
function repeats(list: unknown[]): { index: number; first: number; value: unknown }[] {
  const seen = new Map<unknown, number>();
  const out: { index: number; first: number; value: unknown }[] = [];
  list.forEach((value, index) => {
    const first = seen.get(value);
    if (first === undefined) seen.set(value, index);
    else out.push({ index, first, value });
  });
  return out;
}

/** Site-internal links in a body: Markdown `](/…)` and JSX/HTML `href="/…"`. External links are not checked here. */
function internalLinks(body: string): string[] {
  const out: string[] = [];
  for (const m of body.matchAll(/\]\((\/[^)\s]*)\)|href=["'](\/[^"']*)["']/g)) out.push((m[1] ?? m[2]) as string);
  return out;
}
