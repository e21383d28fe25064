// The report PDF's thinner page content (pdf-text.ts: consecutive lines in one text object, without pdfkit's q/cm/Q
// wrapper around each; pdf-colours.ts: a colour written only when it changes) draws the same as pdfkit's own: same
// text read back, the same pages to poppler, with far fewer operators, and marked content still properly nested.
import { pdfObjects, pdfText } from "@barometre/testing/report-pdf-text";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { writeColoursOnce } from "../src/report/pdf-colours.ts";
import { registerFonts } from "../src/report/pdf-fonts.ts";
import { thinTextLines } from "../src/report/pdf-text.ts";
import { difference, renderPages } from "./support/pdf-render.ts";

const INK = "#1f2937";
const ACCENT = "#9d174d";
const PARAGRAPH =
  "Équilibre financier : « fonds associatifs » de 1 024 140,50 €, AVATAR Tokyo Wa — ça, Œuvre ; fréquentation ≥ 2 % ".repeat(
    3,
  );

/** The same drawing, with pdfkit's own writers or the thinner ones. */
function draw(thin: boolean): Promise<Buffer> {
  const doc = new PDFDocument({
    font: null as unknown as string,
    size: "A4",
    margin: 50,
    bufferPages: true,
    pdfVersion: "1.7",
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
  });
  registerFonts(doc);
  if (thin) {
    writeColoursOnce(doc);
    thinTextLines(doc);
  }
  doc.font("regular").fontSize(10).fillColor(INK).text(PARAGRAPH, 50, 50, { width: 300 });
  doc.font("bold").fontSize(14).fillColor(INK).text("AVATAR Tokyo Wa", 50, 200, { width: 300 });
  // A chart's way: shapes and labels inside one saved state, on the alphabetic baseline.
  doc.save();
  doc.rect(50, 240, 200, 40).fill(ACCENT);
  doc.moveTo(50, 300).lineTo(250, 310).lineWidth(1.5).dash(4, { space: 3 }).stroke(ACCENT);
  doc.undash();
  doc
    .font("regular")
    .fontSize(10.731067)
    .fillColor(ACCENT)
    .text("médiane 56", 60, 330, { lineBreak: false, baseline: "alphabetic" });
  doc.restore();
  // The colour in force again after the restore, then a new one.
  doc.font("regular").fontSize(9.5).fillColor(INK).text("Valeur 2018", 50, 360, { width: 200 });
  doc.fillColor(ACCENT).text("4,1 mois", 260, 360, { width: 200 });
  // Centred text is left to pdfkit.
  doc
    .fillColor(INK)
    .text("page 1 sur 1", 50, 780, { width: 495, align: "center", lineBreak: false });
  // A marked paragraph that runs on to a second page: pdfkit ends its marked content on the first page itself.
  doc.markContent("P");
  doc.text(PARAGRAPH.repeat(3), 50, 680, { width: 300 });
  doc.endMarkedContent();
  doc.end();
  return done;
}

/** Each page's operators, in order. */
function pages(pdf: Buffer): string[][] {
  return [...pdfObjects(pdf).values()]
    .map((o) => o.stream?.toString("latin1") ?? "")
    .filter((s) => s.startsWith("1 0 0 -1 0 "))
    .map((content) =>
      content
        .replace(/<<[^>]*>>/g, "")
        .split("\n")
        .map((line) => line.slice(line.lastIndexOf(" ") + 1))
        .filter((op) => /^[A-Za-z]+$/.test(op)),
    );
}

const count = (ops: readonly string[], op: string): number => ops.filter((o) => o === op).length;

/** Text objects and marked content nest (neither straddles the other) and no path is drawn inside a text object. */
function nested(ops: readonly string[]): boolean {
  const open: string[] = [];
  for (const op of ops) {
    if (op === "BT" || op === "BDC" || op === "BMC") open.push(op);
    else if (op === "ET" && open.pop() !== "BT") return false;
    else if (op === "EMC" && !["BDC", "BMC"].includes(open.pop() ?? "")) return false;
    else if (["m", "l", "re", "f", "S", "B", "q", "Q", "cm"].includes(op) && open.includes("BT"))
      return false;
  }
  return open.length === 0;
}

describe("the thinner page content", () => {
  it("reads back the same text in the same order as pdfkit's", async () => {
    const [own, thin] = await Promise.all([draw(false), draw(true)]);
    expect(pdfText(thin)).toBe(pdfText(own));
    expect(pdfText(thin)).toContain("AVATAR Tokyo Wa");
  });

  it("renders the same pages: at most a few edge pixels move, by rounding positions to 1/100 pt", async () => {
    const [own, thin] = await Promise.all([draw(false), draw(true)]);
    const [a, b] = [renderPages(own), renderPages(thin)];
    expect(b.length).toBe(a.length);
    for (const [i, page] of a.entries()) {
      const { pixels } = difference(page, b[i] as (typeof b)[number]);
      expect(pixels / page.grey.length).toBeLessThan(0.001);
    }
  });

  it("shares a text object between consecutive lines, writes no save or flip around them, and a colour only when it changes", async () => {
    const [own, thin] = await Promise.all([draw(false), draw(true)]);
    const [o, t] = [pages(own), pages(thin)];
    expect(t.length).toBe(2);
    expect(o.length).toBe(2);
    const [first, second] = t as [string[], string[]];
    // The paragraph and the heading after it (no colour change between them); the label inside the saved state;
    // "Valeur 2018"; "4,1 mois" after its colour; the centred line (pdfkit's own); the marked paragraph.
    expect(count(first, "BT")).toBe(6);
    expect(count(o[0] as string[], "BT")).toBeGreaterThan(20);
    // The page's flip, and the centred line's own, written by pdfkit.
    expect(count(first, "cm")).toBe(2);
    // INK (both headings), ACCENT (rectangle and label), nothing for INK brought back by the restore, ACCENT, INK.
    expect(count(first, "scn")).toBe(4);
    expect(count(o[0] as string[], "scn")).toBe(7);
    expect(count(first, "q")).toBe(2);
    // The marked paragraph goes on in one text object on the second page, in the marked content pdfkit reopens.
    expect(count(second, "BT")).toBe(1);
    expect(count(second, "Td")).toBeGreaterThan(3);
    for (const ops of [...t, ...o]) expect(nested(ops)).toBe(true);
  });
});
