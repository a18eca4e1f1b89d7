import { parse as parseYaml } from 'yaml';
import { type CardData, makeCardSchema } from '../../schemas/card.ts';
import { seriesInfoSchema } from '../../schemas/series.ts';
import { topicSchema } from '../../schemas/topic.ts';
import type { DeckPolicy } from '../site/config.ts';
import { formatIssue } from './format-issue.ts';
import { countWords, splitFrontmatter } from './frontmatter.ts';
import { quizBalanceProblems } from './quiz-balance.ts';
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
  source: string;
}

export interface DeckInput {
  cards: SourceFile[];
  topics: SourceFile;
  series?: SourceFile;
  policy?: DeckPolicy;
  /**
   * Returns the line, column and message of the first problem in a body, or null: an MDX syntax error, or with
   * kind `component` a component the build renders with bad props (a <Vram> prop). Injected to keep this pure.
   */
  checkMdx?: (body: string) => { line: number; column: number; message: string; kind?: 'syntax' | 'component' } | null;
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
  cards: ValidCard[];
}

export const formatProblem = (p: ContentProblem): string => `${p.file}: ${p.field}: ${p.message}`;

/** Card id from its file name: `content/cards/qlora.mdx` → `qlora`. */
export const cardIdFromPath = (path: string): string => (path.split('/').pop() ?? path).replace(/\.mdx?$/, '');

/** Drafts (`_name.mdx`) are never built, so they are never validated against the deck either. */
export const isDraft = (path: string): boolean => (path.split('/').pop() ?? '').startsWith('_');

const schema = makeCardSchema();

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
    raw = parseYaml(file.source);
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
  const topics = parseKeyed(input.topics, (v) => topicSchema.safeParse(v), problems);
  const series = input.series ? parseKeyed(input.series, (v) => seriesInfoSchema.safeParse(v), problems) : undefined;

  const files = input.cards.filter((f) => !isDraft(f.path)).sort((a, b) => a.path.localeCompare(b.path));
  const ids = new Set(files.map((f) => cardIdFromPath(f.path)));
  const valid: ValidCard[] = [];

  for (const file of files) {
    const id = cardIdFromPath(file.path);
    const add = (field: string, message: string) => problems.push({ file: file.path, field, message });
    const split = splitFrontmatter(file.source);
    for (const e of split.errors) {
      const [field, ...rest] = e.split(': ');
      add(field ?? 'frontmatter', rest.join(': '));
    }
    if (input.checkMdx) {
      const err = input.checkMdx(split.body);
      const line = err ? err.line + split.bodyLine - 1 : 0;
      if (err?.kind === 'component') add('body', `line ${line}: ${err.message}`);
      else if (err) add('body', `MDX syntax error at line ${line}, column ${err.column}: ${err.message}`);
    }
    if (split.data === undefined) continue;

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
  return { problems, warnings, cards: valid.filter((c) => !bad.has(c.file)) };
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

/** Site-internal links in a body: Markdown `](/…)` and JSX/HTML `href="/…"`. External links are not checked here. */
function internalLinks(body: string): string[] {
  const out: string[] = [];
  for (const m of body.matchAll(/\]\((\/[^)\s]*)\)|href=["'](\/[^"']*)["']/g)) out.push((m[1] ?? m[2]) as string);
  return out;
}
