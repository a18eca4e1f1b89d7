// The `verified` field of a card: the line the card page shows, and the deck policy's age check.
import type { Verified } from '../../schemas/verified.ts';
import { formatDay } from '../schedule/day.ts';

const joinAnd = (parts: string[]): string =>
  parts.length < 2 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;

/**
 * "API checked against TRL 1.9.0 and PEFT 0.20.0 on 2026-12-01"; entries checked on different days each carry
 * their own day: "API checked against TRL 1.9.0 on 2026-12-01 and PEFT 0.20.0 on 2026-11-02".
 */
export function verifiedLine(list: readonly Verified[]): string {
  if (list.length === 0) return '';
  const days = new Set(list.map((v) => formatDay(v.date)));
  const name = (v: Verified) => `${v.library} ${v.version}`;
  if (days.size === 1) return `API checked against ${joinAnd(list.map(name))} on ${[...days][0]}`;
  return `API checked against ${joinAnd(list.map((v) => `${name(v)} on ${formatDay(v.date)}`))}`;
}

/** The day `months` calendar months after `date` (UTC), clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(date.getUTCDate(), last)));
}

/** One verification older than the policy allows, with its index in the card's list. */
export interface StaleVerification {
  index: number;
  message: string;
}

/** Entries checked more than `maxAgeMonths` months before `today`, each with a message an author can act on. */
export function staleVerifications(list: readonly Verified[], today: Date, maxAgeMonths: number): StaleVerification[] {
  const out: StaleVerification[] = [];
  list.forEach((v, index) => {
    if (addMonths(v.date, maxAgeMonths).getTime() < today.getTime())
      out.push({
        index,
        message: `${v.library} ${v.version} was checked on ${formatDay(v.date)}, more than ${maxAgeMonths} months before ${formatDay(today)}: check the API against the current release and update this entry`,
      });
  });
  return out;
}
