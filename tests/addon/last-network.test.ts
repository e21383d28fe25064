// Before sending, the sidebar places each value in the last closed campaign's network, fetched once with the campaign and kept in the workbook; a send replaces it with the campaign's own positioning.
import {
  computeIndicators,
  type LastNetwork,
  lastNetworkCells,
  NUMERIC_INDICATOR_KEYS,
  POSITIONING_LAYOUT,
  standings,
} from "@barometre/shared";
import { fixture } from "@barometre/testing/legacy-fixtures";
import { describe, expect, it } from "vitest";
import { openConnected, submit } from "./support/connected-session.ts";
import { useFunctionsThread } from "./support/functions-thread.ts";

const functions = useFunctionsThread();

type Verified = {
  ok: true;
  value: { indicators: { lines: { key: string; standing: string | null }[] }[] };
};

/** A last network whose quartiles put the fixture's values in every kind of place. */
function network(year: number, values: Record<string, number | boolean | null>): LastNetwork {
  const indicators: LastNetwork["indicators"] = {};
  NUMERIC_INDICATOR_KEYS.forEach((key, i) => {
    const v = typeof values[key] === "number" ? (values[key] as number) : 0;
    const shift = [-2, 0, 2][i % 3] as number;
    indicators[key] = {
      q1: v - 1 + shift,
      median: v + shift,
      q3: v + 1 + shift,
      highest: i % 5 === 4 ? v : null,
      lowest: null,
    };
  });
  return { year, size: 35, indicators };
}

const campaignAnswer = (last: LastNetwork) => ({
  kind: "answer" as const,
  status: 200,
  body: {
    year: 2018,
    state: "open",
    deadline: null,
    daysLeft: null,
    accepting: true,
    lastNetwork: last,
  },
});

describe("where the values stand while they are typed", () => {
  it("uses the last closed campaign's network kept in the workbook, labelled as such, until the return is sent", async () => {
    const fx = fixture("04");
    const indicators = computeIndicators(fx.ret);
    const values = Object.fromEntries(NUMERIC_INDICATOR_KEYS.map((k) => [k, indicators[k].value]));
    const first = network(2017, values);
    const rt = await openConnected(fx, functions());
    const lines = () => (rt.run("runVerify") as Verified).value.indicators.flatMap((g) => g.lines);
    try {
      expect(lines().every((l) => l.standing === null)).toBe(true);
      await functions().setMode(campaignAnswer(first));
      expect(rt.run("panelCampaign")).toMatchObject({ ok: true });
      // A later answer does not replace what was kept for this campaign.
      await functions().setMode(campaignAnswer(network(2016, values)));
      rt.run("panelCampaign");
    } finally {
      await functions().setMode({ kind: "pass" });
    }
    const expected = standings(first, indicators);
    const shown = lines().filter((l) => l.standing !== null);
    expect(shown.length).toBe(Object.keys(expected).length);
    for (const l of shown) {
      expect(l.standing).toBe(expected[l.key as keyof typeof expected]);
      expect(l.standing).toMatch(/ du réseau 2017$/);
    }
    expect(new Set(shown.map((l) => l.standing?.split(" du ")[0]))).toEqual(
      new Set([
        "dans le quart le plus haut",
        "dans la moitié centrale",
        "dans le quart le plus bas",
        "au niveau le plus haut",
      ]),
    );
    // The Positionnement tab: last year's figures, and formulas that place the live indicators in them.
    const tab = rt.book.sheets.find((t) => t.name.startsWith("Positionnement"));
    if (!tab) throw new Error("no Positionnement tab");
    const L = POSITIONING_LAYOUT;
    expect(rt.book.value(tab, L.summaryRow, L.summaryCol)).toBe(
      lastNetworkCells(first).summary.value,
    );
    const column = (m: (typeof L.metrics)[number]) => L.firstCol + L.metrics.indexOf(m);
    const QUARTILE: Record<string, number> = {
      "au niveau le plus haut": 4,
      "dans le quart le plus haut": 4,
      "dans le quart le plus bas": 1,
    };
    L.rows.forEach((key, r) => {
      const at = (m: (typeof L.metrics)[number]) => rt.book.value(tab, L.firstRow + r, column(m));
      const value = indicators[key].value;
      if (typeof value !== "number") return;
      expect(at("value")).toBeCloseTo(value, 9);
      expect(at("networkMedian")).toBe(first.indicators[key]?.median);
      const words = (expected[key] as string).split(" du ")[0] as string;
      const median = first.indicators[key]?.median as number;
      expect(at("quartile"), key).toBe(QUARTILE[words] ?? (value > median ? 3 : 2));
    });
    expect(submit(rt)).toMatchObject({ sent: true });
    expect(rt.book.value(tab, L.summaryRow, L.summaryCol)).toMatch(/^Positionnement parmi/);
    expect(lines().every((l) => l.standing === null)).toBe(true);
  });
});
