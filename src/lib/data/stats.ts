// The token-length figures of a sample at a sequence length: percentiles, totals, truncation, and how full the
// sequences a step processes are, packed or padded.
//
// Packing is TRL 1.9.0's default, SFTConfig(packing=True, packing_strategy="bfd")
// (https://github.com/huggingface/trl/blob/v1.9.0/trl/data_utils.py, `pack_dataset` and `_pack_bfd`): empty
// sequences are dropped, each sequence is truncated to seq ("bfd" truncates overflow), then, longest first, each goes
// into the open bin with the least room that still holds it (best-fit decreasing, found with a segment tree), or a new
// bin. pack_dataset runs as `dataset.map(batched=True)`, whose default batch is 1,000 examples
// (https://huggingface.co/docs/datasets/main/en/package_reference/main_classes#datasets.Dataset.map, batch_size), so
// bins never mix examples from two batches of 1,000 in file order.
//
// Efficiency is the share of the processed positions that hold a real token:
// - packed: kept tokens / (packed sequences × seq), every packed sequence counted at its full length seq;
// - padded: kept tokens / (examples × seq), each example padded to seq. TRL's collator pads to the longest example of
//   each batch instead, so padding really costs somewhere between none and this; it is the bound a fixed length gives.

/** `dataset.map`'s default batch_size, the unit pack_dataset packs in. */
export const PACK_BATCH = 1000;

/** The nearest-rank percentile (NIST/SEMATECH e-Handbook 7.2.6.2; Hyndman & Fan 1996 definition 1): the smallest
 *  length that at least p % of the examples do not exceed. Always an actual example's length. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** How many bins TRL's "bfd" packing fills with these (already truncated, non-empty) lengths, all of one batch. */
export function bfdBins(lengths: readonly number[], seq: number): number {
  const order = [...lengths].sort((a, b) => b - a);
  // The room left in open bins, distinct values ascending, with how many bins have each: which of two bins of equal
  // room takes a sequence does not change the bin count.
  const rooms: number[] = [];
  const count = new Map<number, number>();
  let bins = 0;
  const remove = (room: number) => {
    const n = (count.get(room) as number) - 1;
    if (n > 0) return count.set(room, n);
    count.delete(room);
    rooms.splice(lowerBound(rooms, room), 1);
  };
  const add = (room: number) => {
    const n = count.get(room) ?? 0;
    if (n === 0) rooms.splice(lowerBound(rooms, room), 0, room);
    count.set(room, n + 1);
  };
  for (const len of order) {
    const i = lowerBound(rooms, len);
    let room = seq;
    if (i < rooms.length) {
      room = rooms[i] as number;
      remove(room);
    } else bins++;
    if (room - len > 0) add(room - len);
  }
  return bins;
}

function lowerBound(xs: readonly number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface LengthStats {
  /** examples counted */
  count: number;
  p50: number;
  p95: number;
  max: number;
  /** tokens of every example, before truncation */
  total: number;
  /** examples longer than seq, and the tokens cut from them */
  truncatedExamples: number;
  truncatedTokens: number;
  /** total − truncatedTokens: what training sees at seq */
  kept: number;
  /** sequences of seq tokens that packing makes */
  packedSequences: number;
  /** kept / (packedSequences × seq), 0 when nothing is kept */
  packedEfficiency: number;
  /** kept / (count × seq), 0 when there are no examples */
  paddedEfficiency: number;
}

export function lengthStats(lengths: readonly number[], seq: number): LengthStats {
  const sorted = [...lengths].sort((a, b) => a - b);
  let total = 0;
  let kept = 0;
  let truncatedExamples = 0;
  for (const n of lengths) {
    total += n;
    kept += Math.min(n, seq);
    if (n > seq) truncatedExamples++;
  }
  let packedSequences = 0;
  for (let i = 0; i < lengths.length; i += PACK_BATCH) {
    const batch = lengths.slice(i, i + PACK_BATCH).filter((n) => n > 0);
    packedSequences += bfdBins(
      batch.map((n) => Math.min(n, seq)),
      seq,
    );
  }
  return {
    count: lengths.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? 0,
    total,
    truncatedExamples,
    truncatedTokens: total - kept,
    kept,
    packedSequences,
    packedEfficiency: packedSequences ? kept / (packedSequences * seq) : 0,
    paddedEfficiency: lengths.length ? kept / (lengths.length * seq) : 0,
  };
}

/** The calculator controls (URL names of src/lib/memory/parameters.ts `seq`, `tokens`, `examples`, `exampleTokens`)
 *  the panel's buttons set: the sequence length to the p95; for the time estimate, the mean tokens an example keeps at
 *  the sequence length (rounded: under half a token per example) with the dataset tokens cleared, so the estimate
 *  counts examples × that mean, and the examples to the sample's count unless the form already has a data set size. */
export function applyPatches(
  s: LengthStats,
  formExamples: number,
): { seq: Record<string, string>; tokens: Record<string, string>; mean: number } {
  const mean = s.count > 0 ? Math.round(s.kept / s.count) : 0;
  return {
    seq: { seq: String(s.p95) },
    tokens: { tokens: '0', 'example-tokens': String(mean), ...(formExamples > 0 ? {} : { examples: String(s.count) }) },
    mean,
  };
}
