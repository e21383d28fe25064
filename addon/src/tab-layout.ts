// A tab's layout in a new sheet: column widths, frozen rows, merged sentences, its protection and band colours.
import type { Range0, TabPlan } from "@barometre/shared";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A new Google sheet's column width, in pixels: columns planned at it need no call. */
export const NEW_SHEET_COLUMN_WIDTH = 100;

export const rangeOf = (sheet: Sheet, r: Range0) =>
  sheet.getRange(r.top + 1, r.left + 1, r.bottom - r.top + 1, r.right - r.left + 1);

/** Runs of neighbouring columns of equal width, so each run is one call; runs a new sheet already has are left out. */
export function widthRuns(
  widths: readonly number[],
): { start: number; count: number; width: number }[] {
  const runs: { start: number; count: number; width: number }[] = [];
  widths.forEach((width, col) => {
    const last = runs[runs.length - 1];
    if (last && last.width === width && last.start + last.count === col) last.count++;
    else runs.push({ start: col, count: 1, width });
  });
  return runs.filter((run) => run.width !== NEW_SHEET_COLUMN_WIDTH);
}

/**
 * The merges as calls: single-row merges stacked over the same columns (the tab's sentences) become
 * one mergeAcross, which merges each row of its range apart; any other merge is one merge.
 */
export function mergeCalls(merges: readonly Range0[]): { range: Range0; across: boolean }[] {
  const calls: { range: Range0; across: boolean }[] = [];
  for (const m of merges) {
    const last = calls[calls.length - 1];
    const stacked =
      last?.across &&
      m.top === m.bottom &&
      last.range.left === m.left &&
      last.range.right === m.right &&
      last.range.bottom + 1 === m.top;
    if (last && stacked) last.range = { ...last.range, bottom: m.bottom };
    else calls.push({ range: { ...m }, across: m.top === m.bottom });
  }
  return calls;
}

export function applyLayout(sheet: Sheet, tab: TabPlan): void {
  for (const run of widthRuns(tab.columnWidths)) {
    sheet.setColumnWidths(run.start + 1, run.count, run.width);
  }
  if (tab.frozenRows > 0) sheet.setFrozenRows(tab.frozenRows);
  for (const { range, across } of mergeCalls(tab.merges)) {
    if (across) rangeOf(sheet, range).mergeAcross();
    else rangeOf(sheet, range).merge();
  }
  // One warning-only protection of the whole sheet, its inputs left out: every other cell warns.
  const protection = sheet
    .protect()
    .setDescription(tab.protection.description)
    .setWarningOnly(true);
  if (tab.protection.editable.length > 0) {
    protection.setUnprotectedRanges(tab.protection.editable.map((r) => rangeOf(sheet, r)));
  }
  if (tab.conditionalFormats.length > 0) {
    sheet.setConditionalFormatRules(
      tab.conditionalFormats.map((cf) =>
        SpreadsheetApp.newConditionalFormatRule()
          .whenTextEqualTo(cf.text)
          .setBackground(cf.background)
          .setFontColor(cf.fontColor)
          .setRanges([rangeOf(sheet, cf.range)])
          .build(),
      ),
    );
  }
}
