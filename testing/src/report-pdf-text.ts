// Reads the text back out of a pdfkit PDF (inflated content streams, fonts decoded through their ToUnicode maps).
import { inflateSync } from "node:zlib";

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

/** The numbered objects, streams sliced by their /Length (binary font data may hold any bytes), object streams unpacked. */
export function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString("latin1");
  const found = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\s*/g;
  for (let m = header.exec(text); m; m = header.exec(text)) {
    const start = header.lastIndex;
    const end = text.indexOf("endobj", start);
    const at = text.indexOf("stream", start);
    if (at === -1 || at > end) {
      found.set(Number(m[1]), { dict: text.slice(start, end), stream: null });
      continue;
    }
    const dict = text.slice(start, at);
    const from = at + (text.startsWith("stream\r\n", at) ? 8 : 7);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
    const raw = Buffer.from(text.slice(from, from + length), "latin1");
    found.set(Number(m[1]), {
      dict,
      stream: dict.includes("/FlateDecode") ? inflateSync(raw) : raw,
    });
    header.lastIndex = text.indexOf("endobj", from + length);
  }
  // Objects packed in object streams: "number offset" pairs, then the objects from /First on.
  for (const { dict, stream } of [...found.values()]) {
    if (!stream || !dict.includes("/ObjStm")) continue;
    const first = Number(/\/First (\d+)/.exec(dict)?.[1]);
    const packed = stream.toString("latin1");
    const pairs = packed.slice(0, first).trim().split(/\s+/).map(Number);
    for (let i = 0; i < pairs.length; i += 2) {
      const from = first + (pairs[i + 1] as number);
      const to = i + 3 < pairs.length ? first + (pairs[i + 3] as number) : packed.length;
      found.set(pairs[i] as number, { dict: packed.slice(from, to), stream: null });
    }
  }
  return found;
}

const utf16 = (hex: string): string => {
  const clean = hex.replace(/\s+/g, "");
  let out = "";
  for (let i = 0; i < clean.length; i += 4)
    out += String.fromCharCode(Number.parseInt(clean.slice(i, i + 4), 16));
  return out;
};

/** Glyph code → text, from a ToUnicode CMap (bfchar and bfrange, both forms). */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of (block[1] as string).matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]*>)/g,
    )) {
      const lo = Number.parseInt(m[1] as string, 16);
      const hi = Number.parseInt(m[2] as string, 16);
      const target = m[3] as string;
      if (target.startsWith("[")) {
        const list = [...target.matchAll(/<([0-9a-fA-F\s]*)>/g)].map((t) => utf16(t[1] as string));
        for (const [i, s] of list.entries()) map.set(lo + i, s);
      } else {
        const first = utf16(target.slice(1, -1));
        for (let c = lo; c <= hi; c++)
          map.set(
            c,
            first.slice(0, -1) + String.fromCharCode(first.charCodeAt(first.length - 1) + c - lo),
          );
      }
    }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of (block[1] as string).matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g))
      map.set(Number.parseInt(m[1] as string, 16), utf16(m[2] as string));
  return map;
}

/** Every text line of the PDF in content order (one line per TJ/Tj run), decoded to Unicode. */
export function pdfText(pdf: Buffer): string {
  const all = pdfObjects(pdf);
  const fonts = new Map<string, Map<number, string>>();
  for (const { dict } of all.values())
    for (const m of dict.matchAll(/\/(F\d+)\s+(\d+) 0 R/g)) {
      const font = all.get(Number(m[2]));
      const ref = font && /\/ToUnicode\s+(\d+) 0 R/.exec(font.dict);
      const cmap = ref && all.get(Number(ref[1]))?.stream;
      if (cmap) fonts.set(m[1] as string, toUnicode(cmap.toString("latin1")));
    }
  const lines: string[] = [];
  for (const { stream } of all.values()) {
    if (!stream) continue;
    const content = stream.toString("latin1");
    if (!content.includes("BT")) continue;
    let font: Map<number, string> | undefined;
    for (const op of content.matchAll(
      /\/(F\d+)\s+[\d.]+\s+Tf|\[((?:<[0-9a-fA-F]*>|[^\]])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g,
    )) {
      if (op[1]) font = fonts.get(op[1]);
      else {
        const hex =
          op[2] !== undefined
            ? [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join("")
            : (op[3] as string);
        let line = "";
        for (let i = 0; i < hex.length; i += 4)
          line += font?.get(Number.parseInt(hex.slice(i, i + 4), 16)) ?? "\ufffd";
        lines.push(line);
      }
    }
  }
  return lines.join("\n");
}
