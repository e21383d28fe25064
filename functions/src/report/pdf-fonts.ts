// The fonts as handed to pdfkit: parsed once per process, with their shaped runs kept across documents.
import type { Font, GlyphPosition, GlyphRun, Subset } from "fontkit";
import { fontFiles, fonts, type Weight } from "./fonts.ts";
import { GlyphSource, LeanSubset } from "./pdf-subset.ts";

/** Enough for every word of thousands of reports; cleared when full rather than grown without end. */
const MAX_RUNS = 50_000;

/** No ligatures: "fi" stays two letters, so the PDF's text copies, searches and reads aloud as written. */
const NO_LIGATURES = { liga: false, clig: false };

/**
 * Shaping with DejaVu's GSUB/GPOS tables is most of a PDF's cost and pdfkit caches runs per document
 * only, while the reports share most of their words. pdfkit rescales a run's positions in place, so
 * each call gets fresh copies of them.
 */
function sharedShaping(font: Font, file: Buffer): Font {
  const glyphs = new GlyphSource(file);
  const runs = new Map<string, { glyphs: GlyphRun["glyphs"]; positions: GlyphPosition[] }>();
  const shaped = Object.create(font) as Font;
  shaped.layout = (text, features) => {
    const asked = Array.isArray(features)
      ? Object.fromEntries(features.map((f) => [f, true]))
      : features;
    const key = asked ? `${JSON.stringify(asked)}\u0000${text}` : text;
    let run = runs.get(key);
    if (!run) {
      if (runs.size >= MAX_RUNS) runs.clear();
      const fresh = font.layout(text, { ...asked, ...NO_LIGATURES });
      run = { glyphs: fresh.glyphs, positions: fresh.positions.map(copy) };
      runs.set(key, run);
    }
    const positions = run.positions.map(copy);
    // Read by pdfkit once it has rescaled the positions, then again for each use of the run.
    let width: number | undefined;
    return {
      glyphs: run.glyphs,
      positions,
      get advanceWidth() {
        if (width === undefined) {
          width = 0;
          for (const p of positions) width += p.xAdvance;
        }
        return width;
      },
    } as GlyphRun;
  };
  // pdfkit subsets the font for each document, the way fontkit does but with each glyph's bytes read once.
  shaped.createSubset = () => new LeanSubset(glyphs) as unknown as Subset;
  return shaped;
}

const copy = (p: GlyphPosition): GlyphPosition =>
  ({
    xAdvance: p.xAdvance,
    yAdvance: p.yAdvance,
    xOffset: p.xOffset,
    yOffset: p.yOffset,
  }) as GlyphPosition;

let shared: Record<Weight, Font> | null = null;

/** The part of pdfkit's per-document font (EmbeddedFont) used here; @types/pdfkit does not describe it. */
interface EmbeddedFont {
  layout(text: string, features?: unknown, onlyWidth?: boolean): unknown;
}

/** pdfkit's layouts of whole strings (its words joined), per weight, shared by every document. */
const layouts: Record<Weight, Map<string, unknown>> = { regular: new Map(), bold: new Map() };

/**
 * Registers both weights with `doc` and lets its fonts share their string layouts across documents: pdfkit lays
 * out a string word by word, concatenating arrays, for each measure and again to write it; the result depends only
 * on the font (the size scales it afterwards) and pdfkit only reads it. Bold first: it is the first font used, F1.
 */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const weight of ["bold", "regular"] as const) {
    doc.registerFont(weight, pdfFont(weight));
    const font = (doc.font(weight) as unknown as { _font: EmbeddedFont })._font;
    const own = font.layout.bind(font);
    const cache = layouts[weight];
    font.layout = (text, features, onlyWidth) => {
      if (features) return own(text, features, onlyWidth);
      let run = cache.get(text);
      if (run === undefined) {
        if (cache.size >= MAX_RUNS) cache.clear();
        run = own(text);
        cache.set(text, run);
      }
      return run;
    };
  }
}

/**
 * pdfkit also takes a parsed fontkit font (its font factory checks for `layout`), which
 * @types/pdfkit does not list, hence the string type.
 */
export function pdfFont(weight: Weight): string {
  shared ??= {
    regular: sharedShaping(fonts().regular, fontFiles().regular),
    bold: sharedShaping(fonts().bold, fontFiles().bold),
  };
  return shared[weight] as unknown as string;
}
