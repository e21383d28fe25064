// Text measured, and its glyph outlines flattened to contours, from the project's font, so rasterising needs no font loading at all.
import type { Contour } from "./coverage.ts";
import { fonts, type Weight } from "./fonts.ts";

interface GlyphShape {
  /** Closed contours in font units, y up; empty for blank glyphs (spaces). */
  contours: readonly Contour[];
  advance: number;
}

const glyphs: Record<Weight, Map<number, GlyphShape>> = { regular: new Map(), bold: new Map() };

/** Font units per straight piece of a curve: under a pixel long at the charts' sizes, so the flattening does not show. */
const CURVE_STEP = 120;

/** The outline's curves cut into straight pieces, so that every painter draws polygons only. */
function flatten(commands: readonly { command: string; args: number[] }[]): Contour[] {
  const contours: Contour[] = [];
  let c: number[] = [];
  const close = () => {
    if (c.length >= 6) contours.push(c);
    c = [];
  };
  for (const { command, args: a } of commands) {
    const px = c[c.length - 2] ?? 0;
    const py = c[c.length - 1] ?? 0;
    if (command === "moveTo") {
      close();
      c.push(a[0] as number, a[1] as number);
    } else if (command === "lineTo") c.push(a[0] as number, a[1] as number);
    else if (command === "closePath") close();
    else {
      // Quadratic (control, end) or cubic (two controls, end) Bézier curve.
      const pts = [px, py, ...a];
      const ex = pts[pts.length - 2] as number;
      const ey = pts[pts.length - 1] as number;
      const steps = Math.max(2, Math.ceil(Math.hypot(ex - px, ey - py) / CURVE_STEP));
      for (let i = 1; i <= steps; i++) c.push(...bezierPoint(pts, i / steps));
    }
  }
  close();
  return contours;
}

/** The point at t of the Bézier curve whose control points are `pts` (de Casteljau). */
function bezierPoint(pts: readonly number[], t: number): [number, number] {
  let p = [...pts];
  while (p.length > 2) {
    const next: number[] = [];
    for (let i = 0; i + 3 < p.length; i += 2)
      next.push(
        (p[i] as number) + ((p[i + 2] as number) - (p[i] as number)) * t,
        (p[i + 1] as number) + ((p[i + 3] as number) - (p[i + 1] as number)) * t,
      );
    p = next;
  }
  return [p[0] as number, p[1] as number];
}

export function glyph(weight: Weight, codePoint: number): GlyphShape {
  const cache = glyphs[weight];
  let shape = cache.get(codePoint);
  if (!shape) {
    const g = fonts()[weight].glyphForCodePoint(codePoint);
    shape = { contours: flatten(g.path.commands), advance: g.advanceWidth };
    cache.set(codePoint, shape);
  }
  return shape;
}

export const unitsPerEm = (weight: Weight): number => fonts()[weight].unitsPerEm;

/** Advance width of the text in pixels at `size` (no kerning: labels are short). */
export function measure(text: string, size: number, weight: Weight): number {
  let units = 0;
  for (const ch of text) units += glyph(weight, ch.codePointAt(0) as number).advance;
  return (units * size) / unitsPerEm(weight);
}
