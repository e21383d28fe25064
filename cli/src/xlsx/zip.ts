// Checks a zip archive from its central directory before anything inflates it: truncated files and zip bombs are refused.
import { inflateRawSync } from "node:zlib";

/** An .xlsx of the network weighs well under a megabyte; 60,000 rows of junk are about 15 MB of XML. */
export const ZIP_LIMITS = { maxEntries: 10_000, maxUncompressedBytes: 100 * 1024 * 1024 };

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's compressed bytes start in the archive. */
  dataOffset: number;
}

/** Why an archive is refused, as the end of a French sentence ("… : l'archive est tronquée"). */
export class ZipRefusal extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_MARK = 0xffffffff;
const TRUNCATED = "l'archive est tronquée ou endommagée";

function endOfCentralDirectory(bytes: Buffer): number {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (bytes.readUInt32LE(at) === EOCD) return at;
  }
  throw new ZipRefusal(TRUNCATED);
}

function entryAt(bytes: Buffer, at: number): { entry: ZipEntry; next: number } {
  if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw new ZipRefusal(TRUNCATED);
  const flags = bytes.readUInt16LE(at + 8);
  const method = bytes.readUInt16LE(at + 10);
  const compressedSize = bytes.readUInt32LE(at + 20);
  const uncompressedSize = bytes.readUInt32LE(at + 24);
  const nameLength = bytes.readUInt16LE(at + 28);
  const next = at + 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  const local = bytes.readUInt32LE(at + 42);
  if (next > bytes.length) throw new ZipRefusal(TRUNCATED);
  if (flags & 1) throw new ZipRefusal("le classeur est chiffré (protégé par un mot de passe)");
  if (compressedSize === ZIP64_MARK || uncompressedSize === ZIP64_MARK || local === ZIP64_MARK) {
    throw new ZipRefusal("le classeur est trop volumineux (format ZIP64)");
  }
  if (method !== 0 && method !== 8)
    throw new ZipRefusal("sa méthode de compression n'est pas prise en charge");
  if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL)
    throw new ZipRefusal(TRUNCATED);
  const dataOffset = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  if (dataOffset + compressedSize > bytes.length) throw new ZipRefusal(TRUNCATED);
  const name = bytes.toString("utf8", at + 46, at + 46 + nameLength);
  return { entry: { name, method, compressedSize, uncompressedSize, dataOffset }, next };
}

/** The entries as the central directory declares them, refused when they would expand beyond the limits. */
export function listZipEntries(bytes: Buffer, limits = ZIP_LIMITS): ZipEntry[] {
  if (bytes.length < 22) throw new ZipRefusal(TRUNCATED);
  const eocd = endOfCentralDirectory(bytes);
  const count = bytes.readUInt16LE(eocd + 10);
  const start = bytes.readUInt32LE(eocd + 16);
  if (count > limits.maxEntries) throw new ZipRefusal("l'archive contient trop de fichiers");
  const entries: ZipEntry[] = [];
  let total = 0;
  for (let at = start, i = 0; i < count; i++) {
    const { entry, next } = entryAt(bytes, at);
    total += entry.uncompressedSize;
    if (total > limits.maxUncompressedBytes) throw new ZipRefusal(tooLarge(limits));
    entries.push(entry);
    at = next;
  }
  return entries;
}

function tooLarge(limits: typeof ZIP_LIMITS): string {
  return `une fois décompressé, le classeur dépasserait ${Math.round(limits.maxUncompressedBytes / 1024 / 1024)} Mo`;
}

/**
 * Inflates each entry with its declared size as a hard cap, so an entry that lies about its size (a zip bomb
 * with a forged directory) stops at that cap instead of exhausting memory. Memory peaks at the largest entry.
 */
export function verifyZipEntries(bytes: Buffer, entries: readonly ZipEntry[]): void {
  for (const entry of entries) {
    const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) throw new ZipRefusal(TRUNCATED);
      continue;
    }
    let inflated: Buffer;
    try {
      inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (error) {
      const tooBig = error instanceof RangeError;
      throw new ZipRefusal(
        tooBig ? `« ${entry.name} » se décompresse au-delà de la taille annoncée` : TRUNCATED,
      );
    }
    if (inflated.length !== entry.uncompressedSize) throw new ZipRefusal(TRUNCATED);
  }
}
