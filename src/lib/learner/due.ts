// The reader's calendar day and the day a card falls due: all the on-load script and the review page share (a module
// both use becomes a chunk of its own, so it stays this small). Calendar arithmetic is in days.ts.

/** The reader's local calendar day `YYYY-MM-DD` of an instant (`Date` getters read the runtime's time zone). */
export function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The local day after the one `at` falls on (a local-date step, so daylight-saving changes cannot skip a day). */
export const nextLocalDay = (at: Date): string => localDay(new Date(at.getFullYear(), at.getMonth(), at.getDate() + 1));

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The local day from which an understood card is due: its FSRS due date once reviewed, else the day after it was
 * marked as understood. Takes raw stored values (the on-load script reads them unvalidated).
 */
export function dueDayOf(understood: string, review: unknown): string | undefined {
  const due = isObject(review) && typeof review.due === 'string' ? new Date(review.due) : undefined;
  if (due && !Number.isNaN(due.getTime())) return localDay(due);
  const at = new Date(understood);
  return Number.isNaN(at.getTime()) ? undefined : nextLocalDay(at);
}
