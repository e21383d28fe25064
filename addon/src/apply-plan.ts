// Applies the shared workbook plan to the open spreadsheet with batched calls: a fixed number per tab, whatever the data, and one per defined name.
import { a1, type NamedCell, type TabPlan } from "@barometre/shared";
import { dataValidation } from "./data-validation.ts";
import { applyLayout } from "./tab-layout.ts";
import {
  applyStyles,
  noteMatrix,
  numberFormatMatrix,
  type TextStyles,
  tabWidth,
  valueMatrix,
} from "./tab-matrices.ts";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function applyCells(sheet: Sheet, tab: TabPlan, styles: TextStyles): void {
  const width = tabWidth(tab);
  const range = sheet.getRange(1, 1, tab.cells.length, width);
  // Formats first: Sheets would otherwise read a text input such as "0123" as a number.
  const formats = numberFormatMatrix(tab, width);
  if (formats.used) range.setNumberFormats(formats.matrix);
  range.setValues(valueMatrix(tab, width));
  const validations = tab.cells.map((row, r) =>
    Array.from({ length: width }, (_, c) => {
      const rule = row[c]?.validation;
      return rule ? dataValidation(rule, a1(r, c)) : null;
    }),
  );
  if (validations.some((row) => row.some((v) => v !== null))) range.setDataValidations(validations);
  applyStyles(range, tab, width, styles);
  const notes = noteMatrix(tab, width);
  if (notes.used) range.setNotes(notes.matrix);
}

/** Inserts the tab at `index` (0-based) and gives it the plan's cells, rules and layout. */
export function applyTab(ss: Spreadsheet, tab: TabPlan, index: number, styles: TextStyles): Sheet {
  const sheet = ss.insertSheet(tab.name, index);
  applyCells(sheet, tab, styles);
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
