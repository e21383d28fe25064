// The Indicateurs tab's formulas, evaluated by HyperFormula, agree with the TypeScript indicators.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type FormulaWorkbook, planWorkbook } from "../../tests/helpers/formula-engine.ts";
import { returnArbitrary } from "../../tests/helpers/return-arbitrary.ts";
import {
  type BandSettings,
  bandsFor,
  buildWorkbookPlan,
  computeIndicators,
  field,
  INDICATOR_COLS,
  INDICATORS,
  indicatorName,
  indicatorRow,
  NO_BANDS,
  NOT_COMPUTABLE,
  type PimmsReturn,
  STATUS_LABELS,
  setValue,
} from "../src/index.ts";
import { guardReason } from "../src/indicators/expr.ts";

const dir = join(import.meta.dirname, "../../tests/fixtures/legacy-2018");
const fixtures = readdirSync(dir)
  .filter((n) => n.endsWith(".truth.json"))
  .map((name) => ({
    name,
    ret: (JSON.parse(readFileSync(join(dir, name), "utf8")) as { return: PimmsReturn }).return,
  }));

/** Every indicator value and status of the sheet equals the TypeScript engine's, to 1e-9. */
function expectAgreement(sheet: FormulaWorkbook, ret: PimmsReturn, bands: BandSettings = {}) {
  const ts = computeIndicators(ret, bands);
  const tab = sheet.definedNames.find((n) => n.name.startsWith("ind_"))?.tab as string;
  for (const def of INDICATORS) {
    const got = sheet.named(indicatorName(def.key));
    const want = ts[def.key];
    if (want.value === null) expect(got, def.key).toBe(NOT_COMPUTABLE + want.reason);
    else if (typeof want.value === "boolean") expect(got, def.key).toBe(want.value ? "Oui" : "Non");
    else {
      expect(typeof got, `${def.key}: ${String(got)}`).toBe("number");
      expect(Math.abs((got as number) - want.value), def.key).toBeLessThanOrEqual(1e-9);
    }
    const status = sheet.value(tab, indicatorRow(def), INDICATOR_COLS.status);
    const expected =
      bandsFor(def.key, bands) === null ? NO_BANDS : want.status ? STATUS_LABELS[want.status] : "";
    expect(status, `${def.key} status`).toBe(expected);
  }
}

describe("Indicateurs formulas against computeIndicators", () => {
  it.each(fixtures)("agree on $name", ({ ret }) => {
    expectAgreement(planWorkbook(buildWorkbookPlan(ret)), ret);
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
        expectAgreement(planWorkbook(buildWorkbookPlan(ret)), ret);
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
          expectAgreement(sheet, edited);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("follow a governance date cleared and a presence changed", () => {
    const { ret } = fixtures[0] as { ret: PimmsReturn };
    const sheet = planWorkbook(buildWorkbookPlan(ret));
    const edited = structuredClone(ret);
    edited.governance.agCloture.date = null;
    sheet.setNamed("fld_governance_agCloture_date", null);
    expectAgreement(sheet, edited);
    edited.governance.caOrientation.secretary = false;
    sheet.setNamed("fld_governance_caOrientation_secretary", "Non");
    expectAgreement(sheet, edited);
  });

  it("use a campaign's bands, and follow thresholds the Union writes in their cells", () => {
    const { ret } = fixtures[0] as { ret: PimmsReturn };
    const bands: BandSettings = {
      financialBalance: {
        kind: "numeric",
        green: { op: ">", value: 3 },
        orange: { op: ">", value: 2 },
      },
    };
    const sheet = planWorkbook(buildWorkbookPlan(ret, { bands }));
    expectAgreement(sheet, ret, bands);
    const def = INDICATORS.find((d) => d.key === "financialBalance");
    if (!def) throw new Error("financialBalance is defined");
    const tab = sheet.definedNames.find((n) => n.name === "ind_financialBalance")?.tab as string;
    sheet.set(tab, indicatorRow(def), INDICATOR_COLS.green, 1);
    sheet.set(tab, indicatorRow(def), INDICATOR_COLS.orange, 0.5);
    expectAgreement(sheet, ret);
  });
});
