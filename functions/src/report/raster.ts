// A chart figure painted to pixels (anti-aliased polygons, text from the font's glyph outlines) and encoded as a PNG.
import type { Figure, Shape } from "./chart-figure.ts";
import { type Contour, type Coverage, coverage } from "./coverage.ts";
import type { Weight } from "./fonts.ts";
import { encodePng } from "./png.ts";
import { glyph, unitsPerEm } from "./text-outline.ts";

/** Pixels per figure unit: the mail shows the charts at their figure size (600 CSS pixels wide). */
export const PNG_SCALE = 1;

/**
 * Coverage is rounded to quarters: on a chart's edges and 11-pixel labels at their display size the eye does not
 * tell finer steps apart, and it keeps a chart to a few dozen colours, so its PNG is indexed (a byte a pixel) and
 * deflates to a third of an RGBA one (eighths cost 24 % more bytes, sixteenths 20 % more again, for no visible gain).
 */
const LEVELS = 4;
/** Text is placed to a quarter of a pixel: each glyph is rasterised once per size and position within a pixel. */
const PHASES = 4;
/** The stroke width of rectangles' and diamonds' outlines, in figure units. */
const OUTLINE = 1.5;
/** Dashed lines: 4 units drawn, 3 left blank. */
const DASH = [4, 3] as const;

const rgb = (hex: string): number => Number.parseInt(hex.slice(1), 16);

/** Pixels as indices into the colours met so far: a chart has few, so mixing them is looked up, not computed. */
class Canvas {
  readonly px: Uint16Array;
  readonly palette: number[] = [];
  private readonly index = new Map<number, number>();
  /**
   * Per colour laid over: for each colour under and coverage, 1 + the index of their mix, 0 for a mix not met yet
   * (a table rather than a map: every edge pixel of every shape and letter looks one up).
   */
  private readonly mixes: Uint16Array[] = [];

  readonly width: number;
  readonly height: number;

  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
    this.px = new Uint16Array(width * height).fill(this.colour(0xffffff));
  }

  /** The index of colour 0xRRGGBB. */
  colour(c: number): number {
    let i = this.index.get(c);
    if (i === undefined) {
      i = this.palette.push(c) - 1;
      this.index.set(c, i);
    }
    return i;
  }

  /** Lays `colour` over the pixels, each in proportion to its coverage, shifted by (dx, dy). */
  paint(c: Coverage, colour: number, dx = 0, dy = 0): void {
    const x0 = Math.max(0, c.x0 + dx);
    const x1 = Math.min(this.width, c.x0 + dx + c.w);
    const y0 = Math.max(0, c.y0 + dy);
    const y1 = Math.min(this.height, c.y0 + dy + c.h);
    for (let y = y0; y < y1; y++) {
      const from = (y - c.y0 - dy) * c.stride - c.x0 - dx;
      for (let x = x0; x < x1; x++)
        this.blend(y * this.width + x, (c.cover[from + x] as number) * LEVELS, colour);
    }
  }

  /** An axis-aligned rectangle, its edges' pixels in proportion to their share inside it. */
  rect(left: number, top: number, right: number, bottom: number, colour: number): void {
    const x0 = Math.max(0, Math.floor(left));
    const x1 = Math.min(this.width, Math.ceil(right));
    const y0 = Math.max(0, Math.floor(top));
    const y1 = Math.min(this.height, Math.ceil(bottom));
    if (x0 >= x1) return;
    const share = (from: number, to: number, i: number) => Math.min(to, i + 1) - Math.max(from, i);
    const leftShare = share(left, right, x0);
    const rightShare = share(left, right, x1 - 1);
    for (let y = y0; y < y1; y++) {
      const sy = share(top, bottom, y) * LEVELS;
      const row = y * this.width;
      this.blend(row + x0, sy * leftShare, colour);
      if (x1 - 1 === x0) continue;
      if (Math.round(sy) === LEVELS) this.px.fill(colour, row + x0 + 1, row + x1 - 1);
      else for (let x = x0 + 1; x < x1 - 1; x++) this.blend(row + x, sy, colour);
      this.blend(row + x1 - 1, sy * rightShare, colour);
    }
  }

  /** Lays colour index `over` on pixel i with a coverage of `level` steps of 1 / LEVELS, rounded. */
  private blend(i: number, level: number, over: number): void {
    const a = Math.round(level);
    if (a === 0) return;
    if (a === LEVELS) {
      this.px[i] = over;
      return;
    }
    const under = this.px[i] as number;
    const at = under * LEVELS + a;
    let table = this.mixes[over];
    if (!table || at >= table.length) table = this.grow(over, at);
    let mixed = (table[at] as number) - 1;
    if (mixed < 0) {
      mixed = this.colour(mix(this.palette[under] as number, this.palette[over] as number, a));
      table[at] = mixed + 1;
    }
    this.px[i] = mixed;
  }

  /** The mixes table of colour `over`, made to hold entry `at`. */
  private grow(over: number, at: number): Uint16Array {
    const old = this.mixes[over];
    const table = new Uint16Array(Math.max((this.palette.length + 16) * LEVELS, at + 1));
    if (old) table.set(old);
    this.mixes[over] = table;
    return table;
  }
}

function mix(under: number, over: number, a: number): number {
  let out = 0;
  for (let shift = 16; shift >= 0; shift -= 8) {
    const u = (under >> shift) & 0xff;
    const o = (over >> shift) & 0xff;
    out |= Math.round(u + ((o - u) * a) / LEVELS) << shift;
  }
  return out;
}

/** A straight stroke as a quadrilateral, lengthened by `cap` at both ends. */
function segment(ax: number, ay: number, bx: number, by: number, width: number, cap = 0): Contour {
  const len = Math.hypot(bx - ax, by - ay) || 1;
  const ux = (bx - ax) / len;
  const uy = (by - ay) / len;
  const nx = (-uy * width) / 2;
  const ny = (ux * width) / 2;
  const sx = ax - ux * cap;
  const sy = ay - uy * cap;
  const ex = bx + ux * cap;
  const ey = by + uy * cap;
  // Every piece turns the same way, so overlapping pieces add up instead of cancelling out.
  return [sx + nx, sy + ny, ex + nx, ey + ny, ex - nx, ey - ny, sx - nx, sy - ny];
}

/**
 * The outline of a closed polygon: one piece per side, each lengthened by half the width so that the
 * corners are filled (exact for the right angles of rectangles and diamonds).
 */
function outline(points: readonly number[], width: number): Contour[] {
  const pieces: Contour[] = [];
  for (let i = 0; i < points.length; i += 2) {
    const j = (i + 2) % points.length;
    pieces.push(
      segment(
        points[i] as number,
        points[i + 1] as number,
        points[j] as number,
        points[j + 1] as number,
        width,
        width / 2,
      ),
    );
  }
  return pieces;
}

/** A dashed stroke as the quadrilaterals of its dashes, the pattern starting at (ax, ay) as in SVG and pdfkit. */
function dashes(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  width: number,
  k: number,
): Contour[] {
  const len = Math.hypot(bx - ax, by - ay);
  const [on, off] = [DASH[0] * k, DASH[1] * k];
  const pieces: Contour[] = [];
  for (let t = 0; t < len; t += on + off) {
    const u = Math.min(t + on, len);
    pieces.push(
      segment(
        ax + ((bx - ax) * t) / len,
        ay + ((by - ay) * t) / len,
        ax + ((bx - ax) * u) / len,
        ay + ((by - ay) * u) / len,
        width,
      ),
    );
  }
  return pieces;
}

/** A quadrilateral whose sides are horizontal and vertical: backgrounds, boxes, whiskers and ticks. */
const uprightRect = (c: Contour): boolean =>
  c.length === 8 &&
  ((c[0] === c[2] && c[3] === c[5] && c[4] === c[6] && c[7] === c[1]) ||
    (c[1] === c[3] && c[2] === c[4] && c[5] === c[7] && c[6] === c[0]));

/**
 * Glyph masks by weight and size, then by glyph and position within a pixel (a number: no key text to build for
 * each letter): a few thousand cover every label of a campaign.
 */
const masks = new Map<string, Map<number, Coverage>>();
let maskCount = 0;
/** Cleared when full rather than grown without end, should labels come in unforeseen sizes. */
const MAX_MASKS = 20_000;

function masksOf(weight: Weight, size: number): Map<number, Coverage> {
  const key = `${weight} ${size}`;
  let sized = masks.get(key);
  if (!sized) {
    sized = new Map();
    masks.set(key, sized);
  }
  return sized;
}

/** A glyph's coverage with its origin at (fx, fy) within the pixel at (0, 0), fx and fy in steps of 1 / PHASES. */
function glyphMask(
  sized: Map<number, Coverage>,
  weight: Weight,
  codePoint: number,
  size: number,
  fx: number,
  fy: number,
): Coverage {
  const key = (codePoint * (PHASES + 1) + fx * PHASES) * (PHASES + 1) + fy * PHASES;
  let mask = sized.get(key);
  if (!mask) {
    const k = size / unitsPerEm(weight);
    if (maskCount >= MAX_MASKS) {
      masks.clear();
      maskCount = 0;
    }
    mask = coverage(
      glyph(weight, codePoint).contours.map((c) =>
        c.map((v, i) => (i % 2 === 0 ? fx + v * k : fy - v * k)),
      ),
    );
    sized.set(key, mask);
    maskCount++;
  }
  return mask;
}

function text(canvas: Canvas, s: Shape & { t: "text" }, k: number): void {
  const size = Math.round(s.size * k * 100) / 100;
  const scale = size / unitsPerEm(s.weight);
  const color = canvas.colour(rgb(s.color));
  const y = s.y * k;
  const iy = Math.floor(y);
  const fy = Math.round((y - iy) * PHASES) / PHASES;
  let pen = s.x * k;
  const sized = masksOf(s.weight, size);
  for (const ch of s.text) {
    const codePoint = ch.codePointAt(0) as number;
    const g = glyph(s.weight, codePoint);
    if (g.contours.length > 0) {
      const ix = Math.floor(pen);
      const fx = Math.round((pen - ix) * PHASES) / PHASES;
      canvas.paint(glyphMask(sized, s.weight, codePoint, size, fx, fy), color, ix, iy);
    }
    pen += g.advance * scale;
  }
}

/** Contours filled with `color`: a single upright rectangle directly, anything else through its coverage. */
function fill(canvas: Canvas, contours: Contour[], color: string): void {
  const [c] = contours;
  if (contours.length === 1 && c && uprightRect(c)) {
    const xs = [c[0], c[2], c[4], c[6]] as number[];
    const ys = [c[1], c[3], c[5], c[7]] as number[];
    canvas.rect(
      Math.min(...xs),
      Math.min(...ys),
      Math.max(...xs),
      Math.max(...ys),
      canvas.colour(rgb(color)),
    );
  } else canvas.paint(coverage(contours), canvas.colour(rgb(color)));
}

/** One case per kind of shape: its fill, then its outline, as polygons; text from the glyph masks. */
function draw(canvas: Canvas, s: Shape, k: number): void {
  switch (s.t) {
    case "line": {
      const [ax, ay, bx, by, w] = [s.x1 * k, s.y1 * k, s.x2 * k, s.y2 * k, s.width * k];
      fill(canvas, s.dash ? dashes(ax, ay, bx, by, w, k) : [segment(ax, ay, bx, by, w)], s.color);
      return;
    }
    case "rect": {
      const [x, y, r, b] = [s.x * k, s.y * k, (s.x + s.w) * k, (s.y + s.h) * k];
      const corners = [x, y, r, y, r, b, x, b];
      fill(canvas, [corners], s.fill);
      if (s.stroke) fill(canvas, outline(corners, OUTLINE * k), s.stroke);
      return;
    }
    case "diamond": {
      const [x, y, r] = [s.x * k, s.y * k, s.r * k];
      const corners = [x, y - r, x + r, y, x, y + r, x - r, y];
      fill(canvas, [corners], s.fill);
      fill(canvas, outline(corners, OUTLINE * k), s.stroke);
      return;
    }
    case "text":
      text(canvas, s, k);
      return;
  }
}

export function figurePng(figure: Figure, scale = PNG_SCALE): Buffer {
  const canvas = new Canvas(Math.round(figure.width * scale), Math.round(figure.height * scale));
  for (const s of figure.shapes) draw(canvas, s, scale);
  return encodePng(canvas.width, canvas.height, canvas.palette, canvas.px);
}
