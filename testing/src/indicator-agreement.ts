// Asserts that a workbook's Indicateurs tab, as a formula engine computes it, agrees with the TypeScript indicators.
import {
  type BandSettings,
  bandsFor,
  computeIndicators,
  INDICATOR_COLS,
  INDICATORS,
  indicatorName,
  indicatorRow,
  NO_BANDS,
  NOT_COMPUTABLE,
  type PimmsReturn,
  STATUS_LABELS,
} from "@barometre/shared";
import { expect } from "vitest";
import type { FormulaWorkbook } from "./formula-engine.ts";

/**
 * Every indicator value equals computeIndicators to 1e-9, a value that cannot be computed shows
 * "non calculable : <the same reason>", and every status cell shows the same band.
 */
export function expectIndicatorsAgree(
  sheet: FormulaWorkbook,
  ret: PimmsReturn,
  bands: BandSettings = {},
): void {
  const ts = computeIndicators(ret, bands);
  const tab = sheet.definedNames.find((n) => n.name === indicatorName("governanceRegularity"))?.tab;
  if (!tab) throw new Error("The workbook has no Indicateurs tab");
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
