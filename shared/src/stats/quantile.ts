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
 * Index of the first element ≥ value in [from, to). Halves the range without branching on the comparison (the
 * processor cannot predict it), which makes positioning every structure of a large network markedly faster.
 */
function lowerBound(
  sorted: ArrayLike<number>,
  value: number,
  from = 0,
  to = sorted.length,
): number {
  let n = to - from;
  if (n === 0) return from;
  let base = from;
  while (n > 1) {
    const half = n >>> 1;
    base = (sorted[base + half] as number) < value ? base + half : base;
    n -= half;
  }
  return (sorted[base] as number) < value ? base + 1 : base;
}

/**
 * Index past the elements equal to `value` from `start` (its lower bound) and before `to`. Gallops from there: a
 * value is most often alone, and a long run of ties (many structures at 100 %) costs the logarithm of its length.
 */
function runEnd(
  sorted: ArrayLike<number>,
  start: number,
  value: number,
  to = sorted.length,
): number {
  let inside = start - 1;
  let probe = start;
  for (let step = 1; probe < to && (sorted[probe] as number) <= value; step *= 2) {
    inside = probe;
    probe += step;
  }
  let lo = inside + 1;
  let hi = Math.min(probe, to);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const midRank = (below: number, end: number, n: number): number =>
  (100 * (below + (end - below) / 2)) / n;

/** 100 × (count below + ½ × count equal) / n, the value itself included in the population. */
export function percentileRankSorted(sorted: ArrayLike<number>, value: number): number {
  const below = lowerBound(sorted, value);
  return midRank(below, runEnd(sorted, below, value), sorted.length);
}

/** Queries of a RankIndex answered by the plain search before it builds its buckets. */
const BUILD_AFTER = 16;

/**
 * Percentile ranks in one group's sorted values, queried for every structure. Each distinct value's rank is computed
 * once, and the values' range is cut into as many equal buckets as there are distinct values, each knowing where
 * its distinct values start: a search only covers the few values of one bucket instead of halving the whole array
 * a dozen times, and a run of ties costs nothing. The bucket of a value is a non-decreasing function of it, so every
 * distinct value before the bucket's start is below the value and every one past its end above it: the ranks are
 * exactly percentileRankSorted's.
 */
export class RankIndex {
  /** Bucket b's distinct values start at starts[b]; null until built, or for good when the plain search is kept. */
  private starts: Uint32Array | null = null;
  /** Queries left before the buckets are built: one structure's positioning does not repay building them. */
  private untilBuilt = BUILD_AFTER;
  private readonly min: number;
  private scale = 0;
  /** The distinct values, ascending; how many values lie below each (then the count of all); each one's rank. */
  private distinct = new Float64Array(0);
  private firsts = new Uint32Array(0);
  private ranks = new Float64Array(0);
  readonly sorted: Float64Array;

  // No parameter property: Node runs shared's sources by stripping their types, which cannot express one.
  constructor(sorted: Float64Array) {
    this.sorted = sorted;
    const n = sorted.length;
    this.min = sorted[0] ?? 0;
    const scale = n / ((sorted[n - 1] ?? 0) - this.min);
    // A range of zero or past the largest double keeps the plain search.
    if (!(scale > 0 && Number.isFinite(scale))) this.untilBuilt = Number.POSITIVE_INFINITY;
  }

  private build(): Uint32Array {
    const sorted = this.sorted;
    const n = sorted.length;
    const distinct = new Float64Array(n);
    const firsts = new Uint32Array(n + 1);
    let count = 0;
    for (let i = 0; i < n; i++) {
      const v = sorted[i] as number;
      if (i > 0 && v === sorted[i - 1]) continue;
      distinct[count] = v;
      firsts[count++] = i;
    }
    firsts[count] = n;
    const ranks = new Float64Array(count);
    for (let d = 0; d < count; d++)
      ranks[d] = midRank(firsts[d] as number, firsts[d + 1] as number, n);
    this.distinct = distinct.subarray(0, count);
    this.firsts = firsts.subarray(0, count + 1);
    this.ranks = ranks;
    this.scale = count / ((sorted[n - 1] as number) - this.min);
    // Each bucket up to a value's own starts at that value, unless an earlier value started it: one bucket
    // computed per value. The buckets past the largest value's start at the end.
    const starts = new Uint32Array(count + 1);
    let b = 0;
    for (let d = 0; d < count; d++) {
      const own = this.bucket(distinct[d] as number);
      while (b <= own) starts[b++] = d;
    }
    while (b <= count) starts[b++] = count;
    return starts;
  }

  /** The bucket of a value that is not NaN: values past either end of the range fall in the first or last one. */
  private bucket(value: number): number {
    const x = (value - this.min) * this.scale;
    const last = this.distinct.length - 1;
    // Truncation is the floor of a non-negative x, and x < last keeps it within a 32-bit integer.
    return x > 0 ? (x < last ? x | 0 : last) : 0;
  }

  percentileRank(value: number): number {
    if (this.starts === null && --this.untilBuilt <= 0) this.starts = this.build();
    const starts = this.starts;
    if (starts === null || Number.isNaN(value)) return percentileRankSorted(this.sorted, value);
    const distinct = this.distinct;
    const b = this.bucket(value);
    const to = starts[b + 1] as number;
    let d = starts[b] as number;
    // A bucket holds a distinct value or two on average: stepping through them beats halving, unless values crowd it.
    if (to - d > CROWDED) d = lowerBound(distinct, value, d, to);
    else while (d < to && (distinct[d] as number) < value) d++;
    if (d < to && distinct[d] === value) return this.ranks[d] as number;
    const below = this.firsts[d] as number;
    return midRank(below, below, this.sorted.length);
  }
}

/** Distinct values in one bucket past which RankIndex halves the bucket rather than stepping through it. */
const CROWDED = 8;

/** 1 to 4: at or below Q1, at or below the median, at or below Q3, above Q3. */
export function quartileBand(value: number, q1: number, median: number, q3: number): 1 | 2 | 3 | 4 {
  if (value <= q1) return 1;
  if (value <= median) return 2;
  if (value <= q3) return 3;
  return 4;
}
