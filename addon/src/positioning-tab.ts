// Writes the positioning the server returned into the workbook's Positionnement tab: two batched writes.
import { type Positioning, positioningCells } from "@barometre/shared";
import type { CheckedWorkbook } from "./check-workbook.ts";

/** False when the workbook has no Positionnement tab any more (a new preparation recreates it). */
export function writePositioning(checked: CheckedWorkbook, p: Positioning): boolean {
  const tab = checked.prepared.find((t) => t.kind === "positioning");
  const index = checked.read.grid.sheets.findIndex((s) => s.name === tab?.sheet);
  const sheet = checked.read.sheets[index];
  if (!sheet) return false;
  const { summary, block } = positioningCells(p);
  sheet.getRange(summary.row + 1, summary.col + 1).setValue(summary.value);
  const values = block.values.map((row) => row.map((v) => v ?? ""));
  sheet
    .getRange(block.row + 1, block.col + 1, values.length, values[0]?.length ?? 1)
    .setValues(values);
  return true;
}
