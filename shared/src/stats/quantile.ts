// Type-7 quantiles (QUARTILE.INC / PERCENTILE.INC), mid-rank percentile ranks and quartile bands on sorted values.

/** Ascending copy as a typed array (numeric sort); callers sort once and query many times. */
export function ascending(values: Iterable<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/**
 * The ascending union of ascending runs, merged in linear time (the network's values from its groups' values);
 * a single non-empty run is returned as it is, not copied.
 */
export function mergeAscending(runs: readonly Float64Array[]): Float64Array {
  const filled = runs.filter((r) => r.length > 0);
  return filled.length === 0 ? new Float64Array(0) : filled.reduce(mergeTwo);
}

function mergeTwo(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let o = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    // Equal values keep a's first, except that -0 precedes +0 as in the typed-array sort.
    if (x < y || (x === y && !(Object.is(y, -0) && Object.is(x, 0)))) {
      out[o++] = x;
      i++;
    } else {
      out[o++] = y;
      j++;
    }
  }
  out.set(a.subarray(i), o);
  out.set(b.subarray(j), o + a.length - i);
  return out;
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

/**
 * Index of the first element ≥ value. Halves the range without branching on the comparison (the processor cannot
 * predict it), which makes positioning every structure of a large network markedly faster.
 */
function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let n = sorted.length;
  if (n === 0) return 0;
  let base = 0;
  while (n > 1) {
    const half = n >>> 1;
    base = (sorted[base + half] as number) < value ? base + half : base;
    n -= half;
  }
  return (sorted[base] as number) < value ? base + 1 : base;
}

/**
 * Index past the elements equal to `value` from `start` (its lower bound). Gallops from there: a value is most
 * often alone, and a long run of ties (many structures at 100 %) costs the logarithm of its length.
 */
function runEnd(sorted: ArrayLike<number>, start: number, value: number): number {
  const n = sorted.length;
  let inside = start - 1;
  let probe = start;
  for (let step = 1; probe < n && (sorted[probe] as number) <= value; step *= 2) {
    inside = probe;
    probe += step;
  }
  let lo = inside + 1;
  let hi = Math.min(probe, n);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** 100 × (count below + ½ × count equal) / n, the value itself included in the population. */
export function percentileRankSorted(sorted: ArrayLike<number>, value: number): number {
  const below = lowerBound(sorted, value);
  const equal = runEnd(sorted, below, value) - below;
  return (100 * (below + equal / 2)) / sorted.length;
}

/** 1 to 4: at or below Q1, at or below the median, at or below Q3, above Q3. */
export function quartileBand(value: number, q1: number, median: number, q3: number): 1 | 2 | 3 | 4 {
  if (value <= q1) return 1;
  if (value <= median) return 2;
  if (value <= q3) return 3;
  return 4;
}
