// The compacted base of a population snapshot shard: its entries as one binary column set, which a new instance
// receives as a single Bytes value and reads as typed arrays, instead of decoding a field and a JSON text per member.
//
// Layout (format 1, little-endian), each column starting at a multiple of its element size:
//   u8 format, u8 width (values per entry), u16 0, u32 count
//   f64[count × width]  values (entry-major; 0 where the tag is not a number)
//   u32[count]          revision numbers
//   u16[count]          territory: index in the territory table, NO_TERRITORY for none
//   u8[count × width]   tags: NUMBER, NULL, FALSE, TRUE
//   u32 length, UTF-8   codes joined by "\n" (codes are [A-Z0-9-])
//   UTF-8               the territory table as a JSON array (to the end)
// Float64 keeps every double exactly (-0, the largest and smallest); a value that is not a number is a tag.

/** One structure's entry: its latest revision's number, group key and indicator values. */
export interface BaseEntry {
  code: string;
  number: number;
  territory: string | null;
  values: readonly (number | boolean | null)[];
}

/** A decoded base: entry i is codes[i], numbers[i], territoryOf(i) and valueOf(i, k). */
export interface BaseColumns {
  width: number;
  codes: string[];
  numbers: Uint32Array;
  territoryOf(i: number): string | null;
  valueOf(i: number, k: number): number | boolean | null;
}

const FORMAT = 1;
const HEADER = 8;
const NO_TERRITORY = 0xffff;
const NUMBER = 0;
const NULL = 1;
const FALSE = 2;
const TRUE = 3;

// Typed arrays use the machine's byte order; the layout is little-endian, as every machine Functions runs on.
if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1)
  throw new Error("L'instantané de population suppose une machine petit-boutiste.");

const align = (offset: number, size: number) => Math.ceil(offset / size) * size;

/** Offsets of the columns of `count` entries of `width` values. */
function layout(count: number, width: number) {
  const values = HEADER;
  const numbers = values + count * width * 8;
  const territories = numbers + count * 4;
  const tags = territories + count * 2;
  const text = align(tags + count * width, 4);
  return { values, numbers, territories, tags, text };
}

const tagOf = (v: number | boolean | null) =>
  typeof v === "number" ? NUMBER : v === null ? NULL : v ? TRUE : FALSE;

/** The bytes of entries that all have `width` values. */
export function encodeBase(entries: readonly BaseEntry[], width: number): Uint8Array {
  const count = entries.length;
  const at = layout(count, width);
  const territoryTable: string[] = [];
  const territoryIndex = new Map<string, number>();
  const codes = new TextEncoder().encode(entries.map((e) => e.code).join("\n"));
  const territoryOf = (t: string | null) => {
    if (t === null) return NO_TERRITORY;
    let i = territoryIndex.get(t);
    if (i === undefined) {
      i = territoryTable.push(t) - 1;
      territoryIndex.set(t, i);
    }
    return i;
  };
  const territoryColumn = entries.map((e) => territoryOf(e.territory));
  if (territoryTable.length >= NO_TERRITORY) throw new Error("too many territories for a base");
  const table = new TextEncoder().encode(JSON.stringify(territoryTable));
  const bytes = new Uint8Array(at.text + 4 + codes.length + table.length);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, FORMAT);
  view.setUint8(1, width);
  view.setUint32(4, count, true);
  const values = new Float64Array(bytes.buffer, at.values, count * width);
  const numbers = new Uint32Array(bytes.buffer, at.numbers, count);
  const territories = new Uint16Array(bytes.buffer, at.territories, count);
  const tags = new Uint8Array(bytes.buffer, at.tags, count * width);
  entries.forEach((e, i) => {
    if (e.values.length !== width) throw new Error(`entry ${e.code} has ${e.values.length} values`);
    numbers[i] = e.number;
    territories[i] = territoryColumn[i] as number;
    e.values.forEach((v, k) => {
      tags[i * width + k] = tagOf(v);
      if (typeof v === "number") values[i * width + k] = v;
    });
  });
  view.setUint32(at.text, codes.length, true);
  bytes.set(codes, at.text + 4);
  bytes.set(table, at.text + 4 + codes.length);
  return bytes;
}

/** The columns of a base as stored (any Uint8Array view: it is copied once, to align the columns). */
export function decodeBase(stored: Uint8Array): BaseColumns {
  const bytes = new Uint8Array(stored);
  const view = new DataView(bytes.buffer);
  if (bytes.length < HEADER || view.getUint8(0) !== FORMAT)
    throw new Error(`unknown population snapshot base format ${bytes[0]}`);
  const width = view.getUint8(1);
  const count = view.getUint32(4, true);
  const at = layout(count, width);
  const values = new Float64Array(bytes.buffer, at.values, count * width);
  const tags = new Uint8Array(bytes.buffer, at.tags, count * width);
  const territories = new Uint16Array(bytes.buffer, at.territories, count);
  const codesLength = view.getUint32(at.text, true);
  const decoder = new TextDecoder();
  const codesText = decoder.decode(bytes.subarray(at.text + 4, at.text + 4 + codesLength));
  const table = JSON.parse(decoder.decode(bytes.subarray(at.text + 4 + codesLength))) as string[];
  return {
    width,
    codes: count === 0 ? [] : codesText.split("\n"),
    numbers: new Uint32Array(bytes.buffer, at.numbers, count),
    territoryOf: (i) => {
      const t = territories[i] as number;
      return t === NO_TERRITORY ? null : (table[t] as string);
    },
    valueOf: (i, k) => {
      const j = i * width + k;
      const tag = tags[j];
      return tag === NUMBER ? (values[j] as number) : tag === NULL ? null : tag === TRUE;
    },
  };
}
