// How an indicator's value reads in French, by unit: "64,0 %", "2,42", "7,3 mois", "+3,8 pts", "Oui".
import { formatNumber, formatPercent, formatPoints } from "../values/format.ts";
import { type IndicatorKey, type IndicatorUnit, indicator } from "./definitions.ts";

export function formatUnitValue(unit: IndicatorUnit, value: number | boolean): string {
  if (typeof value === "boolean") return value ? "Oui" : "Non";
  switch (unit) {
    case "percent":
      return formatPercent(value);
    case "ratio":
      return formatNumber(value, 2);
    case "months":
      return `${formatNumber(value, 1)}\u00a0mois`;
    case "points":
      return formatPoints(value);
    case "perFte":
      return formatNumber(value, 1);
    case "count":
      return formatNumber(value, Number.isInteger(value) ? 0 : 1);
    case "bool":
      return value ? "Oui" : "Non";
  }
}

export function formatIndicatorValue(key: IndicatorKey, value: number | boolean | null): string {
  return value === null ? "non calculable" : formatUnitValue(indicator(key).unit, value);
}
