// Text measured and drawn as glyph outlines from the project's font, so rasterising needs no font loading at all.
import { fonts, type Weight } from "./fonts.ts";

interface GlyphShape {
  /** Id of its <path> in the SVG's <defs>, null for blank glyphs (spaces). */
  id: string | null;
  /** Outline in font units, y up. */
  d: string;
  advance: number;
}

const glyphs: Record<Weight, Map<number, GlyphShape>> = { regular: new Map(), bold: new Map() };

function glyph(weight: Weight, codePoint: number): GlyphShape {
  const cache = glyphs[weight];
  let shape = cache.get(codePoint);
  if (!shape) {
    const g = fonts()[weight].glyphForCodePoint(codePoint);
    const d = g.path.toSVG();
    shape = { id: d ? `${weight[0]}${codePoint}` : null, d, advance: g.advanceWidth };
    cache.set(codePoint, shape);
  }
  return shape;
}

const unitsPerEm = (weight: Weight): number => fonts()[weight].unitsPerEm;

/** Advance width of the text in pixels at `size` (no kerning: labels are short). */
export function measure(text: string, size: number, weight: Weight): number {
  let units = 0;
  for (const ch of text) units += glyph(weight, ch.codePointAt(0) as number).advance;
  return (units * size) / unitsPerEm(weight);
}

/** Collects the glyphs an SVG uses, each outline written once in <defs> and drawn with <use>. */
export class GlyphSheet {
  private readonly used = new Map<string, string>();

  /** The text with its baseline starting at (x, y), as glyph references in a scaled group. */
  text(text: string, x: number, y: number, size: number, weight: Weight, fill: string): string {
    const k = size / unitsPerEm(weight);
    let pen = 0;
    let uses = "";
    for (const ch of text) {
      const g = glyph(weight, ch.codePointAt(0) as number);
      if (g.id) {
        this.used.set(g.id, g.d);
        uses += `<use href="#${g.id}" x="${pen}"/>`;
      }
      pen += g.advance;
    }
    return `<g fill="${fill}" transform="translate(${x.toFixed(1)} ${y.toFixed(1)}) scale(${k.toFixed(6)} ${(-k).toFixed(6)})">${uses}</g>`;
  }

  defs(): string {
    let paths = "";
    for (const [id, d] of this.used) paths += `<path id="${id}" d="${d}"/>`;
    return `<defs>${paths}</defs>`;
  }
}
