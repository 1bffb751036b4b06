// Writes the add-in's icons (public/assets/icon-N.png): a Fluent-blue rounded square with a white
// check mark, drawn per pixel with 4x4 supersampling and encoded as PNG with node:zlib only.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "public", "assets");
const SIZES = [16, 32, 64, 80, 128];
const BLUE = [15, 108, 189];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Colour of a point in the unit square: [r, g, b, a] */
function shade(x, y) {
  const r = 0.2, inset = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0) ** 2 + Math.max(Math.abs(y - 0.5) - (0.5 - r), 0) ** 2;
  if (inset > r * r) return [0, 0, 0, 0];
  const check = Math.min(distToSegment(x, y, 0.24, 0.52, 0.42, 0.7), distToSegment(x, y, 0.42, 0.7, 0.77, 0.32));
  return check < 0.075 ? [255, 255, 255, 255] : [...BLUE, 255];
}

function png(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) {
          const c = shade((x + (sx + 0.5) / 4) / size, (y + (sy + 0.5) / 4) / size);
          for (let i = 0; i < 3; i++) acc[i] += c[i] * c[3];
          acc[3] += c[3];
        }
      const a = acc[3] / 16;
      for (let i = 0; i < 3; i++) row[1 + x * 4 + i] = a ? Math.round(acc[i] / acc[3]) : 0;
      row[1 + x * 4 + 3] = Math.round(a);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header), chunk("IDAT", deflateSync(Buffer.concat(rows))), chunk("IEND", Buffer.alloc(0))]);
}

mkdirSync(out, { recursive: true });
for (const size of SIZES) writeFileSync(join(out, `icon-${size}.png`), png(size));
// The unified manifest's Teams-style icons: a 192x192 colour icon and a 32x32 white outline icon.
writeFileSync(join(out, "color.png"), png(192));
writeFileSync(join(out, "outline.png"), png(32));
console.log(`icons written to ${out}`);
