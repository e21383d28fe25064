// The PDF: the vendored DejaVu Sans embedded, so accents, € and narrow no-break spaces print and read back as written.
import { formatEur, formatNumber, type Layout } from "@barometre/shared";
import { pdfObjects, pdfText } from "@barometre/testing/report-pdf-text";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { fonts } from "../src/report/fonts.ts";
import { renderLayout } from "../src/report/index.ts";
import { compactPdf } from "../src/report/pdf-compact.ts";
import { measure } from "../src/report/text-outline.ts";

const SAMPLE = `Fonds associatifs : ${formatEur(1_024_140.5)} ; fréquentation : ${formatNumber(653_905)} ; Œuvre, ça, Égalité, « guillemets », ≥ 2 %`;

const layout: Layout = {
  title: "Baromètre des PIMMS 2018",
  subtitle: "Essai d'impression",
  subject: "Essai",
  fileStem: "barometre-essai",
  header: ["Définition — première ligne"],
  blocks: [
    { kind: "heading", level: 2, text: "Équilibre financier" },
    { kind: "paragraph", text: SAMPLE, strong: true },
    { kind: "facts", facts: [{ label: "Bande", value: SAMPLE, status: "red" }] },
    { kind: "paragraph", text: SAMPLE },
  ],
};

describe("the report PDF", () => {
  it("has a glyph for every character it prints", () => {
    for (const weight of ["regular", "bold"] as const)
      for (const ch of SAMPLE)
        expect(fonts()[weight].hasGlyphForCodePoint(ch.codePointAt(0) as number), ch).toBe(true);
  });

  it("embeds the font and reads back €, accents and U+202F exactly, in regular and bold, PDF after PDF", async () => {
    // Charts outline their labels first: an accented letter's outline asks the font for the plain
    // letter it is built from, which must not leave that letter without its Unicode in the PDF.
    for (const weight of ["regular", "bold"] as const)
      measure("Réseau, médiane, fréquentation", 12, weight);
    for (let round = 0; round < 3; round++) {
      const mail = await renderLayout(layout);
      const pdf = mail.attachments.find((a) => a.filename === "barometre-essai.pdf")
        ?.content as Buffer;
      const dicts = [...pdfObjects(pdf).values()].map((o) => o.dict).join("\n");
      expect(dicts).toMatch(/\/FontFile2 \d+ 0 R/);
      expect(dicts).toContain("+DejaVuSans-Bold");
      const lines = pdfText(pdf).split("\n");
      expect(lines).toContain("Définition — première ligne");
      // Each paragraph wraps, so compare the joined text of the three copies.
      const text = lines.join(" ").replace(/ +/g, " ");
      expect(text.split(SAMPLE.replace(/ +/g, " ")).length - 1, `round ${round}`).toBe(3);
      expect(text).toContain("1\u202f024\u202f140,50\u00a0€");
    }
  });

  it("packs pdfkit's objects into an object stream that reads back to the very same objects and text", async () => {
    const raw = await new Promise<Buffer>((resolve) => {
      const doc = new PDFDocument({ pdfVersion: "1.7", tagged: true, lang: "fr-FR" });
      const chunks: Buffer[] = [];
      doc.on("data", (c: Buffer) => chunks.push(c));
      doc.on("end", () => resolve(Buffer.concat(chunks)));
      const root = doc.struct("Document");
      doc.addStructure(root);
      for (let i = 0; i < 40; i++)
        root.add(doc.struct("P", {}, () => doc.text(`Ligne ${i} : médiane`)));
      root.end();
      doc.end();
    });
    const packed = compactPdf(raw);
    expect(packed.length).toBeLessThan(raw.length * 0.7);
    expect(packed.toString("latin1")).toContain("/Type /ObjStm");
    expect(packed.toString("latin1")).not.toMatch(/\nxref\n/);
    const before = pdfObjects(raw);
    const after = pdfObjects(packed);
    for (const [id, o] of before) {
      expect(after.get(id)?.dict.trim(), `object ${id}`).toBe(o.dict.trim());
      expect(after.get(id)?.stream ?? null).toEqual(o.stream);
    }
    expect(pdfText(packed)).toBe(pdfText(raw));
    const other = Buffer.from("%PDF-1.4\n%%EOF\n", "latin1");
    expect(compactPdf(other)).toBe(other);
  });
});
