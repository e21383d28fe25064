// The Indicateurs tab's formulas, evaluated by HyperFormula, agree with the TypeScript indicators.

import { planWorkbook } from "@barometre/testing/formula-engine";
import { expectIndicatorsAgree } from "@barometre/testing/indicator-agreement";
import { fixture, LEGACY_FIXTURES } from "@barometre/testing/legacy-fixtures";
import { returnArbitrary } from "@barometre/testing/return-arbitrary";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type BandSettings,
  buildWorkbookPlan,
  computeIndicators,
  field,
  INDICATOR_COLS,
  INDICATORS,
  indicatorName,
  indicatorRow,
  setValue,
} from "../src/index.ts";
import { guardReason } from "../src/indicators/expr.ts";

const fixtures = LEGACY_FIXTURES;

describe("Indicateurs formulas against computeIndicators", () => {
  it.each(fixtures)("agree on $name", ({ ret }) => {
    expectIndicatorsAgree(planWorkbook(buildWorkbookPlan(ret)), ret);
  });

  it("are tested on generated returns that reach every reason and every band", () => {
    const seen = new Set<string>();
    for (const ret of fc.sample(returnArbitrary, { numRuns: 1000, seed: 2018 })) {
      const ts = computeIndicators(ret);
      for (const def of INDICATORS)
        seen.add(`${def.key}: ${ts[def.key].reason ?? ts[def.key].status}`);
    }
    const wanted = INDICATORS.flatMap((def) => [
      ...def.guards.map((g) => `${def.key}: ${guardReason(g)}`),
      ...(def.bands?.kind === "numeric"
        ? ["green", "orange", "red"]
        : def.bands
          ? ["green", "red"]
          : []
      ).map((status) => `${def.key}: ${status}`),
    ]);
    expect(wanted.filter((w) => !seen.has(w))).toEqual([]);
  });

  it("agree on generated returns, computable or not", () => {
    fc.assert(
      fc.property(returnArbitrary, (ret) => {
        expectIndicatorsAgree(planWorkbook(buildWorkbookPlan(ret)), ret);
      }),
      { numRuns: 300 },
    );
  });

  it("agree on an empty workbook: every indicator says why it cannot be computed", () => {
    const sheet = planWorkbook(buildWorkbookPlan(null));
    for (const def of INDICATORS) {
      const got = sheet.named(indicatorName(def.key));
      if (def.key === "governanceRegularity") expect(got).toBe(0);
      else expect(String(got)).toMatch(/^non calculable : /);
    }
  });

  it("follow an input typed into the sheet", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fixtures),
        fc.constantFrom(
          "finance.chargesTotal",
          "finance.associationFunds",
          "social.fteFrontDesk",
          "activity.reasonsDigital",
          "social.exitsOther",
        ),
        fc.oneof(
          fc.constant(0),
          fc.integer({ min: 1, max: 90_000_000 }).map((n) => n / 100),
        ),
        ({ ret }, key, value) => {
          const sheet = planWorkbook(buildWorkbookPlan(ret));
          const edited = structuredClone(ret);
          setValue(edited, field(key), value);
          sheet.setNamed(field(key).name, value);
          expectIndicatorsAgree(sheet, edited);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("follow a governance date cleared and a presence changed", () => {
    const { ret } = fixture("01");
    const sheet = planWorkbook(buildWorkbookPlan(ret));
    const edited = structuredClone(ret);
    edited.governance.agCloture.date = null;
    sheet.setNamed("fld_governance_agCloture_date", null);
    expectIndicatorsAgree(sheet, edited);
    edited.governance.caOrientation.secretary = false;
    sheet.setNamed("fld_governance_caOrientation_secretary", "Non");
    expectIndicatorsAgree(sheet, edited);
  });

  it("use a campaign's bands, and follow thresholds the Union writes in their cells", () => {
    const { ret } = fixture("01");
    const bands: BandSettings = {
      financialBalance: {
        kind: "numeric",
        green: { op: ">", value: 3 },
        orange: { op: ">", value: 2 },
      },
    };
    const sheet = planWorkbook(buildWorkbookPlan(ret, { bands }));
    expectIndicatorsAgree(sheet, ret, bands);
    const def = INDICATORS.find((d) => d.key === "financialBalance");
    if (!def) throw new Error("financialBalance is defined");
    const tab = sheet.definedNames.find((n) => n.name === "ind_financialBalance")?.tab as string;
    sheet.set(tab, indicatorRow(def), INDICATOR_COLS.green, 1);
    sheet.set(tab, indicatorRow(def), INDICATOR_COLS.orange, 0.5);
    expectIndicatorsAgree(sheet, ret);
  });
});
