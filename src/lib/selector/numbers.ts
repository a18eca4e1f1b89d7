/** Counts and byte sizes as the selector writes and reads them (shared by the engine and the island's first load). */

/** Decimal gigabytes with one digit, as the memory model's formatBytes(bytes, 'GB', 1) writes them. */
export const gb = (bytes: number) =>
  `${(bytes / 1e9).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} GB`;

/** 500000000 → "500M", 3000 → "3,000": the count as the selector's texts write it. */
export function formatCount(n: number): string {
  if (n >= 1e9 && n % 1e8 === 0) return `${n / 1e9}B`;
  if (n >= 1e6 && n % 1e5 === 0) return `${n / 1e6}M`;
  return n.toLocaleString('en-US');
}

const SUFFIX: Record<string, number> = { '': 1, k: 1e3, m: 1e6, b: 1e9 };

/** "3000", "3,000", "500M", "1.5b" → integer; null when not a count. */
export function parseCount(raw: string): number | null {
  const m = /^(\d+(?:\.\d+)?)([kmb]?)$/i.exec(raw.trim().replace(/[,_]/g, ''));
  if (!m) return null;
  const v = Number(m[1]) * (SUFFIX[(m[2] ?? '').toLowerCase()] ?? 1);
  // Suffixes make binary fractions like 1.1M slightly inexact: allow a rounding error, never a real fraction.
  const r = Math.round(v);
  return Number.isFinite(v) && Math.abs(v - r) < 1e-6 * Math.max(1, r) ? r : null;
}
