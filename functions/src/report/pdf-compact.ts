// pdfkit's PDF rewritten with its small objects packed into one compressed object stream and a cross-reference
// stream (PDF 1.5): the tagged structure's hundreds of dictionaries (a Table, TR, TH, TD… per cell) and the
// 20-byte lines of the cross-reference table are most of a report's bytes, and compress tenfold.
import { deflateSync } from "node:zlib";

const latin1 = (s: string): Buffer => Buffer.from(s, "latin1");

/** pdfkit's trailer: the cross-reference table's offset, and its /Root, /Info and /ID; null for another layout. */
function trailer(text: string): { xref: number; keep: string } | null {
  const at = text.lastIndexOf("trailer");
  const xref = Number(/startxref\s+(\d+)/.exec(text.slice(at))?.[1]);
  const keep = ["Root", "Info", "ID"]
    .map((key) => new RegExp(`/${key} (\\d+ 0 R|\\[[^\\]]*\\])`).exec(text.slice(at))?.[0] ?? "")
    .join("\n");
  if (!Number.isFinite(xref) || !keep.includes("/Root") || !text.startsWith("xref", xref))
    return null;
  return { xref, keep };
}

/** Each object's number and bytes (from `N 0 obj` to `endobj`, also as Latin-1 text), from the cross-reference table. */
function objects(
  pdf: Buffer,
  text: string,
  xref: number,
): { id: number; offset: number; bytes: Buffer; body: string }[] {
  const lines = text.slice(xref).split("\n");
  const count = Number(lines[1]?.split(" ")[1]);
  const starts: { id: number; offset: number }[] = [];
  for (let id = 1; id < count; id++) {
    const [offset, , kind] = (lines[2 + id] ?? "").split(" ");
    if (kind === "n") starts.push({ id, offset: Number(offset) });
  }
  starts.sort((a, b) => a.offset - b.offset);
  return starts.map(({ id, offset }, i) => {
    const end = starts[i + 1]?.offset ?? xref;
    return { id, offset, bytes: pdf.subarray(offset, end), body: text.slice(offset, end) };
  });
}

/** The PDF compacted; one not laid out as pdfkit writes them is returned as it is (a report is never lost to this). */
export function compactPdf(pdf: Buffer): Buffer {
  const text = pdf.toString("latin1");
  const found = trailer(text);
  if (!found) return pdf;
  const { xref, keep } = found;
  const all = objects(pdf, text, xref);
  if (all.some((o) => !text.startsWith(`${o.id} 0 obj`, o.offset))) return pdf;
  // The header (%PDF-1.7 and its binary comment) as pdfkit wrote it.
  const parts: Buffer[] = [pdf.subarray(0, all[0]?.offset ?? 0)];
  let length = parts[0]?.length ?? 0;
  const write = (b: Buffer) => {
    parts.push(b);
    length += b.length;
  };
  const packedId = all.reduce((max, o) => Math.max(max, o.id), 0) + 1;
  const xrefId = packedId + 1;
  /** Per object: [type, field 2, field 3] of its cross-reference stream entry. */
  const entries = new Map<number, [number, number, number]>();
  const packed: { id: number; body: Buffer }[] = [];
  for (const o of all) {
    const head = `${o.id} 0 obj`;
    const body = o.body;
    // Streams stay where they are (already compressed); every other object goes into the object stream.
    if (/endstream\s*endobj\s*$/.test(body)) {
      entries.set(o.id, [1, length, 0]);
      write(o.bytes);
    } else {
      const value = body
        .slice(head.length)
        .replace(/endobj\s*$/, "")
        .trim();
      entries.set(o.id, [2, packedId, packed.length]);
      packed.push({ id: o.id, body: latin1(value) });
    }
  }
  let offset = 0;
  const index: string[] = [];
  for (const p of packed) {
    index.push(`${p.id} ${offset}`);
    offset += p.body.length + 1;
  }
  const header = latin1(`${index.join(" ")}\n`);
  const content = deflateSync(
    Buffer.concat([header, ...packed.flatMap((p) => [p.body, latin1("\n")])]),
  );
  entries.set(packedId, [1, length, 0]);
  write(
    latin1(
      `${packedId} 0 obj\n<< /Type /ObjStm /N ${packed.length} /First ${header.length} /Filter /FlateDecode /Length ${content.length} >>\nstream\n`,
    ),
  );
  write(content);
  write(latin1("\nendstream\nendobj\n"));
  const xrefAt = length;
  entries.set(xrefId, [1, xrefAt, 0]);
  // Fields of 1, 4 and 2 bytes: type, offset or object stream, generation or index.
  const table = Buffer.alloc(7 * (xrefId + 1));
  table.writeUInt16BE(0xffff, 5);
  for (const [id, [type, a, b]] of entries) {
    table[id * 7] = type;
    table.writeUInt32BE(a, id * 7 + 1);
    table.writeUInt16BE(b, id * 7 + 5);
  }
  const stream = deflateSync(table);
  write(
    latin1(
      `${xrefId} 0 obj\n<< /Type /XRef /Size ${xrefId + 1} /W [1 4 2] ${keep} /Filter /FlateDecode /Length ${stream.length} >>\nstream\n`,
    ),
  );
  write(stream);
  write(latin1(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`));
  return Buffer.concat(parts);
}
