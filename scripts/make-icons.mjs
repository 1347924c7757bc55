// Writes the app's home-screen icons (web/public/icons/icon-{192,512}.png): the zone blue with a
// white chain link, drawn pixel by pixel and encoded as PNG with node:zlib — no image library, no
// network. Run again only to change the design: `node scripts/make-icons.mjs`.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const OUT = path.resolve(import.meta.dirname, '../web/public/icons');
const BLUE = [0x1d, 0x5b, 0xbf];
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** True where a stadium-shaped ring (one link of a chain) covers the point, in units of the icon. */
function onLink(x, y, cx, cy, halfLength, radius, stroke) {
  const dx = Math.max(Math.abs(x - cx) - halfLength, 0);
  const d = Math.hypot(dx, y - cy);
  return Math.abs(d - radius) <= stroke / 2;
}

function icon(size) {
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / size;
      const y = (py + 0.5) / size;
      // Two links, interlocking on the diagonal, inside the maskable safe zone (the inner 80 %).
      const u = (x + y) / Math.SQRT2 - 0.5 * Math.SQRT2;
      const v = (y - x) / Math.SQRT2;
      const white = onLink(u, v, -0.1, 0, 0.08, 0.1, 0.05) || onLink(u, v, 0.1, 0, 0.08, 0.1, 0.05);
      const [r, g, b] = white ? WHITE : BLUE;
      row[1 + px * 3] = r;
      row[2 + px * 3] = g;
      row[3 + px * 3] = b;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(OUT, { recursive: true });
for (const size of [192, 512]) fs.writeFileSync(path.join(OUT, `icon-${size}.png`), icon(size));
console.log(`icons written to ${path.relative(process.cwd(), OUT)}`);
