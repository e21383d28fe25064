// Verdicts in words against an independent reading of every structure's place, ties included (the 100 % governance case).
import { describe, expect, it } from "vitest";
import {
  demoCampaign,
  formatNumber,
  type GroupView,
  generateNetwork,
  indexPopulation,
  memberOf,
  NUMERIC_INDICATOR_KEYS,
  positionStructure,
} from "../src/index.ts";

/** QUARTILE.INC written out again, on its own copy. */
function quartile(values: readonly number[], p: number): number {
  const x = [...values].sort((a, b) => a - b);
  const h = (x.length - 1) * p;
  const lo = Math.floor(h);
  return (
    (x[lo] as number) +
    (h - lo) * ((x[Math.min(lo + 1, x.length - 1)] as number) - (x[lo] as number))
  );
}

/** The expected words for `value` among `values` (which include it), read independently. */
function expectedWords(values: readonly number[], value: number, scope: string): string {
  const max = Math.max(...values);
  const min = Math.min(...values);
  const equal = values.filter((v) => v === value).length;
  const like = equal >= 3 ? `, comme ${equal - 1} autres structures` : "";
  if (min === max) return `au même niveau que toutes les structures ${scope}`;
  if (value === max) return `au niveau le plus haut ${scope}${like}`;
  if (value === min) return `au niveau le plus bas ${scope}${like}`;
  if (value > quartile(values, 0.75)) return `dans le quart le plus haut ${scope}`;
  if (value < quartile(values, 0.25)) return `dans le quart le plus bas ${scope}`;
  return `dans la moitié centrale ${scope}`;
}

describe("verdicts", () => {
  const network = generateNetwork({ size: 120, seed: 11 });
  const campaign = demoCampaign(network);
  const valuesOf = (key: string, territory: string | null) =>
    campaign.structures
      .filter((s) => territory === null || s.territory === territory)
      .map((s) => s.indicators[key as "trainingRate"].value)
      .filter((v): v is number => typeof v === "number");

  it("agree with an independent reading for every structure, indicator and group", () => {
    let checked = 0;
    for (const report of campaign.reports)
      for (const i of report.positioning.indicators) {
        if (!NUMERIC_INDICATOR_KEYS.includes(i.key)) continue;
        const groups: [GroupView, string | null, string][] = [[i.network, null, "du réseau"]];
        if (i.group) groups.push([i.group, i.group.label, `du groupe ${i.group.label}`]);
        for (const [view, territory, scope] of groups) {
          const values = valuesOf(i.key, territory);
          if (typeof i.value !== "number")
            expect(view.verdict?.text).toBe("non comparable : valeur non calculable");
          else if (values.length < 5) expect(view.verdict?.kind).toBe("notComparable");
          else {
            expect(view.verdict?.text, `${report.structure.code} ${i.key}`).toBe(
              expectedWords(values, i.value, scope),
            );
            checked++;
          }
        }
      }
    expect(checked).toBeGreaterThan(1500);
  });

  it("never reads a value at the network's highest level as below the middle (100 % governance regularity)", () => {
    // The Union's 2018 shape: 35 structures, more than half of them at 100 %, so the median is the maximum.
    const campaign = demoCampaign(generateNetwork());
    const values = campaign.structures
      .map((s) => s.indicators.governanceRegularity.value)
      .filter((v): v is number => typeof v === "number");
    const atTop = values.filter((v) => v === 1).length;
    expect(atTop).toBeGreaterThan(values.length / 2);
    const report = campaign.reports.find(
      (r) => r.positioning.indicators.find((i) => i.key === "governanceRegularity")?.value === 1,
    );
    const line = report?.positioning.indicators.find((i) => i.key === "governanceRegularity");
    expect(line?.network.verdict?.text).toBe(
      `au niveau le plus haut du réseau, comme ${formatNumber(atTop - 1)} autres structures`,
    );
    // The quartile the sheet shows agrees: the top one, not the 2nd (the median equals the maximum).
    expect(line?.network.position.quartile).toBe(4);
  });

  it("name their own group when the network is a single territory (whose values it shares)", () => {
    const members = generateNetwork({ size: 12, seed: 4 }).structures.map((s) => ({
      ...memberOf(s.current),
      territory: "Urbain QPV",
    }));
    const population = indexPopulation(members);
    for (const m of members) {
      const line = positionStructure(population, m).indicators.find(
        (i) => i.key === "trainingRate",
      );
      expect(line?.network.verdict?.text).toMatch(/ du réseau(,|$)/);
      expect(line?.group?.verdict?.text).toMatch(/ du groupe Urbain QPV(,|$)/);
    }
  });
});
