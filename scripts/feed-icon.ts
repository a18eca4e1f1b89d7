// Writes the feed images to public/: the site logo (public/favicon.svg) as PNG, since RSS <image> must be a GIF,
// JPEG or PNG. feed-icon.png is 144x144 (the RSS 2.0 maximum width; also the JSON Feed favicon), feed-icon-512.png
// is the JSON Feed icon. No dependencies: a tiny rasteriser with 4x4 supersampling and a PNG encoder on node:zlib.
// Run: `npx node scripts/feed-icon.ts` (the output is committed; rerun only when the logo changes).
import { writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];
const BACKGROUND: Rgb = [0xff, 0xff, 0xff];
const ACCENT: Rgb = [0x43, 0x38, 0xca];

/** Whether (x, y) lies inside the rounded rectangle (all in the logo's 32x32 viewBox units). */
function inRoundedRect(x: number, y: number, rx: number, ry: number, w: number, h: number, r: number): boolean {
  if (x < rx || x > rx + w || y < ry || y > ry + h) return false;
  const dx = Math.max(rx + r - x, 0, x - (rx + w - r));
  const dy = Math.max(ry + r - y, 0, y - (ry + h - r));
  return dx * dx + dy * dy <= r * r;
}

/** Colour of the logo at a point: the outlined back card, then the filled front card at 85 % opacity. */
function shade(x: number, y: number): Rgb {
  let c: Rgb = BACKGROUND;
  const half = 1.25; // stroke-width 2.5
  const outline =
    inRoundedRect(x, y, 3 - half, 7 - half, 20 + 2 * half, 20 + 2 * half, 4 + half) &&
    !inRoundedRect(x, y, 3 + half, 7 + half, 20 - 2 * half, 20 - 2 * half, 4 - half);
  if (outline) c = ACCENT;
  if (inRoundedRect(x, y, 9, 3, 20, 20, 4)) {
    const a = 0.85;
    c = [c[0] * (1 - a) + ACCENT[0] * a, c[1] * (1 - a) + ACCENT[1] * a, c[2] * (1 - a) + ACCENT[2] * a];
  }
  return c;
}

function render(size: number): Buffer {
  const ss = 4;
  const scale = 32 / size;
  const raw = Buffer.alloc(size * (size * 3 + 1));
  for (let py = 0; py < size; py++) {
    const row = py * (size * 3 + 1);
    raw[row] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const [cr, cg, cb] = shade((px + (sx + 0.5) / ss) * scale, (py + (sy + 0.5) / ss) * scale);
          r += cr;
          g += cg;
          b += cb;
        }
      }
      const n = ss * ss;
      const o = row + 1 + px * 3;
      raw[o] = Math.round(r / n);
      raw[o + 1] = Math.round(g / n);
      raw[o + 2] = Math.round(b / n);
    }
  }
  return raw;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: truecolour RGB
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(render(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const [file, size] of [
  ['public/feed-icon.png', 144],
  ['public/feed-icon-512.png', 512],
] as const) {
  writeFileSync(file, png(size));
  console.log(`${file}: ${size}x${size}`);
}
