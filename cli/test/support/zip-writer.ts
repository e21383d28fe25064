// A minimal zip writer for tests: archives with hand-made entries, forged sizes and raw deflate streams (zip bombs).
import { constants, crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import { listZipEntries } from "../../src/xlsx/zip.ts";

export interface RawEntry {
  name: string;
  /** The bytes stored in the archive: deflated when `method` is 8. */
  stored: Buffer;
  method: 0 | 8;
  /** The uncompressed size and CRC the archive declares (a bomb may lie about them). */
  size: number;
  crc: number;
}

export function deflatedEntry(name: string, data: Buffer): RawEntry {
  return { name, stored: deflateRawSync(data), method: 8, size: data.length, crc: crc32(data) };
}

/** The entries of an existing archive, as stored. */
export function entriesOf(zip: Buffer): RawEntry[] {
  return listZipEntries(zip, { maxEntries: 1000, maxUncompressedBytes: 2 ** 32 }).map((e) => {
    const stored = zip.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    const data = e.method === 8 ? inflateRawSync(stored) : stored;
    return {
      name: e.name,
      stored,
      method: e.method as 0 | 8,
      size: e.uncompressedSize,
      crc: crc32(data),
    };
  });
}

/**
 * A raw deflate stream of `mebibytes` MiB of spaces, built from one flushed 1 MiB block repeated:
 * about 1 KiB per MiB, so gigabytes fit in a couple of megabytes without ever being held in memory.
 */
export function spacesStream(mebibytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1 << 20, 0x20), {
    finishFlush: constants.Z_FULL_FLUSH,
  });
  // A final, empty block with fixed Huffman codes ends the stream.
  return Buffer.concat([
    ...Array.from({ length: mebibytes }, () => block),
    Buffer.from([0x03, 0x00]),
  ]);
}

/** A zip header: its signature then little-endian fields given as [offset, width in bytes, value]. */
function header(length: number, signature: number, fields: [number, 2 | 4, number][]): Buffer {
  const out = Buffer.alloc(length);
  out.writeUInt32LE(signature, 0);
  for (const [at, width, value] of fields) {
    if (width === 2) out.writeUInt16LE(value, at);
    else out.writeUInt32LE(value >>> 0, at);
  }
  return out;
}

export function zipArchive(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    // method, crc, compressed size, uncompressed size, name length: at these offsets in both headers.
    const sizes = (base: number): [number, 2 | 4, number][] => [
      [base, 2, e.method],
      [base + 6, 4, e.crc],
      [base + 10, 4, e.stored.length],
      [base + 14, 4, e.size],
      [base + 18, 2, name.length],
    ];
    const local = header(30, 0x04034b50, [[4, 2, 20], ...sizes(8)]);
    const central = header(46, 0x02014b50, [[4, 2, 20], [6, 2, 20], ...sizes(10), [42, 4, offset]]);
    locals.push(local, name, e.stored);
    centrals.push(central, name);
    offset += local.length + name.length + e.stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = header(22, 0x06054b50, [
    [8, 2, entries.length],
    [10, 2, entries.length],
    [12, 4, directory.length],
    [16, 4, offset],
  ]);
  return Buffer.concat([...locals, directory, end]);
}
