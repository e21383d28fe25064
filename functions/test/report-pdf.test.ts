// The PDF: the vendored DejaVu Sans embedded, so accents, € and narrow no-break spaces print and read back as written.
import { formatEur, formatNumber, type Layout } from "@barometre/shared";
import { describe, expect, it } from "vitest";
import { fonts } from "../src/report/fonts.ts";
import { renderLayout } from "../src/report/index.ts";
import { measure } from "../src/report/text-outline.ts";
import { pdfObjects, pdfText } from "./report-pdf-text.ts";

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
});
