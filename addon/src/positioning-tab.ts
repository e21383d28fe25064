// Writes into the workbook's Positionnement tab, in two batched writes: the positioning the server returned, or before
// sending, the last closed campaign's network with formulas placing the live indicators in it.
import {
  type LastNetwork,
  lastNetworkCells,
  type Positioning,
  type PositioningCells,
  positioningCells,
} from "@barometre/shared";
import type { CheckedWorkbook } from "./check-workbook.ts";

/** False when the workbook has no Positionnement tab any more (a new preparation recreates it). */
export const writePositioning = (checked: CheckedWorkbook, p: Positioning): boolean =>
  writeCells(checked, positioningCells(p));

export const writeLastNetwork = (checked: CheckedWorkbook, last: LastNetwork): boolean =>
  writeCells(checked, lastNetworkCells(last));

function writeCells(checked: CheckedWorkbook, { summary, block }: PositioningCells): boolean {
  const tab = checked.prepared.find((t) => t.kind === "positioning");
  const index = checked.read.grid.sheets.findIndex((s) => s.name === tab?.sheet);
  const sheet = checked.read.sheets[index];
  if (!sheet) return false;
  sheet.getRange(summary.row + 1, summary.col + 1).setValue(summary.value);
  const values = block.values.map((row) => row.map((v) => v ?? ""));
  sheet
    .getRange(block.row + 1, block.col + 1, values.length, values[0]?.length ?? 1)
    .setValues(values);
  return true;
}
