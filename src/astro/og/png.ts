// PNG encoders for the preview images. encodePng writes any RGBA image in one go. The preview images themselves are
// opaque and mostly the same from image to image (background, header, strip, the eyebrow line), so they are written
// as runs of rows, each deflated on its own: the runs shared by many images are compressed once (and harder), and an
// image deflates only the rows of its title. A zlib stream may be cut into byte-aligned pieces that each start afresh
// (RFC 1951 §3.2.3: blocks are independent when they do not refer back, and a sync flush ends on a byte boundary), so
// the pieces are concatenated behind one zlib header and closed with a final block and the Adler-32 of all rows,
// combined from each run's (zlib's adler32_combine). An image's own rows go last, so zlib writes their final block
// and their checksum. Filter type 0 and zlib level 1 for the rows drawn per
// image: a preview image is fetched once per share, so a build that renders a thousand of them favours speed.
import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function header(width: number, height: number, colourType: 2 | 6): Buffer {
  const h = Buffer.alloc(13);
  h.writeUInt32BE(width, 0);
  h.writeUInt32BE(height, 4);
  h[8] = 8; // bit depth
  h[9] = colourType; // 2: RGB, 6: RGBA
  return h;
}

/** PNG (8-bit RGBA, not interlaced) of `width × height` pixels given row by row, 4 bytes each. */
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  const stride = width * 4;
  if (rgba.length !== stride * height)
    throw new Error(`encodePng: ${rgba.length} bytes is not ${width}×${height} RGBA (${stride * height} bytes)`);
  const raw = Buffer.alloc((stride + 1) * height);
  const src = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.length);
  // Each row starts with its filter type byte (0: none), left at 0 by Buffer.alloc.
  for (let y = 0; y < height; y++) src.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header(width, height, 6)),
    chunk('IDAT', deflateSync(raw, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const ADLER_MOD = 65521;

/** Adler-32 (RFC 1950 §8) of `data`, as zlib computes it. */
export function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552 bytes is the most that can be summed before b may pass 2^32 (zlib's NMAX).
  for (let i = 0; i < data.length; ) {
    const end = Math.min(i + 5552, data.length);
    for (; i < end; i++) {
      a += data[i] as number;
      b += a;
    }
    a %= ADLER_MOD;
    b %= ADLER_MOD;
  }
  return ((b << 16) | a) >>> 0;
}

/** The Adler-32 of two byte strings one after the other, from theirs and the second's length (zlib's
 * adler32_combine). */
export function adler32Combine(first: number, second: number, secondLength: number): number {
  const rem = secondLength % ADLER_MOD;
  const a1 = first & 0xffff;
  const b1 = first >>> 16;
  const a2 = second & 0xffff;
  const b2 = second >>> 16;
  const a = (a1 + a2 + ADLER_MOD - 1) % ADLER_MOD;
  const b = (((rem * a1) % ADLER_MOD) + b1 + b2 + ADLER_MOD - rem) % ADLER_MOD;
  return ((b << 16) | a) >>> 0;
}

/** Rows of an opaque RGB PNG, deflated on their own: a piece of an image that several images may share. */
export interface PngRows {
  width: number;
  rows: number;
  /** Raw deflate blocks: ending in a sync flush (byte-aligned, not final), or with the stream's final block. */
  deflated: Buffer;
  /** Whether `deflated` ends the stream (only the last piece of an image may). */
  final: boolean;
  /** Adler-32 of the filtered rows (each a filter byte and `width` RGB pixels). */
  adler: number;
}

/** Writes `rgba` (rows of `blockWidth` RGBA pixels) as RGB into filtered RGB rows `width` pixels wide, starting at
 * column `x` of the first row. The pixels must be opaque: one whose alpha is not 255 throws, since RGB would lose it. */
export function pasteRgb(rows: Buffer, width: number, x: number, rgba: Uint8Array, blockWidth: number): void {
  const stride = width * 3 + 1;
  const height = rgba.length / (blockWidth * 4);
  if (!Number.isInteger(height) || x + blockWidth > width || rows.length < height * stride)
    throw new Error(
      `pasteRgb: ${rgba.length} bytes of ${blockWidth}-pixel rows do not fit at x ${x} in ${width} × ${rows.length / stride}`,
    );
  // One 32-bit read per pixel (little-endian: R in the low byte) is about a third faster than four byte reads.
  const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length / 4);
  let translucent = 0;
  for (let y = 0, s = 0; y < height; y++) {
    let d = y * stride + 1 + x * 3;
    for (const end = s + blockWidth; s < end; s++, d += 3) {
      const p = pixels[s] as number;
      translucent |= ~p >>> 24;
      rows[d] = p;
      rows[d + 1] = p >>> 8;
      rows[d + 2] = p >>> 16;
    }
  }
  if (translucent) throw new Error('pasteRgb: the pixels are not all opaque (alpha below 255), so RGB would lose them');
}

/** Paints `coverage` (rows of `blockWidth` bytes, 0–255) into filtered RGB rows `width` pixels wide from column `x`,
 * each covered pixel in the colour `shades` gives for its coverage (256 RGB triples); uncovered pixels keep theirs. */
export function paintCoverage(
  rows: Buffer,
  width: number,
  x: number,
  coverage: Uint8Array,
  blockWidth: number,
  shades: Uint8Array,
): void {
  const stride = width * 3 + 1;
  const height = coverage.length / blockWidth;
  if (!Number.isInteger(height) || x + blockWidth > width || rows.length < height * stride || shades.length !== 768)
    throw new Error(
      `paintCoverage: ${coverage.length} bytes of ${blockWidth}-pixel rows do not fit at x ${x} in ${width} × ${rows.length / stride}`,
    );
  for (let y = 0, s = 0; y < height; y++) {
    let d = y * stride + 1 + x * 3;
    for (const end = s + blockWidth; s < end; s++, d += 3) {
      const a = coverage[s] as number;
      if (a === 0) continue;
      rows[d] = shades[a * 3] as number;
      rows[d + 1] = shades[a * 3 + 1] as number;
      rows[d + 2] = shades[a * 3 + 2] as number;
    }
  }
}

/** Rows `y0` to `y1` (exclusive) of an opaque RGBA canvas `width` pixels wide, as filtered RGB rows (filter type 0). */
export function rgbRows(rgba: Uint8Array, width: number, y0: number, y1: number): Buffer {
  const rows = Buffer.alloc((width * 3 + 1) * (y1 - y0));
  pasteRgb(rows, width, 0, rgba.subarray(y0 * width * 4, y1 * width * 4), width);
  return rows;
}

/** Deflates filtered RGB rows (see rgbRows) into a piece for assemblePng; `level` is zlib's, 1 (fast) to 9. The last
 * piece of an image may be `final`: zlib then closes the stream and computes its Adler-32 natively. */
export function deflateRows(filtered: Buffer, width: number, level: number, final = false): PngRows {
  const stride = width * 3 + 1;
  if (filtered.length % stride !== 0)
    throw new Error(`deflateRows: ${filtered.length} bytes is not a whole number of ${width}-pixel RGB rows`);
  const rows = filtered.length / stride;
  if (!final)
    return {
      width,
      rows,
      final,
      deflated: deflateRawSync(filtered, { level, finishFlush: constants.Z_SYNC_FLUSH }),
      adler: adler32(filtered),
    };
  // A zlib stream: a 2-byte header, the blocks (the last one final), and the Adler-32 of the data.
  const z = deflateSync(filtered, { level });
  return { width, rows, final, deflated: z.subarray(2, -4), adler: z.readUInt32BE(z.length - 4) };
}

// An empty final block with fixed codes: what zlib writes for Z_FINISH after a flush.
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);
// CMF 0x78 (deflate, 32 kB window), FLG 0x01 (no dictionary, fastest level; 0x7801 is a multiple of 31).
const ZLIB_HEADER = Buffer.from([0x78, 0x01]);

/** An opaque RGB PNG (8 bits per channel) made of pieces of rows from top to bottom. */
export function assemblePng(width: number, height: number, pieces: PngRows[]): Buffer {
  const rows = pieces.reduce((n, p) => n + p.rows, 0);
  const wrong = pieces.find((p) => p.width !== width);
  if (wrong) throw new Error(`assemblePng: a piece is ${wrong.width} pixels wide, the image ${width}`);
  if (rows !== height) throw new Error(`assemblePng: the pieces hold ${rows} rows, the image has ${height}`);
  if (pieces.slice(0, -1).some((p) => p.final)) throw new Error('assemblePng: only the last piece may be final');
  const last = pieces.at(-1)?.final ? [] : [FINAL_BLOCK];
  const stride = width * 3 + 1;
  let adler = 1;
  for (const p of pieces) adler = adler32Combine(adler, p.adler, p.rows * stride);
  const check = Buffer.alloc(4);
  check.writeUInt32BE(adler, 0);
  const idat = Buffer.concat([ZLIB_HEADER, ...pieces.map((p) => p.deflated), ...last, check]);
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header(width, height, 2)),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
