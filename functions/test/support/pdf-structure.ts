// A PDF's logical structure as poppler's pdfinfo reads it (the tool a PDF reader's accessibility layer rests on), and
// the text alternatives of its figures, read from the structure elements themselves.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pdfObjects } from "@barometre/testing/report-pdf-text";

export interface PdfStructure {
  /** pdfinfo's summary lines, e.g. { Tagged: "yes", "PDF version": "1.7" }. */
  info: Record<string, string>;
  /** `pdfinfo -struct-text`: the structure tree, each element's text below it. */
  tree: string;
}

export function pdfStructure(pdf: Buffer): PdfStructure {
  const dir = mkdtempSync(join(tmpdir(), "barometre-pdf-"));
  try {
    const file = join(dir, "report.pdf");
    writeFileSync(file, pdf);
    const info = Object.fromEntries(
      execFileSync("pdfinfo", [file], { encoding: "utf8" })
        .split("\n")
        .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1] as string, m[2] as string]),
    );
    const tree = execFileSync("pdfinfo", ["-struct-text", file], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    return { info, tree };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A PDF literal string's bytes: backslash escapes undone. */
function literalBytes(body: string): Buffer {
  const simple: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" };
  const out = body.replace(/\\([0-7]{1,3}|.)/gs, (_, e: string) =>
    /^[0-7]/.test(e) ? String.fromCharCode(Number.parseInt(e, 8)) : (simple[e] ?? e),
  );
  return Buffer.from(out, "latin1");
}

/** A text string: UTF-16BE after its byte order mark, else PDFDocEncoding (Latin-1 for what we write). */
function textString(bytes: Buffer): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString("utf16le");
  return bytes.toString("latin1");
}

/** The /Alt of every Figure structure element, in file order (pdfkit writes them in reading order). */
export function figureAlts(pdf: Buffer): string[] {
  const raw = [...pdfObjects(pdf).values()].map((o) => o.dict).join("\n");
  return [...raw.matchAll(/\/S \/Figure\s*\/Alt \(((?:\\.|[^\\)])*)\)/gs)].map((m) =>
    textString(literalBytes(m[1] as string)),
  );
}
