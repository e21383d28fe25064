// A finding as the sidebar lists it: its French message and the cell a click selects.
import { a1, type Finding, parseCellRef } from "@barometre/shared";
import type { FindingView } from "./panel-types.ts";

/** `cells` places findings that come without a cell (the server's) at the field's cell in this workbook. */
export function findingView(f: Finding, cells: Readonly<Record<string, string>> = {}): FindingView {
  const cell = f.cell ?? (f.field ? (cells[f.field] ?? null) : null);
  const ref = cell ? parseCellRef(cell) : null;
  return {
    severity: f.severity,
    message: f.message,
    cell,
    place: ref ? `${ref.sheet}, ${a1(ref.row, ref.col)}` : null,
  };
}
