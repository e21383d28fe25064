// Anti-aliased coverage of polygons: the exact area of each pixel inside the contours (non-zero winding), as in font-rs.

/** A closed contour in pixels, x right and y down: [x0, y0, x1, y1, …]. */
export type Contour = readonly number[];

/** Pixels `x0 ≤ x < x0 + w`, `y0 ≤ y < y0 + h` and how much of each the contours cover, from 0 to 1. */
export interface Coverage {
  x0: number;
  y0: number;
  w: number;
  h: number;
  /** Row-major, `stride` apart. */
  cover: Float32Array;
  stride: number;
}

/**
 * Each edge adds its signed area to the pixels it crosses and its cover to the pixel right of them;
 * a running sum along each row then gives the area inside. Overlapping contours of the same
 * orientation add up and are clamped to 1, so strokes can be built from overlapping pieces.
 */
export function coverage(contours: readonly Contour[]): Coverage {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const c of contours)
    for (let i = 0; i < c.length; i += 2) {
      const x = c[i] as number;
      const y = c[i + 1] as number;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  if (!(minX <= maxX)) return { x0: 0, y0: 0, w: 0, h: 0, cover: new Float32Array(0), stride: 0 };
  const x0 = Math.floor(minX);
  const y0 = Math.floor(minY);
  const w = Math.floor(maxX) - x0 + 2;
  const h = Math.ceil(maxY) - y0;
  const stride = w + 1;
  const acc = new Float32Array(stride * h + 1);
  for (const c of contours)
    for (let i = 0; i < c.length; i += 2) {
      const j = (i + 2) % c.length;
      edge(
        acc,
        stride,
        h,
        (c[i] as number) - x0,
        (c[i + 1] as number) - y0,
        (c[j] as number) - x0,
        (c[j + 1] as number) - y0,
      );
    }
  // The running sums replace the increments in place.
  for (let y = 0; y < h; y++) {
    let sum = 0;
    for (let i = y * stride; i < y * stride + w; i++) {
      sum += acc[i] as number;
      acc[i] = Math.min(1, Math.abs(sum));
    }
  }
  return { x0, y0, w, h, cover: acc, stride };
}

/** Adds one edge, in the buffer's coordinates (all ≥ 0), to the accumulation buffer. */
function edge(
  acc: Float32Array,
  stride: number,
  h: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): void {
  if (ay === by) return;
  const dir = ay < by ? 1 : -1;
  const [x0, y0, x1, y1] = ay < by ? [ax, ay, bx, by] : [bx, by, ax, ay];
  const dxdy = (x1 - x0) / (y1 - y0);
  let x = x0;
  const last = Math.min(h, Math.ceil(y1));
  for (let y = Math.floor(y0); y < last; y++) {
    const row = y * stride;
    const dy = Math.min(y + 1, y1) - Math.max(y, y0);
    const xnext = x + dxdy * dy;
    const d = dy * dir;
    const left = Math.min(x, xnext);
    const right = Math.max(x, xnext);
    const leftFloor = Math.floor(left);
    const rightCeil = Math.ceil(right);
    const li = row + leftFloor;
    if (rightCeil <= leftFloor + 1) {
      // Within one pixel: its share left of the edge's middle, the rest to the next pixel.
      const mid = 0.5 * (x + xnext) - leftFloor;
      acc[li] = (acc[li] as number) + d - d * mid;
      acc[li + 1] = (acc[li + 1] as number) + d * mid;
    } else {
      const s = 1 / (right - left);
      const lf = left - leftFloor;
      const a0 = 0.5 * s * (1 - lf) * (1 - lf);
      const rf = right - rightCeil + 1;
      const am = 0.5 * s * rf * rf;
      acc[li] = (acc[li] as number) + d * a0;
      if (rightCeil === leftFloor + 2) acc[li + 1] = (acc[li + 1] as number) + d * (1 - a0 - am);
      else {
        const a1 = s * (1.5 - lf);
        acc[li + 1] = (acc[li + 1] as number) + d * (a1 - a0);
        for (let xi = leftFloor + 2; xi < rightCeil - 1; xi++)
          acc[row + xi] = (acc[row + xi] as number) + d * s;
        const a2 = a1 + (rightCeil - leftFloor - 3) * s;
        acc[row + rightCeil - 1] = (acc[row + rightCeil - 1] as number) + d * (1 - a2 - am);
      }
      acc[row + rightCeil] = (acc[row + rightCeil] as number) + d * am;
    }
    x = xnext;
  }
}
