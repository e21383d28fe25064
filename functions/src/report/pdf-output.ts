// pdfkit's output gathered as text and turned into bytes once: pdfkit makes a byte array of every line it writes
// (each drawing operator of a page, each line of each object) and pushes each object's lines through its stream one
// by one, which is a tenth of a report's cost in small allocations. The bytes are the same.

/** Text as pdfkit writes it: one byte a character (its low byte, as pdfkit's own conversion does). */
type Part = string | Uint8Array;

/** The members of pdfkit's stream objects used here (@types/pdfkit does not describe them). */
interface Reference {
  buffer: Part[] | Uint8Array;
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  write(chunk: Part): void;
  finalize(): void;
}

interface Internals {
  _offset: number;
  _write(data: Part): void;
  page: { content: Reference };
}

/** Consecutive text parts as one byte array, byte arrays as they are. */
function bytesOf(parts: readonly Part[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let from = 0;
  for (let i = 0; i <= parts.length; i++) {
    const p = parts[i];
    if (typeof p === "string") continue;
    if (from < i) out.push(Buffer.from(parts.slice(from, i).join(""), "latin1"));
    if (p) out.push(p);
    from = i + 1;
  }
  return out;
}

const patched = new WeakSet<object>();

/** Every stream object (pages, fonts…) keeps its lines as text until it is written. */
function gatherStreams(proto: Reference): void {
  if (patched.has(proto)) return;
  patched.add(proto);
  const finalize = proto.finalize;
  proto.write = function (this: Reference, chunk: Part) {
    const part = typeof chunk === "string" ? `${chunk}\n` : chunk;
    (this.buffer as Part[]).push(part);
    this.uncompressedLength += part.length;
    this.data.Length = (this.data.Length ?? 0) + part.length;
    if (this.compress) this.data.Filter = "FlateDecode";
  };
  proto.finalize = function (this: Reference) {
    if (Array.isArray(this.buffer)) this.buffer = bytesOf(this.buffer);
    finalize.call(this);
  };
}

/**
 * Makes `doc` keep what it writes instead of streaming it; call after its first page exists. The returned function
 * gives the whole PDF once the document has ended.
 */
export function gatherOutput(doc: PDFKit.PDFDocument): () => Buffer {
  const d = doc as unknown as Internals;
  gatherStreams(Object.getPrototypeOf(d.page.content) as Reference);
  const parts: Part[] = [];
  d._write = (data) => {
    const part = typeof data === "string" ? `${data}\n` : data;
    parts.push(part);
    d._offset += part.length;
  };
  return () => Buffer.concat(bytesOf(parts));
}
