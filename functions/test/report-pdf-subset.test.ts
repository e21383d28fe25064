// The PDF's font subsets: a TrueType file that fontkit reads back with every glyph's outline and advance as in DejaVu Sans.
import { create, type Font } from "fontkit";
import { describe, expect, it } from "vitest";
import { fontFiles, fonts } from "../src/report/fonts.ts";
import { GlyphSource, LeanSubset } from "../src/report/pdf-subset.ts";

const TEXT = "Équilibre financier : 1 024 140,50 € ; « Œuvre », ça, à, î, ñ, ≥ 2 % — fin";

describe("the PDF's font subsets", () => {
  it("keep each glyph's outline and advance, accented letters (composites) and their components included", () => {
    for (const weight of ["regular", "bold"] as const) {
      const font = fonts()[weight];
      const subset = new LeanSubset(new GlyphSource(fontFiles()[weight]));
      const glyphs = font.layout(TEXT).glyphs;
      const ids = glyphs.map((g) => subset.includeGlyph(g.id));
      const read = create(subset.encode()) as Font;
      // Glyph 0 and at least one component of an accented letter, added by the subset itself.
      expect(read.numGlyphs).toBeGreaterThan(new Set(ids).size + 1);
      glyphs.forEach((g, i) => {
        const copy = read.getGlyph(ids[i] as number);
        expect(copy.path.toSVG(), `${weight} ${g.codePoints}`).toBe(g.path.toSVG());
        expect(copy.advanceWidth).toBe(g.advanceWidth);
      });
      expect(new Set(ids).size).toBeGreaterThan(20);
    }
  });
});
