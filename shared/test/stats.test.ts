// Statistics against hand-computed cases: type-7 quantiles, mid-rank percentiles, quartile bands, suppression.
import { describe, expect, it } from "vitest";
import {
  ascending,
  benchmark,
  changeSince,
  DEFAULT_MIN_GROUP_SIZE,
  type GroupStats,
  isSuppressed,
  medianChange,
  NUMERIC_INDICATOR_KEYS,
  percentileRankSorted,
  quantileSorted,
  quartileBand,
  summarise,
  suppressionSentence,
} from "../src/index.ts";
import { member, withTrainingRates } from "./support/members.ts";

const stats = (values: number[], min = DEFAULT_MIN_GROUP_SIZE) => summarise(ascending(values), min);

describe("quantiles (type 7, as QUARTILE.INC)", () => {
  it("interpolate between closest ranks", () => {
    expect(stats([4, 1, 3, 2], 1)).toEqual({
      n: 4,
      min: 1,
      q1: 1.75,
      median: 2.5,
      q3: 3.25,
      max: 4,
      mean: 2.5,
    });
    expect(stats([1, 2, 3, 4, 5])).toEqual({
      n: 5,
      min: 1,
      q1: 2,
      median: 3,
      q3: 4,
      max: 5,
      mean: 3,
    });
    expect(quantileSorted(ascending([10, 20, 30, 40, 50, 60]), 0.1)).toBe(15);
  });

  it("handle ties", () => {
    expect(stats([1, 1, 1, 2], 1)).toEqual({
      n: 4,
      min: 1,
      q1: 1,
      median: 1,
      q3: 1.25,
      max: 2,
      mean: 1.25,
    });
    expect(stats([3, 3, 3, 3, 3])).toEqual({
      n: 5,
      min: 3,
      q1: 3,
      median: 3,
      q3: 3,
      max: 3,
      mean: 3,
    });
  });

  it("handle a single value", () => {
    expect(stats([7], 1)).toEqual({ n: 1, min: 7, q1: 7, median: 7, q3: 7, max: 7, mean: 7 });
  });

  it("handle negative values", () => {
    expect(stats([20, -5, 0, -10, 5])).toEqual({
      n: 5,
      min: -10,
      q1: -5,
      median: 0,
      q3: 5,
      max: 20,
      mean: 2,
    });
    expect(stats([-0.5, -0.25], 1)).toMatchObject({ q1: -0.4375, median: -0.375, q3: -0.3125 });
  });

  it("sort numerically, not as text", () => {
    expect([...ascending([10, 9, 100, -1])]).toEqual([-1, 9, 10, 100]);
  });

  it("stay finite when neighbours are far apart or the sum overflows", () => {
    const far = stats([-Number.MAX_VALUE, Number.MAX_VALUE], 1) as Extract<
      GroupStats,
      { q1: number }
    >;
    expect(far).toMatchObject({
      min: -Number.MAX_VALUE,
      median: 0,
      max: Number.MAX_VALUE,
      mean: 0,
    });
    expect(far.q1 / (-Number.MAX_VALUE / 2)).toBeCloseTo(1, 12);
    expect(far.q3 / (Number.MAX_VALUE / 2)).toBeCloseTo(1, 12);
    expect(stats([Number.MAX_VALUE, Number.MAX_VALUE], 1)).toMatchObject({
      mean: Number.MAX_VALUE,
    });
  });
});

describe("suppression below the minimum group size", () => {
  it("shows n = 5 and hides n = 4 by default", () => {
    expect(DEFAULT_MIN_GROUP_SIZE).toBe(5);
    expect(stats([1, 2, 3, 4])).toEqual({ n: 4, suppressed: true });
    expect(isSuppressed(stats([1, 2, 3, 4, 5]))).toBe(false);
  });

  it("follows the campaign's minimum, and always hides an empty group", () => {
    expect(stats([1, 2, 3], 3)).toMatchObject({ n: 3, median: 2 });
    expect(stats([1, 2, 3, 4, 5], 6)).toEqual({ n: 5, suppressed: true });
    expect(stats([], 1)).toEqual({ n: 0, suppressed: true });
  });

  it("says so in one French sentence", () => {
    expect(suppressionSentence(4, 5)).toBe(
      "Moins de 5 structures (4) : statistiques non affichées pour préserver l'anonymat.",
    );
  });
});

describe("percentile rank by mid-rank", () => {
  const sorted = ascending([1, 2, 2, 2, 3]);

  it("counts below plus half the ties, the structure itself included", () => {
    expect(percentileRankSorted(sorted, 1)).toBe(10);
    expect(percentileRankSorted(sorted, 2)).toBe(50);
    expect(percentileRankSorted(sorted, 3)).toBe(90);
    expect(percentileRankSorted(ascending([5]), 5)).toBe(50);
    expect(percentileRankSorted(ascending([4, 4, 4, 4]), 4)).toBe(50);
  });

  it("places a value outside the population between its neighbours", () => {
    expect(percentileRankSorted(sorted, 2.5)).toBe(80);
    expect(percentileRankSorted(sorted, 0)).toBe(0);
    expect(percentileRankSorted(sorted, 4)).toBe(100);
  });
});

describe("quartile bands", () => {
  it("put a value at a quartile in the lower band", () => {
    const q = [2, 3, 4] as const;
    expect(quartileBand(1, ...q)).toBe(1);
    expect(quartileBand(2, ...q)).toBe(1);
    expect(quartileBand(2.0001, ...q)).toBe(2);
    expect(quartileBand(3, ...q)).toBe(2);
    expect(quartileBand(3.5, ...q)).toBe(3);
    expect(quartileBand(4, ...q)).toBe(3);
    expect(quartileBand(4.0001, ...q)).toBe(4);
  });
});

describe("benchmark", () => {
  // Training rates 1 %, 2 %, 2 %, 3 %, 4 % in Urbain QPV and 0.5 % in Rural.
  const members = [
    ...withTrainingRates("Urbain QPV", [0.01, 0.02, 0.02, 0.03, 0.04]),
    ...withTrainingRates("Rural", [0.005], "R"),
  ];
  const result = benchmark(members);

  it("gives network statistics for every numeric indicator", () => {
    expect(Object.keys(result.network)).toEqual([...NUMERIC_INDICATOR_KEYS]);
    const rate = result.network.trainingRate as Extract<GroupStats, { q1: number }>;
    expect(rate.n).toBe(6);
    expect(rate.min).toBe(0.005);
    expect(rate.q1).toBeCloseTo(0.0125, 15);
    expect(rate.median).toBeCloseTo(0.02, 15);
    expect(rate.q3).toBeCloseTo(0.0275, 15);
    expect(rate.max).toBe(0.04);
    expect(rate.mean).toBeCloseTo(0.125 / 6, 15);
  });

  it("gives each territory its statistics, a small group only its size", () => {
    expect(Object.keys(result.groups)).toEqual(["Rural", "Urbain QPV"]);
    expect(result.groups["Urbain QPV"]?.trainingRate).toEqual({
      n: 5,
      min: 0.01,
      q1: 0.02,
      median: 0.02,
      q3: 0.03,
      max: 0.04,
      mean: expect.closeTo(0.024, 15),
    });
    for (const key of NUMERIC_INDICATOR_KEYS)
      expect(result.groups.Rural?.[key]).toEqual({ n: 1, suppressed: true });
  });

  it("positions each structure in the network by mid-rank and quartile", () => {
    expect(Object.keys(result.positions)).toEqual(["P1", "P2", "P3", "P4", "P5", "R1"]);
    expect(result.positions.P2?.trainingRate).toEqual({
      value: 0.02,
      percentileRank: 50,
      quartile: 2,
    });
    expect(result.positions.R1?.trainingRate).toEqual({
      value: 0.005,
      percentileRank: 100 / 12,
      quartile: 1,
    });
    expect(result.positions.P5?.trainingRate).toEqual({
      value: 0.04,
      percentileRank: 1100 / 12,
      quartile: 4,
    });
    expect(Object.keys(result.positions.P1 ?? {})).toEqual([...NUMERIC_INDICATOR_KEYS]);
  });

  it("counts only computable values and gives null positions when the network is too small", () => {
    const few = benchmark(
      [
        member("A", "Rural"),
        member("B", "Rural", { "finance.grossPayroll": null }),
        member("C", null),
      ],
      { minGroupSize: 3 },
    );
    expect(few.network.trainingRate).toEqual({ n: 2, suppressed: true });
    expect(few.network.financialBalance).toMatchObject({ n: 3, median: 2 });
    expect(few.positions.B?.trainingRate).toEqual({
      value: null,
      percentileRank: null,
      quartile: null,
    });
    expect(few.positions.A?.trainingRate).toEqual({
      value: 0.02,
      percentileRank: null,
      quartile: null,
    });
    expect(Object.keys(few.groups)).toEqual(["Rural"]);
  });
});

describe("changes since the previous exercice", () => {
  const now = member("A", "Rural").indicators;
  const before = member("A", "Rural", {
    "finance.trainingCosts": 4_500,
    "network.certificationInPlan": false,
  }).indicators;

  it("subtract the previous value in the indicator's own unit", () => {
    expect(changeSince(now, before, "trainingRate")).toBeCloseTo(0.005, 15);
    expect(changeSince(now, before, "financialBalance")).toBe(0);
  });

  it("give null without a previous exercice, a value on either side, or for Oui/Non", () => {
    expect(changeSince(now, null, "trainingRate")).toBeNull();
    const missing = member("A", "Rural", { "finance.grossPayroll": null }).indicators;
    expect(changeSince(now, missing, "trainingRate")).toBeNull();
    expect(changeSince(missing, now, "trainingRate")).toBeNull();
    expect(changeSince(now, before, "certificationInPlan")).toBeNull();
  });

  it("give the change of the network median, unless either side is suppressed", () => {
    const current = stats([1, 2, 3, 4, 5]);
    expect(medianChange(current, stats([0, 1, 2, 3, 4]))).toBe(1);
    expect(medianChange(current, stats([-1, 0, 1, 2, 3]))).toBe(2);
    expect(medianChange(current, null)).toBeNull();
    expect(medianChange(current, stats([1, 2]))).toBeNull();
    expect(medianChange(stats([1, 2]), current)).toBeNull();
  });
});
