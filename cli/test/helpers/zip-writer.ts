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

export function zipArchive(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.stored.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.stored.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.stored);
    centrals.push(central, name);
    offset += local.length + name.length + e.stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
