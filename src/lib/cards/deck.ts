import { type Kind, LEVELS, type Level } from '../../schemas/enums.ts';
import type { Quiz } from '../../schemas/quiz.ts';
import type { Source } from '../../schemas/source.ts';
import type { SeriesInfo } from '../../schemas/series.ts';
import type { Topic } from '../../schemas/topic.ts';
import type { Verified } from '../../schemas/verified.ts';
import { formatDay } from '../schedule/day.ts';
import { learningOrder, orderSeries } from './order.ts';

export { KIND_LABELS, LEVEL_LABELS } from './labels.ts';
import { readingMinutes } from './words.ts';

/** A card as pages use it: plain data, references already resolved to ids. */
export interface DeckCard {
  id: string;
  title: string;
  summary: string;
  level: Level;
  kind: Kind;
  topic: string;
  tags: string[];
  related: string[];
  series?: { id: string; part: number };
  publishedAt: Date;
  updatedAt?: Date;
  sources: Source[];
  /** Library releases the card's API was checked against. */
  verified?: Verified[];
  quiz?: Quiz;
  words: number;
  readingMinutes: number;
}

export interface TopicEntry extends Topic {
  id: string;
}
export interface SeriesEntry extends SeriesInfo {
  id: string;
  cards: DeckCard[];
}
export interface TagEntry {
  id: string;
  cards: DeckCard[];
}

export interface Deck {
  /** Newest first (publishedAt, then title). */
  cards: DeckCard[];
  /** Every card in learning order (src/lib/cards/order.ts): beginner first, paths by part. */
  learningOrder: DeckCard[];
  byId: Map<string, DeckCard>;
  topics: TopicEntry[];
  topicById: Map<string, TopicEntry>;
  /** Each level's cards in learning order. */
  levels: { id: Level; cards: DeckCard[] }[];
  /** Alphabetical. */
  tags: TagEntry[];
  /** Learning paths, the beginner path first (orderSeries). */
  series: SeriesEntry[];
  /** The path a newcomer starts with: the first path, when its first part is a beginner card. */
  beginnerPath?: SeriesEntry;
  /** A topic's cards in learning order. */
  cardsOfTopic(id: string): DeckCard[];
  related(card: DeckCard): DeckCard[];
  /** Previous and next card in the card's series, if any. */
  neighbors(card: DeckCard): { series?: SeriesEntry; prev?: DeckCard; next?: DeckCard };
}

export const byNewest = (a: DeckCard, b: DeckCard): number =>
  b.publishedAt.getTime() - a.publishedAt.getTime() || a.title.localeCompare(b.title);

export function makeDeckCard(input: Omit<DeckCard, 'readingMinutes'>): DeckCard {
  return { ...input, readingMinutes: readingMinutes(input.words) };
}

/** Indexes a validated deck once per build; every page reads from this. */
export function buildDeck(input: {
  cards: DeckCard[];
  topics: TopicEntry[];
  series: (SeriesInfo & { id: string })[];
}): Deck {
  const cards = [...input.cards].sort(byNewest);
  const byId = new Map(cards.map((c) => [c.id, c]));
  const topics = [...input.topics].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const topicById = new Map(topics.map((t) => [t.id, t]));
  const byTag = group(cards, (c) => c.tags);
  const bySeries = group(cards, (c) => (c.series ? [c.series.id] : []));
  const series: SeriesEntry[] = orderSeries(
    input.series
      .map((s) => ({
        ...s,
        cards: [...(bySeries.get(s.id) ?? [])].sort((a, b) => (a.series?.part ?? 0) - (b.series?.part ?? 0)),
      }))
      .filter((s) => s.cards.length > 0),
  );
  const seriesById = new Map(series.map((s) => [s.id, s]));
  const ordered = [...cards].sort(
    learningOrder(
      series.map((s) => s.id),
      topics.map((t) => t.id),
    ),
  );
  const byTopic = group(ordered, (c) => [c.topic]);
  const first = series[0];

  return {
    cards,
    learningOrder: ordered,
    byId,
    topics,
    topicById,
    levels: LEVELS.map((id) => ({ id, cards: ordered.filter((c) => c.level === id) })),
    tags: [...byTag.entries()].map(([id, list]) => ({ id, cards: list })).sort((a, b) => a.id.localeCompare(b.id)),
    series,
    ...(first?.cards[0]?.level === 'beginner' ? { beginnerPath: first } : {}),
    cardsOfTopic: (id) => byTopic.get(id) ?? [],
    related: (card) => card.related.map((id) => byId.get(id)).filter((c): c is DeckCard => c !== undefined),
    neighbors(card) {
      const s = card.series ? seriesById.get(card.series.id) : undefined;
      if (!s) return {};
      const i = s.cards.findIndex((c) => c.id === card.id);
      return { series: s, prev: s.cards[i - 1], next: s.cards[i + 1] };
    },
  };
}

function group(cards: DeckCard[], keys: (c: DeckCard) => string[]): Map<string, DeckCard[]> {
  const out = new Map<string, DeckCard[]>();
  for (const c of cards) for (const k of keys(c)) out.set(k, [...(out.get(k) ?? []), c]);
  return out;
}

/** The filters of the /cards/ page; each dimension is optional. */
export interface CardFilter {
  topic?: string;
  level?: string;
  tag?: string;
}

export function matchesFilter(card: { topic: string; level: string; tags: readonly string[] }, f: CardFilter): boolean {
  return (
    (!f.topic || card.topic === f.topic) &&
    (!f.level || card.level === f.level) &&
    (!f.tag || card.tags.includes(f.tag))
  );
}

/** `2026-10-07` in UTC (the day pages' formatDay). */
export const isoDay = (d: Date): string => formatDay(d);

/** "7 October 2026", fixed to UTC and English so builds are reproducible. */
const HUMAN_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
export const humanDate = (d: Date): string => HUMAN_DATE.format(d);
