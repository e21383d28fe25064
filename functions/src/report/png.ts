// PNG encoding of a paletted image: indexed colour (one byte a pixel) up to 256 colours, as the charts are, else RGB.
import { crc32, deflateSync } from "node:zlib";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** `px` holds one index into `palette` (0xRRGGBB colours) a pixel, row by row. */
export function encodePng(
  width: number,
  height: number,
  palette: readonly number[],
  px: Uint16Array,
): Buffer {
  const indexed = palette.length <= 256;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = indexed ? 3 : 2;
  const parts = [SIGNATURE, chunk("IHDR", header)];
  const bytes = indexed ? 1 : 3;
  // Rows of `bytes` bytes a pixel, each after its filter byte (0: none, the best for flat colours).
  const raw = Buffer.alloc((width * bytes + 1) * height);
  if (indexed) {
    const plte = Buffer.alloc(palette.length * 3);
    for (const [i, c] of palette.entries()) plte.writeUIntBE(c, i * 3, 3);
    parts.push(chunk("PLTE", plte));
    for (let y = 0; y < height; y++)
      raw.set(px.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  } else
    for (let y = 0, at = 0; y < height; y++) {
      raw[at++] = 0;
      for (let i = y * width; i < (y + 1) * width; i++, at += 3)
        raw.writeUIntBE(palette[px[i] as number] as number, at, 3);
    }
  // Level 4: 3 % more bytes than zlib's default (6) for 40 % less time, the largest cost of a chart's PNG; level 3
  // and below give 20 % more bytes, level 9 saves 6 % for fifteen times the time.
  parts.push(chunk("IDAT", deflateSync(raw, { level: 4 })), chunk("IEND", Buffer.alloc(0)));
  return Buffer.concat(parts);
}
