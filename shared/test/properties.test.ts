// Property tests: broken returns never break validation or indicators, and statistics keep their invariants.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ascending,
  coerceReturn,
  computeIndicators,
  field,
  INDICATORS,
  percentileRankSorted,
  quantileSorted,
  quartileBand,
  RankIndex,
  summarise,
  validateReturn,
} from "../src/index.ts";
import { guardReason } from "../src/indicators/expr.ts";
import { sortAscending } from "../src/stats/sort.ts";
import { brokenJson, typedReturn } from "./support/arbitraries.ts";

const RUNS = { numRuns: 400 };

/** Every reason an indicator may give: its guards' reasons and the catch-all for overflows. */
const reasonsOf = (key: string) => {
  const def = INDICATORS.find((d) => d.key === key);
  const guards = def?.guards ?? [];
  return new Set([...guards.map(guardReason), "Calcul impossible avec les données saisies"]);
};

describe("any return, however broken", () => {
  it("is coerced and validated without throwing, each finding naming its field in French", () => {
    fc.assert(
      fc.property(brokenJson, (input) => {
        const { ret, findings: typeFindings } = coerceReturn(input);
        const findings = [...typeFindings, ...validateReturn(ret)];
        for (const f of findings) {
          expect(["error", "warning"]).toContain(f.severity);
          expect(f.field).not.toBeNull();
          expect(f.message).toContain(`« ${field(f.field as string).label} »`);
          expect(f.message).toMatch(/^[«A-ZÉ].*[.?]$/u);
          expect(f.message).not.toMatch(/undefined|NaN|Infinity|\[object/);
        }
      }),
      RUNS,
    );
  });

  it("gives every indicator as a finite number or a boolean, or null with a French reason", () => {
    fc.assert(
      fc.property(fc.oneof(brokenJson, typedReturn), (input) => {
        const indicators = computeIndicators(coerceReturn(input).ret);
        for (const def of INDICATORS) {
          const { value, status, reason } = indicators[def.key];
          if (value === null) {
            expect(status).toBeNull();
            expect([...reasonsOf(def.key)]).toContain(reason);
          } else {
            expect(reason).toBeNull();
            if (def.unit === "bool") expect(typeof value).toBe("boolean");
            else expect(Number.isFinite(value)).toBe(true);
            expect(status === null).toBe(def.bands === null);
          }
        }
      }),
      RUNS,
    );
  });
});

/** Type 7 written out plainly, as R documents it, to check the library against. */
function naiveQuantile(values: number[], p: number): number {
  const x = [...values].sort((a, b) => a - b);
  const h = (x.length - 1) * p + 1;
  const j = Math.floor(h);
  const lower = x[j - 1] as number;
  const upper = x[Math.min(j, x.length - 1)] as number;
  return lower + (h - j) * (upper - lower);
}

const values = fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), {
  minLength: 1,
  maxLength: 60,
});
const tied = fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 60 });
const extreme = fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), {
  minLength: 1,
  maxLength: 30,
});
/** Equal within 1e-9 of the data's magnitude (the naive "+ 1" of R's formula itself rounds). */
const close = (a: number, b: number, xs: number[]) =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, ...xs.map(Math.abs));

describe("statistics", () => {
  it("keep min ≤ Q1 ≤ median ≤ Q3 ≤ max ≤ and a mean between min and max, all finite", () => {
    fc.assert(
      fc.property(fc.oneof(values, tied, extreme), (xs) => {
        const s = summarise(ascending(xs), 1);
        if ("suppressed" in s)
          throw new Error("a group of one or more values is shown with minimum 1");
        expect(s.n).toBe(xs.length);
        const chain = [s.min, s.q1, s.median, s.q3, s.max];
        for (const v of [...chain, s.mean]) expect(Number.isFinite(v)).toBe(true);
        for (let i = 1; i < chain.length; i++)
          expect(chain[i - 1] as number).toBeLessThanOrEqual(chain[i] as number);
        expect(s.mean).toBeGreaterThanOrEqual(s.min - 1e-9 * Math.abs(s.min));
        expect(s.mean).toBeLessThanOrEqual(s.max + 1e-9 * Math.abs(s.max));
      }),
      RUNS,
    );
  });

  it("give the quantiles of a naive type-7 implementation", () => {
    fc.assert(
      fc.property(fc.oneof(values, tied), fc.double({ min: 0, max: 1, noNaN: true }), (xs, p) => {
        const sorted = ascending(xs);
        for (const q of [p, 0, 0.25, 0.5, 0.75, 1])
          expect(close(quantileSorted(sorted, q), naiveQuantile(xs, q), xs)).toBe(true);
      }),
      RUNS,
    );
  });

  it("rank every member by mid-rank in (0, 100], as counted one by one", () => {
    fc.assert(
      fc.property(fc.oneof(values, tied), (xs) => {
        const sorted = ascending(xs);
        for (const x of xs) {
          const below = xs.filter((y) => y < x).length;
          const equal = xs.filter((y) => y === x).length;
          const rank = percentileRankSorted(sorted, x);
          expect(rank).toBe((100 * (below + equal / 2)) / xs.length);
          expect(rank).toBeGreaterThan(0);
          expect(rank).toBeLessThanOrEqual(100);
        }
      }),
      RUNS,
    );
  });

  it("sort a column in the typed-array sort's order, -0 before +0, spread, tied, crowded or not finite", () => {
    const zeros = fc.constantFrom(0, -0);
    const spread = fc.array(
      fc.oneof(
        // Spread evenly: fast-check's doubles (and its usual bias) crowd around zero, the native sort's case.
        {
          arbitrary: fc.noBias(fc.integer({ min: -1e6, max: 1e6 })).map((i) => i / 1e3),
          weight: 30,
        },
        { arbitrary: zeros, weight: 1 },
      ),
      { minLength: 60, maxLength: 400 },
    );
    // An outlier crowds the other values into one bucket; ties at a few levels; anything a double can be.
    const crowded = spread.map((xs) => [...xs, 1e12]);
    const levels = fc.array(fc.constantFrom(-1, -0, 0, 0.5, 1), { minLength: 60, maxLength: 400 });
    const any = fc.array(fc.double(), { minLength: 60, maxLength: 200 });
    fc.assert(
      fc.property(fc.oneof(spread, crowded, levels, any), (xs) => {
        const sorted = sortAscending(Float64Array.from(xs));
        // toEqual compares numbers as Object.is does: -0 is not +0, NaN is NaN.
        expect([...sorted]).toEqual([...Float64Array.from(xs).sort()]);
      }),
      RUNS,
    );
  });

  it("rank through a RankIndex's buckets exactly as the plain search, however the values crowd them", () => {
    // An outlier crowds every other value into the first of the buckets, which are built after a few queries.
    const crowded = fc
      .tuple(values, fc.double({ min: 1e6, max: 1e300, noNaN: true }))
      .map(([xs, far]) => [...xs, far]);
    const probes = fc.array(fc.double(), { maxLength: 20 });
    fc.assert(
      fc.property(fc.oneof(values, tied, extreme, crowded), probes, (xs, others) => {
        const sorted = ascending(xs);
        const index = new RankIndex(sorted);
        const queries = [...Array(20).fill(sorted[0]), ...xs, ...others, ...xs.map((x) => x / 2)];
        for (const x of queries)
          expect(index.percentileRank(x)).toBe(percentileRankSorted(sorted, x));
      }),
      RUNS,
    );
  });

  it("put each member in the quartile band its value falls in", () => {
    fc.assert(
      fc.property(fc.oneof(values, tied), (xs) => {
        const s = summarise(ascending(xs), 1);
        if ("suppressed" in s) return;
        for (const x of xs) {
          const band = quartileBand(x, s.q1, s.median, s.q3);
          const bounds = [Number.NEGATIVE_INFINITY, s.q1, s.median, s.q3, Number.POSITIVE_INFINITY];
          expect(x).toBeGreaterThan(bounds[band - 1] as number);
          expect(x).toBeLessThanOrEqual(bounds[band] as number);
        }
      }),
      RUNS,
    );
  });
});
