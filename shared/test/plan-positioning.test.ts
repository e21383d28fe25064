// The Positionnement tab's layout and the values the add-on writes into it from a structure's Positioning.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FIXTURE_DIR } from "@barometre/testing/legacy-fixtures";
import { describe, expect, it } from "vitest";
import {
  buildWorkbookPlan,
  coerceReturn,
  computeIndicators,
  HIDDEN,
  indexPopulation,
  indicator,
  isSuppressed,
  type Member,
  NUMERIC_INDICATOR_KEYS,
  POSITIONING_HEADERS,
  POSITIONING_INTRO,
  POSITIONING_LAYOUT,
  POSITIONING_WAITING,
  positioningCells,
  positionStructure,
  type TabPlan,
} from "../src/index.ts";

const network = JSON.parse(readFileSync(join(FIXTURE_DIR, "network.json"), "utf8")) as unknown[];
const members: Member[] = network.map((item) => {
  const { ret } = coerceReturn(item);
  return {
    structureCode: ret.identification.structureCode as string,
    territory: ret.identification.territory,
    indicators: computeIndicators(ret),
  };
});
const tab = buildWorkbookPlan(null).tabs.find((t) => t.kind === "positioning") as TabPlan;
const L = POSITIONING_LAYOUT;

describe("the Positionnement tab", () => {
  it("says the figures arrive after the return is sent, above one row per numeric indicator", () => {
    expect(tab.cells[1]?.[0]?.value).toBe(POSITIONING_INTRO);
    expect(tab.cells[L.summaryRow]?.[L.summaryCol]?.value).toBe(POSITIONING_WAITING);
    expect(tab.cells[L.headerRow]?.map((c) => c?.value)).toEqual([...POSITIONING_HEADERS]);
    expect(L.rows).toEqual(NUMERIC_INDICATOR_KEYS);
    L.rows.forEach((key, i) => {
      const row = tab.cells[L.firstRow + i] ?? [];
      expect(row[0]?.value).toBe(indicator(key).name);
      // Every figure cell is planned (formatted, protected) and empty until the add-on fills it.
      for (let m = 0; m < L.metrics.length; m++) expect(row[L.firstCol + m]?.value).toBeNull();
    });
    expect(tab.cells).toHaveLength(L.firstRow + L.rows.length);
  });
});

describe("positioningCells", () => {
  it("fits the tab's block and carries the structure's figures", () => {
    const population = indexPopulation(members, 3);
    const member = members[0] as Member;
    const p = positionStructure(population, member);
    const cells = positioningCells(p);
    expect(cells.block).toMatchObject({ row: L.firstRow, col: L.firstCol });
    expect(cells.block.values).toHaveLength(L.rows.length);
    L.rows.forEach((key, i) => {
      const row = cells.block.values[i] as unknown[];
      expect(row).toHaveLength(L.metrics.length);
      const at = (metric: (typeof L.metrics)[number]) => row[L.metrics.indexOf(metric)];
      const got = p.indicators.find((x) => x.key === key);
      const value = member.indicators[key].value;
      expect(at("value"), key).toBe(typeof value === "number" ? value : "non calculable");
      const stats = got?.network.stats;
      if (stats && !isSuppressed(stats)) {
        expect(at("networkMedian"), key).toBe(stats.median);
        expect(at("networkQ1"), key).toBe(stats.q1);
        expect(at("networkQ3"), key).toBe(stats.q3);
      }
      expect(at("percentileRank"), key).toBe(got?.network.position.percentileRank);
      expect(at("quartile"), key).toBe(got?.network.position.quartile);
    });
    expect(cells.summary).toEqual({
      row: L.summaryRow,
      col: L.summaryCol,
      value: expect.stringMatching(
        /^Positionnement parmi 6 structures du réseau ; groupe de comparaison : /,
      ),
    });
  });

  it("writes « masqué » and says why when the groups are too small", () => {
    const population = indexPopulation(members, 50);
    const cells = positioningCells(positionStructure(population, members[0] as Member));
    const median = L.metrics.indexOf("networkMedian");
    for (const row of cells.block.values) expect(row[median]).toBe(HIDDEN);
    expect(cells.summary.value).toContain("Moins de 50 structures");
  });
});
