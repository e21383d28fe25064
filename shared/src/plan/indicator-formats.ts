// How each indicator unit is shown in a sheet: its unit text and invariant number format.
import type { Comparison, IndicatorUnit } from "../indicators/index.ts";

export const UNIT_TEXT: Record<IndicatorUnit, string> = {
  percent: "%",
  ratio: "ratio",
  months: "mois",
  count: "nombre",
  points: "points",
  perFte: "par jour et par ETP",
  bool: "Oui / Non",
};

const POINTS = '+0.0" pts";-0.0" pts";0.0" pts"';

export const UNIT_FORMATS: Record<IndicatorUnit, string | undefined> = {
  percent: "0.0%",
  ratio: "0.00",
  months: '0.0" mois"',
  count: "#,##0",
  points: POINTS,
  perFte: "0.0",
  bool: undefined,
};

/** The format of a change since N-1: percentage points for rates, a signed number otherwise. */
export function changeFormat(unit: IndicatorUnit): string | undefined {
  if (unit === "percent" || unit === "points") return POINTS;
  const format = UNIT_FORMATS[unit];
  return format && `+${format};-${format};${format}`;
}

/** A threshold shows its comparison: "≥ 60,0 %", "> 1,00". */
export function thresholdFormat(unit: IndicatorUnit, op: Comparison): string | undefined {
  const format = UNIT_FORMATS[unit];
  return format && `"${op === ">=" ? "≥" : ">"} "${format}`;
}
