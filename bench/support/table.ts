// The French table of figures printed at the end of a bench run, with the details under it.

import { renderTable } from "@barometre/cli";
import { formatNumber } from "@barometre/shared";
import type { Figure } from "../figure.ts";
import type { Goal, Unit } from "../goals.ts";

const SUFFIX: Record<Unit, string> = {
  count: "",
  ratio: "",
  ms: " ms",
  perSecond: " /s",
  euros: " €",
};

/** Three significant digits at most for ratios (1,08 ; 28,4 ; 283), one decimal for times and rates. */
function decimals(value: number, unit: Unit): number {
  if (unit === "ms") return 1;
  if (unit === "euros") return 2;
  if (Number.isInteger(value) || unit === "count") return 0;
  if (unit === "perSecond") return 1;
  return value >= 100 ? 0 : value >= 10 ? 1 : 2;
}

export const formatFigure = (value: number, unit: Unit): string =>
  `${formatNumber(value, decimals(value, unit))}${SUFFIX[unit]}`;

export const goalText = (f: Goal) =>
  f.op === null || f.target === null ? "—" : `${f.op} ${formatFigure(f.target, f.unit)}`;

export const passText = (f: Figure) => (f.pass === null ? "—" : f.pass ? "oui" : "non");

export function figuresTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.key,
    f.value === null ? "absente" : formatFigure(f.value, f.unit),
    goalText(f),
    passText(f),
  ]);
  const details = figures.map((f) => {
    const extra = f.absentReason ?? f.note;
    return `- ${f.key} : ${f.label}.${extra ? ` ${f.absentReason ? "Absente : " : ""}${extra}` : ""}`;
  });
  return [renderTable(["clé", "mesure", "objectif", "atteint ?"], rows), "", ...details].join("\n");
}
