// Trajectories against an independent computation on a generated network with three campaigns: values, medians of each year, gaps.
import { describe, expect, it } from "vitest";
import {
  computeIndicators,
  demoCampaign,
  generateNetwork,
  indexPopulation,
  memberOf,
  NUMERIC_INDICATOR_KEYS,
  type PimmsReturn,
  positionStructure,
} from "../src/index.ts";

/** The median written out again: the middle value, or the mean of the two middle ones. */
function median(values: readonly number[]): number | null {
  if (values.length < 5) return null;
  const x = [...values].sort((a, b) => a - b);
  const m = Math.floor(x.length / 2);
  return x.length % 2 ? (x[m] as number) : ((x[m - 1] as number) + (x[m] as number)) / 2;
}

describe("trajectories", () => {
  const network = generateNetwork({ size: 80, seed: 5 });
  const campaign = demoCampaign(network);
  const years = [network.year - 2, network.year - 1, network.year];
  const returnsOf = (k: number) =>
    network.structures.map((s) => [s.earlier, s.previous, s.current][k] ?? null);
  const computed = new Map(
    [0, 1, 2].flatMap((k) =>
      returnsOf(k).flatMap((r) => (r ? [[r, computeIndicators(r)]] : [])),
    ) as [PimmsReturn, ReturnType<typeof computeIndicators>][],
  );
  const valueIn = (r: PimmsReturn | null, key: (typeof NUMERIC_INDICATOR_KEYS)[number]) => {
    const v = r ? computed.get(r)?.[key].value : null;
    return typeof v === "number" ? v : null;
  };

  it("give every structure's values and the medians of each year, for every numeric indicator", () => {
    network.structures.forEach((s, i) => {
      const positioning = campaign.reports[i]?.positioning;
      for (const key of NUMERIC_INDICATOR_KEYS) {
        const line = positioning?.indicators.find((x) => x.key === key);
        const expected = years.map((year, k) => {
          const all = returnsOf(k).filter((r): r is PimmsReturn => r !== null);
          const values = (list: PimmsReturn[]) =>
            list.map((r) => valueIn(r, key)).filter((v): v is number => v !== null);
          return {
            year,
            value: valueIn(returnsOf(k)[i] ?? null, key),
            networkMedian: median(values(all)),
            groupMedian: median(
              values(all.filter((r) => r.identification.territory === s.territory)),
            ),
          };
        });
        expect(line?.trajectory.map((p) => p.year)).toEqual(years);
        line?.trajectory.forEach((p, k) => {
          const e = expected[k] as (typeof expected)[number];
          expect(p.value, `${s.code} ${key} ${p.year}`).toBe(e.value);
          for (const m of ["networkMedian", "groupMedian"] as const)
            if (e[m] === null) expect(p[m]).toBeNull();
            else expect(p[m], `${s.code} ${key} ${p.year} ${m}`).toBeCloseTo(e[m] as number, 12);
        });
      }
    });
  });

  it("leave a year not submitted as a gap, never a zero", () => {
    const i = network.structures.findIndex((s) => s.earlier && !s.previous);
    expect(i).toBeGreaterThanOrEqual(0);
    const line = campaign.reports[i]?.positioning.indicators.find((x) => x.key === "trainingRate");
    expect(line?.trajectory.map((p) => p.value === null)).toEqual([false, true, false]);
  });

  it("keep the latest five campaigns at most", () => {
    const s = network.structures[0];
    if (!s) throw new Error("a structure");
    const member = memberOf(s.current);
    const population = indexPopulation([member]);
    const past = [2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017].map((year) => ({
      year,
      population,
      member,
    }));
    const p = positionStructure(population, member, undefined, { history: { year: 2018, past } });
    expect(
      p.indicators.find((x) => x.key === "trainingRate")?.trajectory.map((t) => t.year),
    ).toEqual([2014, 2015, 2016, 2017, 2018]);
  });
});
