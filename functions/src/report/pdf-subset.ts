// TrueType subsets for pdfkit: each glyph's outline read once per process from the font file, its hinting
// instructions dropped, and only the six tables a PDF font program needs (glyf, head, hhea, hmtx, loca, maxp).

/** Where each table of a TrueType file is. */
function tables(file: Buffer): Map<string, Buffer> {
  const found = new Map<string, Buffer>();
  for (let i = 0, at = 12; i < file.readUInt16BE(4); i++, at += 16) {
    const offset = file.readUInt32BE(at + 8);
    found.set(
      file.toString("latin1", at, at + 4),
      file.subarray(offset, offset + file.readUInt32BE(at + 12)),
    );
  }
  return found;
}

/** A glyph without its instructions; a composite one says where its components' glyph ids are. */
interface Outline {
  bytes: Buffer;
  components: { gid: number; at: number }[];
}

const MORE_COMPONENTS = 0x20;
const HAS_INSTRUCTIONS = 0x100;

/**
 * Hinting instructions are a third of DejaVu's glyph bytes and PDF viewers rasterise without them (pdf.js, Preview
 * and Acrobat use their own hinting), so the glyphs and the font programs that run them (fpgm, prep, cvt) are left out.
 */
function outline(glyph: Buffer): Outline {
  if (glyph.length === 0) return { bytes: glyph, components: [] };
  const contours = glyph.readInt16BE(0);
  if (contours >= 0) {
    const at = 10 + 2 * contours;
    const skip = glyph.readUInt16BE(at);
    return {
      bytes: Buffer.concat([glyph.subarray(0, at), Buffer.alloc(2), glyph.subarray(at + 2 + skip)]),
      components: [],
    };
  }
  const components: Outline["components"] = [];
  let at = 10;
  let flags = 0;
  let last = at;
  do {
    last = at;
    flags = glyph.readUInt16BE(at);
    components.push({ gid: glyph.readUInt16BE(at + 2), at: at + 2 });
    // Arguments (words or bytes), then a scale, an x and y scale or a 2×2 matrix.
    at += 4 + (flags & 0x1 ? 4 : 2) + (flags & 0x8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
  } while (flags & MORE_COMPONENTS);
  const bytes = Buffer.from(glyph.subarray(0, at));
  bytes.writeUInt16BE(flags & ~HAS_INSTRUCTIONS, last);
  return { bytes, components };
}

const checksum = (b: Buffer): number => {
  let sum = 0;
  for (let i = 0; i < b.length; i += 4)
    sum =
      (sum +
        ((b[i] ?? 0) * 0x1000000 +
          ((b[i + 1] ?? 0) << 16) +
          ((b[i + 2] ?? 0) << 8) +
          (b[i + 3] ?? 0))) >>>
      0;
  return sum;
};

/** A TrueType file of `list` ([tag, bytes], tags in ascending order), its head's checksum adjustment set. */
function sfnt(list: [string, Buffer][]): Buffer {
  const log = Math.floor(Math.log2(list.length));
  const header = Buffer.alloc(12 + 16 * list.length);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(list.length, 4);
  header.writeUInt16BE(16 * 2 ** log, 6);
  header.writeUInt16BE(log, 8);
  header.writeUInt16BE(16 * (list.length - 2 ** log), 10);
  const parts = [header];
  let offset = header.length;
  list.forEach(([tag, bytes], i) => {
    const padded = Buffer.alloc((bytes.length + 3) & ~3);
    bytes.copy(padded);
    header.write(tag, 12 + 16 * i, "latin1");
    header.writeUInt32BE(checksum(padded), 16 + 16 * i);
    header.writeUInt32BE(offset, 20 + 16 * i);
    header.writeUInt32BE(bytes.length, 24 + 16 * i);
    parts.push(padded);
    offset += padded.length;
  });
  const file = Buffer.concat(parts);
  const head = 20 + 16 * list.findIndex(([tag]) => tag === "head");
  file.writeUInt32BE((0xb1b0afba - checksum(file)) >>> 0, file.readUInt32BE(head) + 8);
  return file;
}

/** One font file's glyphs and metrics, read as subsets ask for them and kept for the process. */
export class GlyphSource {
  private readonly table: Map<string, Buffer>;
  private readonly outlines: (Outline | undefined)[] = [];

  constructor(file: Buffer) {
    this.table = tables(file);
  }

  private get(tag: string): Buffer {
    const found = this.table.get(tag);
    if (!found) throw new Error(`No ${tag} table in the font`);
    return found;
  }

  outline(gid: number): Outline {
    let found = this.outlines[gid];
    if (!found) {
      const loca = this.get("loca");
      const long = this.get("head").readInt16BE(50) === 1;
      const at = (i: number) => (long ? loca.readUInt32BE(4 * i) : 2 * loca.readUInt16BE(2 * i));
      found = outline(this.get("glyf").subarray(at(gid), at(gid + 1)));
      this.outlines[gid] = found;
    }
    return found;
  }

  /** [advance width, left side bearing], as hmtx stores them (the last advance repeats). */
  metrics(gid: number): [number, number] {
    const hmtx = this.get("hmtx");
    const full = this.get("hhea").readUInt16BE(34);
    if (gid < full) return [hmtx.readUInt16BE(4 * gid), hmtx.readInt16BE(4 * gid + 2)];
    return [hmtx.readUInt16BE(4 * (full - 1)), hmtx.readInt16BE(4 * full + 2 * (gid - full))];
  }

  /** Copies of the head, hhea and maxp tables, for a subset to set its own counts. */
  copy(tag: "head" | "hhea" | "maxp"): Buffer {
    return Buffer.from(this.get(tag));
  }
}

/** What pdfkit asks of fontkit's subsets: the subset's id of each glyph used, then the font program. */
export class LeanSubset {
  private readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();
  private readonly source: GlyphSource;

  constructor(source: GlyphSource) {
    this.source = source;
    // Glyph 0, the missing glyph, comes first in every TrueType font.
    this.includeGlyph(0);
  }

  includeGlyph(gid: number): number {
    let id = this.mapping.get(gid);
    if (id === undefined) {
      id = this.glyphs.push(gid) - 1;
      this.mapping.set(gid, id);
    }
    return id;
  }

  encode(): Buffer {
    const glyf: Buffer[] = [];
    const offsets: number[] = [];
    let offset = 0;
    // Composite glyphs add their components as they go, so the list grows during the loop.
    for (let i = 0; i < this.glyphs.length; i++) {
      const { bytes, components } = this.source.outline(this.glyphs[i] as number);
      const own = components.length > 0 ? Buffer.from(bytes) : bytes;
      for (const c of components) own.writeUInt16BE(this.includeGlyph(c.gid), c.at);
      offsets.push(offset);
      glyf.push(own);
      offset += own.length;
      // The short loca format counts in words.
      if (offset % 2) {
        glyf.push(Buffer.alloc(1));
        offset++;
      }
    }
    offsets.push(offset);
    const count = this.glyphs.length;
    const long = offset > 0x1fffe;
    const loca = Buffer.alloc((count + 1) * (long ? 4 : 2));
    for (const [i, o] of offsets.entries()) {
      if (long) loca.writeUInt32BE(o, 4 * i);
      else loca.writeUInt16BE(o / 2, 2 * i);
    }
    const hmtx = Buffer.alloc(4 * count);
    this.glyphs.forEach((gid, i) => {
      const [advance, bearing] = this.source.metrics(gid);
      hmtx.writeUInt16BE(advance, 4 * i);
      hmtx.writeInt16BE(bearing, 4 * i + 2);
    });
    const head = this.source.copy("head");
    head.writeUInt32BE(0, 8);
    head.writeInt16BE(long ? 1 : 0, 50);
    const hhea = this.source.copy("hhea");
    hhea.writeUInt16BE(count, 34);
    const maxp = this.source.copy("maxp");
    maxp.writeUInt16BE(count, 4);
    return sfnt([
      ["glyf", Buffer.concat(glyf)],
      ["head", head],
      ["hhea", hhea],
      ["hmtx", hmtx],
      ["loca", loca],
      ["maxp", maxp],
    ]);
  }
}
