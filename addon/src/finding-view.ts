// A finding as the sidebar lists it: its French message and the cell a click selects.
import { a1, type Finding, parseCellRef } from "@barometre/shared";
import type { FindingView } from "./panel-types.ts";

/**
 * `cells` holds where each field sits in this workbook: the server points at the canonical tab names,
 * which this workbook may have had to change (a user's own tab already bore the name).
 */
export function findingView(f: Finding, cells: Readonly<Record<string, string>> = {}): FindingView {
  const cell = (f.field ? cells[f.field] : undefined) ?? f.cell;
  const ref = cell ? parseCellRef(cell) : null;
  return {
    severity: f.severity,
    field: f.field,
    message: f.message,
    cell,
    place: ref ? `${ref.sheet}, ${a1(ref.row, ref.col)}` : null,
  };
}
