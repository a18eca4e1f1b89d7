// Byte formatting. GB is decimal (10^9 bytes), GiB is binary (2^30 bytes); every figure says which.
export type ByteUnit = 'GB' | 'GiB';

export const BYTES_PER_UNIT: Record<ByteUnit, number> = { GB: 1e9, GiB: 2 ** 30 };

export function toUnit(bytes: number, unit: ByteUnit): number {
  return bytes / BYTES_PER_UNIT[unit];
}

/** formatBytes(107.8e9, 'GB') → "107.8 GB". */
export function formatBytes(bytes: number, unit: ByteUnit, digits = 1): string {
  const v = toUnit(bytes, unit);
  return `${v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`;
}
