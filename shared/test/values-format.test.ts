// fr-FR display of numbers, amounts, rates, points and dates.
import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatEur,
  formatIndicatorValue,
  formatNumber,
  formatPercent,
  formatPoints,
  formatRaw,
  formatUnitValue,
} from "../src/index.ts";

const NBSP = "\u00a0";
const G = "\u202f";

describe("formatNumber", () => {
  it("groups thousands with a narrow no-break space and uses a decimal comma", () => {
    expect(formatNumber(0)).toBe("0");
    expect(formatNumber(999)).toBe("999");
    expect(formatNumber(1_000)).toBe(`1${G}000`);
    expect(formatNumber(1_024_140.5, 2)).toBe(`1${G}024${G}140,50`);
    expect(formatNumber(653_905)).toBe(`653${G}905`);
    expect(formatNumber(0.125, 3)).toBe("0,125");
  });

  it("writes negatives with a minus and never shows -0", () => {
    expect(formatNumber(-5_895.83, 2)).toBe(`-5${G}895,83`);
    expect(formatNumber(-0.004, 2)).toBe("0,00");
    expect(formatNumber(-0)).toBe("0");
  });

  it("writes huge numbers in full and never prints NaN or Infinity", () => {
    expect(formatNumber(1e21)).toBe(`1${G}000${G}000${G}000${G}000${G}000${G}000${G}000`);
    expect(formatNumber(-2e21, 2)).toBe(`-2${G}000${G}000${G}000${G}000${G}000${G}000${G}000,00`);
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe("∞");
    expect(formatNumber(Number.NEGATIVE_INFINITY)).toBe("-∞");
    expect(formatNumber(Number.NaN)).toBe("—");
  });

  it("agrees with Intl fr-FR", () => {
    const intl = new Intl.NumberFormat("fr-FR", {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    for (const n of [0, 7.5, 1_234.56, 987_654_321.09, -42_000.1])
      expect(formatNumber(n, 2)).toBe(intl.format(n).replace("\u2212", "-"));
  });
});

describe("amounts, rates, points and dates", () => {
  it("formats euros with two decimals and a no-break space before €", () => {
    expect(formatEur(1_024_140.5)).toBe(`1${G}024${G}140,50${NBSP}€`);
    expect(formatEur(-12)).toBe(`-12,00${NBSP}€`);
  });

  it("formats a fraction as a percentage", () => {
    expect(formatPercent(0.642)).toBe(`64,2${NBSP}%`);
    expect(formatPercent(1)).toBe(`100,0${NBSP}%`);
    expect(formatPercent(0.02, 0)).toBe(`2${NBSP}%`);
  });

  it("signs percentage points, and shows a change that rounds to zero without a sign", () => {
    expect(formatPoints(3.84)).toBe(`+3,8${NBSP}pts`);
    expect(formatPoints(-3.84)).toBe(`-3,8${NBSP}pts`);
    expect(formatPoints(0)).toBe(`0,0${NBSP}pts`);
    expect(formatPoints(-0.04)).toBe(`0,0${NBSP}pts`);
    expect(formatPoints(0.04)).toBe(`0,0${NBSP}pts`);
  });

  it("writes ISO days as jj/mm/aaaa", () => {
    expect(formatDate("2019-04-12")).toBe("12/04/2019");
  });

  it("quotes raw cells shortly and never throws, even on an invalid date", () => {
    expect(formatRaw("x".repeat(100))).toBe(`${"x".repeat(57)}…`);
    expect(formatRaw(new Date(Date.UTC(2019, 3, 12)))).toBe("2019-04-12");
    expect(formatRaw(new Date(Number.NaN))).toBe("date invalide");
    expect(formatRaw(null)).toBe("");
  });
});

describe("indicator values", () => {
  it("reads each unit in French", () => {
    expect(formatUnitValue("percent", 0.64)).toBe(`64,0${NBSP}%`);
    expect(formatUnitValue("ratio", 2.4245)).toBe("2,42");
    expect(formatUnitValue("months", 7.27)).toBe(`7,3${NBSP}mois`);
    expect(formatUnitValue("points", 3.8)).toBe(`+3,8${NBSP}pts`);
    expect(formatUnitValue("perFte", 4.567)).toBe("4,6");
    expect(formatUnitValue("count", 1_200)).toBe(`1${G}200`);
    expect(formatUnitValue("count", 289.75)).toBe("289,8");
    expect(formatUnitValue("bool", true)).toBe("Oui");
    expect(formatUnitValue("bool", false)).toBe("Non");
  });

  it("says « non calculable » for a missing value", () => {
    expect(formatIndicatorValue("financialBalance", null)).toBe("non calculable");
    expect(formatIndicatorValue("certificationInPlan", false)).toBe("Non");
    expect(formatIndicatorValue("trainingRate", 0.015)).toBe(`1,5${NBSP}%`);
  });
});
