// A PNG encoder for opaque-enough RGBA pixels: filter type 0 and zlib at level 1. resvg's own encoder (asPng) spends
// about twice as long per 1200×630 image on stronger compression; a preview image is fetched once per share, so a
// build that renders a thousand of them favours speed (about 40–90 kB per image either way).
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
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
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
