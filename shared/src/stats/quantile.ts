// Type-7 quantiles (QUARTILE.INC / PERCENTILE.INC), mid-rank percentile ranks and quartile bands on sorted values.

/** Ascending copy as a typed array (numeric sort); callers sort once and query many times. */
export function ascending(values: Iterable<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/** Hyndman–Fan type 7 on ascending values: linear interpolation between closest ranks. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return between(sorted[lo] as number, sorted[hi] as number, h - lo);
}

/**
 * a + t × (b − a) for a ≤ b and 0 ≤ t < 1: exact at t = 0, finite even when b − a overflows, and kept
 * within [a, b] so rounding can never put Q1 below the minimum or Q3 above the maximum.
 */
function between(a: number, b: number, t: number): number {
  if (t === 0 || a === b) return a;
  const gap = b - a;
  const x = Number.isFinite(gap) ? a + t * gap : a * (1 - t) + b * t;
  return Math.min(b, Math.max(a, x));
}

/** Index of the first element ≥ value (or > value when `strict`). */
function bound(sorted: ArrayLike<number>, value: number, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = sorted[mid] as number;
    if (x < value || (strict && x === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** 100 × (count below + ½ × count equal) / n, the value itself included in the population. */
export function percentileRankSorted(sorted: ArrayLike<number>, value: number): number {
  const below = bound(sorted, value, false);
  const equal = bound(sorted, value, true) - below;
  return (100 * (below + equal / 2)) / sorted.length;
}

/** 1 to 4: at or below Q1, at or below the median, at or below Q3, above Q3. */
export function quartileBand(value: number, q1: number, median: number, q3: number): 1 | 2 | 3 | 4 {
  if (value <= q1) return 1;
  if (value <= median) return 2;
  if (value <= q3) return 3;
  return 4;
}
