/**
 * Draws the app's icon (an original drawing: a white page with text lines and a yellow star on a red rounded
 * square) and writes build/icon.png (256 px) and build/icon.ico (16, 24, 32, 48, 64, 128, 256 px, PNG-compressed
 * entries, which Windows Vista and later read). Plain Node, no image library: `node build/make-icon.mjs`.
 * The files are committed; run this again only to change the drawing.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const RED = [183, 28, 28];
const WHITE = [255, 255, 255];
const LINE = [120, 120, 130];
const STAR = [255, 202, 40];

/** The drawing in a unit square: the colour at (x, y) in [0,1]², or null outside the icon. */
function colourAt(x, y) {
  const r = 0.18; // corner radius of the background square
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  if (inStar(x, y, 0.72, 0.28, 0.16)) return STAR;
  const page = x > 0.2 && x < 0.66 && y > 0.16 && y < 0.86;
  if (!page) return RED;
  for (const ly of [0.34, 0.46, 0.58, 0.7]) if (y > ly && y < ly + 0.045 && x > 0.27 && x < (ly === 0.7 ? 0.48 : 0.59)) return LINE;
  return WHITE;
}

/** A five-pointed star centred at (cx, cy) with outer radius R. */
function inStar(x, y, cx, cy, R) {
  const dx = x - cx;
  const dy = y - cy;
  const d = Math.hypot(dx, dy);
  if (d > R) return false;
  const a = Math.atan2(dx, -dy); // 0 at the top point
  const sector = (2 * Math.PI) / 5;
  const t = Math.abs((((a % sector) + sector) % sector) - sector / 2) / (sector / 2); // 1 at a point, 0 between
  const inner = R * 0.42;
  return d <= inner + (R - inner) * t ** 1.6;
}

/** RGBA pixels of the icon at `size` px, 4×4 supersampled so small sizes stay smooth. */
function render(size) {
  const px = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let j = 0; j < size; j++)
    for (let i = 0; i < size; i++) {
      let rr = 0, gg = 0, bb = 0, aa = 0;
      for (let sj = 0; sj < n; sj++)
        for (let si = 0; si < n; si++) {
          const c = colourAt((i + (si + 0.5) / n) / size, (j + (sj + 0.5) / n) / size);
          if (!c) continue;
          rr += c[0]; gg += c[1]; bb += c[2]; aa += 1;
        }
      const o = (j * size + i) * 4;
      if (aa) {
        px[o] = Math.round(rr / aa);
        px[o + 1] = Math.round(gg / aa);
        px[o + 2] = Math.round(bb / aa);
      }
      px[o + 3] = Math.round((255 * aa) / (n * n));
    }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A PNG file (8-bit RGBA, no interlace) of the icon at `size` px. */
export function png(size) {
  const px = render(size);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let j = 0; j < size; j++) px.copy(raw, j * (size * 4 + 1) + 1, j * size * 4, (j + 1) * size * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** An ICO file holding one PNG entry per size (ICONDIR, ICONDIRENTRY × n, then the images). */
export function ico(sizes) {
  const images = sizes.map(png);
  const head = Buffer.alloc(6 + 16 * sizes.length);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2); // 1 = icon
  head.writeUInt16LE(sizes.length, 4);
  let offset = head.length;
  sizes.forEach((s, k) => {
    const e = 6 + 16 * k;
    head.writeUInt8(s >= 256 ? 0 : s, e); // 0 means 256
    head.writeUInt8(s >= 256 ? 0 : s, e + 1);
    head.writeUInt16LE(1, e + 4); // colour planes
    head.writeUInt16LE(32, e + 6); // bits per pixel
    head.writeUInt32LE(images[k].length, e + 8);
    head.writeUInt32LE(offset, e + 12);
    offset += images[k].length;
  });
  return Buffer.concat([head, ...images]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = new URL('.', import.meta.url);
  writeFileSync(new URL('icon.png', dir), png(256));
  writeFileSync(new URL('icon.ico', dir), ico([16, 24, 32, 48, 64, 128, 256]));
  console.log('build/icon.png, build/icon.ico written');
}
