// "Libellé non reconnu" warnings, capped so that a tab of unrelated data cannot flood the findings.
import { cellRef } from "../grid/index.ts";
import type { Finding } from "../validation/finding.ts";
import { formatNumber, formatRaw } from "../values/format.ts";
import type { UnknownLabel } from "./candidate.ts";

/** Beyond this many, unknown labels are summed up in one finding. */
const MAX_REPORTED = 50;

export function unknownLabelFindings(unknown: readonly UnknownLabel[]): Finding[] {
  const findings: Finding[] = unknown.slice(0, MAX_REPORTED).map((u) => ({
    severity: "warning",
    field: null,
    cell: cellRef(u.sheet.grid.name, u.row, u.col),
    message: `Libellé non reconnu : « ${formatRaw(u.text)} » (valeur « ${formatRaw(u.value)} ») ; cette ligne n'est pas importée.`,
  }));
  const rest = unknown.slice(MAX_REPORTED);
  if (rest.length > 0) {
    const tabs = [...new Set(rest.map((u) => `« ${u.sheet.grid.name} »`))].join(", ");
    findings.push({
      severity: "warning",
      field: null,
      cell: null,
      message: `${formatNumber(rest.length)} autres libellés non reconnus (onglets ${tabs}) ne sont pas importés.`,
    });
  }
  return findings;
}
