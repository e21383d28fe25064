// The bench's speed-ups of the statistics core keep its results: merged network columns, branch-free and bucketed ranks against naive counts.
import {
  ascending,
  INDICATORS,
  type Indicators,
  indexPopulation,
  type Member,
  NUMERIC_INDICATOR_KEYS,
  percentileRankSorted,
  RankIndex,
} from "@barometre/shared";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

/** Few distinct values, so ties (whole groups at 100 %) are common; some missing. */
const value = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -3, max: 3 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
);

const memberArbitrary = fc
  .record({
    territory: fc.constantFrom(null, "Rural", "Urbain QPV", "Urbain hors QPV"),
    values: fc.array(value, {
      minLength: NUMERIC_INDICATOR_KEYS.length,
      maxLength: NUMERIC_INDICATOR_KEYS.length,
    }),
    yes: fc.boolean(),
  })
  .map(({ territory, values, yes }): Member => {
    const indicators = {} as Indicators;
    for (const def of INDICATORS) {
      const k = NUMERIC_INDICATOR_KEYS.indexOf(def.key);
      indicators[def.key] = {
        value: k === -1 ? yes : (values[k] ?? null),
        status: null,
        reason: null,
      };
    }
    return { structureCode: "PIMMS-TEST", territory, indicators };
  });

const valuesOf = (members: readonly Member[], k: number) =>
  members.flatMap((m) => {
    const v = m.indicators[NUMERIC_INDICATOR_KEYS[k] as keyof Indicators].value;
    return typeof v === "number" ? [v] : [];
  });

describe("the indexed population", () => {
  it("holds each group's values and the network's (merged from the groups') in ascending order", () => {
    fc.assert(
      fc.property(fc.array(memberArbitrary, { maxLength: 80 }), (members) => {
        const index = indexPopulation(members, 1);
        NUMERIC_INDICATOR_KEYS.forEach((key, k) => {
          expect([...index.network.sorted[key]]).toEqual([...ascending(valuesOf(members, k))]);
          for (const [territory, group] of index.groups) {
            const own = members.filter((m) => m.territory === territory);
            expect([...group.sorted[key]]).toEqual([...ascending(valuesOf(own, k))]);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it("ranks any value, in the population or not, by mid-rank as counted one by one", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -4, max: 4 }), { maxLength: 120 }),
        fc.array(fc.double({ min: -6, max: 6, noNaN: true }), { maxLength: 10 }),
        (xs, probes) => {
          const sorted = ascending(xs);
          for (const x of [...xs, ...probes, -5, 5]) {
            if (xs.length === 0) continue;
            const below = xs.filter((y) => y < x).length;
            const equal = xs.filter((y) => y === x).length;
            expect(percentileRankSorted(sorted, x)).toBe((100 * (below + equal / 2)) / xs.length);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("ranks through the buckets of a RankIndex exactly as counted one by one, ties, spreads and outsiders included", () => {
    const spread = fc.oneof(
      fc.integer({ min: -4, max: 4 }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.constantFrom(0, -0, 1e-300, -1e300, 1e300, Number.MAX_VALUE, -Number.MAX_VALUE),
    );
    fc.assert(
      fc.property(
        fc.array(spread, { maxLength: 150, size: "max" }),
        fc.array(fc.oneof(spread, fc.constantFrom(Infinity, -Infinity)), { maxLength: 10 }),
        (xs, probes) => {
          if (xs.length === 0) return;
          const ranks = new RankIndex(ascending(xs));
          for (const x of [...xs, ...probes]) {
            const below = xs.filter((y) => y < x).length;
            const equal = xs.filter((y) => y === x).length;
            expect(ranks.percentileRank(x)).toBe((100 * (below + equal / 2)) / xs.length);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
