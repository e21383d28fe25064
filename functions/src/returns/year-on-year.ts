// The year-on-year review: a warning for every amount or count that moved by more than ±50 % since the previous exercice.
import {
  type CellLocator,
  FIELDS,
  type Field,
  type Finding,
  formatEur,
  formatNumber,
  formatPercent,
  getValue,
  type PimmsReturn,
} from "@barometre/shared";

/** A relative change beyond this, either way, asks the director to check the figure. */
const THRESHOLD = 0.5;

/** Amounts and counts; the exercice itself always moves by one year. */
const REVIEWED = FIELDS.filter(
  (f) =>
    (f.type === "int" || f.type === "dec" || f.type === "eur") && f.key !== "identification.year",
);

const show = (f: Field, value: number) =>
  f.type === "eur" ? formatEur(value) : formatNumber(value, Number.isInteger(value) ? 0 : 2);

/**
 * Warnings for the figures of `current` that differ from `previous` by more than 50 % of the previous value.
 * A previous value of zero has no relative change and is not compared.
 */
export function yearOnYearWarnings(
  current: PimmsReturn,
  previous: PimmsReturn,
  cellOf: CellLocator,
): Finding[] {
  const findings: Finding[] = [];
  const now = current.identification.year;
  const before = previous.identification.year;
  for (const f of REVIEWED) {
    const a = getValue(previous, f);
    const b = getValue(current, f);
    if (typeof a !== "number" || typeof b !== "number" || a === 0) continue;
    const change = (b - a) / Math.abs(a);
    if (Math.abs(change) <= THRESHOLD) continue;
    findings.push({
      severity: "warning",
      field: f.key,
      cell: cellOf(f.key),
      message: `« ${f.label} » passe de ${show(f, a)} en ${before} à ${show(f, b)} en ${now} (${change > 0 ? "+" : ""}${formatPercent(change)}) : vérifiez ce chiffre.`,
    });
  }
  return findings;
}
