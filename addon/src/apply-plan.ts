// Applies the shared workbook plan to the open spreadsheet with batched calls: a fixed number per tab, whatever the data.
import { a1, type NamedCell, type Range0, type TabPlan } from "@barometre/shared";
import { dataValidation } from "./data-validation.ts";
import {
  applyStyles,
  noteMatrix,
  numberFormatMatrix,
  tabWidth,
  valueMatrix,
} from "./tab-matrices.ts";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const rangeOf = (sheet: Sheet, r: Range0) =>
  sheet.getRange(r.top + 1, r.left + 1, r.bottom - r.top + 1, r.right - r.left + 1);

/** Consecutive columns of equal width, so each run is one call. */
function widthRuns(widths: readonly number[]): { start: number; count: number; width: number }[] {
  const runs: { start: number; count: number; width: number }[] = [];
  widths.forEach((width, col) => {
    const last = runs[runs.length - 1];
    if (last && last.width === width && last.start + last.count === col) last.count++;
    else runs.push({ start: col, count: 1, width });
  });
  return runs;
}

function applyCells(sheet: Sheet, tab: TabPlan): void {
  const width = tabWidth(tab);
  const range = sheet.getRange(1, 1, tab.cells.length, width);
  // Formats first: Sheets would otherwise read a text input such as "0123" as a number.
  range.setNumberFormats(numberFormatMatrix(tab, width).matrix);
  range.setValues(valueMatrix(tab, width));
  const validations = tab.cells.map((row, r) =>
    Array.from({ length: width }, (_, c) => {
      const rule = row[c]?.validation;
      return rule ? dataValidation(rule, a1(r, c)) : null;
    }),
  );
  if (validations.some((row) => row.some((v) => v !== null))) range.setDataValidations(validations);
  applyStyles(range, tab, width);
  const notes = noteMatrix(tab, width);
  if (notes.used) range.setNotes(notes.matrix);
}

function applyLayout(sheet: Sheet, tab: TabPlan): void {
  for (const run of widthRuns(tab.columnWidths)) {
    sheet.setColumnWidths(run.start + 1, run.count, run.width);
  }
  if (tab.frozenRows > 0) sheet.setFrozenRows(tab.frozenRows);
  for (const merge of tab.merges) rangeOf(sheet, merge).merge();
  for (const p of tab.protections) {
    rangeOf(sheet, p.range).protect().setDescription(p.description).setWarningOnly(true);
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

/** Inserts the tab at `index` (0-based) and gives it the plan's cells, rules and layout. */
export function applyTab(ss: Spreadsheet, tab: TabPlan, index: number): Sheet {
  const sheet = ss.insertSheet(tab.name, index);
  applyCells(sheet, tab);
  applyLayout(sheet, tab);
  return sheet;
}

/** Workbook-level names of the cells on the given sheets (fld_… inputs, ind_… indicators). */
export function applyNames(
  ss: Spreadsheet,
  names: readonly NamedCell[],
  sheets: ReadonlyMap<string, Sheet>,
) {
  for (const n of names) {
    const sheet = sheets.get(n.tab);
    if (sheet) ss.setNamedRange(n.name, sheet.getRange(n.row + 1, n.col + 1));
  }
}
