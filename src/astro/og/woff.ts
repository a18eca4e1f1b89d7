// WOFF 1.0 to the sfnt (TrueType/OpenType) it wraps, for HarfBuzz, which reads sfnt only. The format is a header, a
// table directory and each table zlib-compressed when that made it smaller (W3C WOFF 1.0, §4–§5:
// https://www.w3.org/TR/WOFF/#OverallStructure). The sfnt is rebuilt as OpenType lays it out: the offset table, one
// 16-byte record per table, then the tables, each padded to 4 bytes (https://learn.microsoft.com/typography/opentype/
// spec/otff#organization-of-an-opentype-font).
import { inflateSync } from 'node:zlib';

/** The sum of a table's big-endian 32-bit words, padded with zeros: OpenType's table checksum. */
export function tableChecksum(table: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < table.length; i += 4)
    sum =
      (sum +
        (((table[i] ?? 0) << 24) | ((table[i + 1] ?? 0) << 16) | ((table[i + 2] ?? 0) << 8) | (table[i + 3] ?? 0))) >>>
      0;
  return sum;
}

export function woffToSfnt(woff: Uint8Array): Buffer {
  const src = Buffer.from(woff.buffer, woff.byteOffset, woff.length);
  if (src.length < 44 || src.toString('latin1', 0, 4) !== 'wOFF') throw new Error('woffToSfnt: not a WOFF 1.0 file');
  const flavor = src.readUInt32BE(4);
  const numTables = src.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const tag = src.toString('latin1', at, at + 4);
    const offset = src.readUInt32BE(at + 4);
    const compLength = src.readUInt32BE(at + 8);
    const origLength = src.readUInt32BE(at + 12);
    const checksum = src.readUInt32BE(at + 16);
    const stored = src.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(stored) : stored;
    if (data.length !== origLength)
      throw new Error(`woffToSfnt: table ${tag} is ${data.length} bytes, the directory says ${origLength}`);
    return { tag, checksum, data };
  });
  // OpenType wants the records sorted by tag (readers search them by bisection); a WOFF's directory need not be.
  tables.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  // The offset table's binary-search fields (OpenType "Table Directory").
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  let offset = 12 + numTables * 16;
  const head = Buffer.alloc(offset);
  head.writeUInt32BE(flavor, 0);
  head.writeUInt16BE(numTables, 4);
  head.writeUInt16BE(searchRange, 6);
  head.writeUInt16BE(entrySelector, 8);
  head.writeUInt16BE(numTables * 16 - searchRange, 10);
  const body: Buffer[] = [];
  for (const [i, t] of tables.entries()) {
    const at = 12 + i * 16;
    head.write(t.tag, at, 'latin1');
    head.writeUInt32BE(t.checksum, at + 4);
    head.writeUInt32BE(offset, at + 8);
    head.writeUInt32BE(t.data.length, at + 12);
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    body.push(padded);
    offset += padded.length;
  }
  return Buffer.concat([head, ...body]);
}
