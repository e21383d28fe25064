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
type Range = GoogleAppsScript.Spreadsheet.Range;

function applyCells(sheet: Sheet, tab: TabPlan, styles: TextStyles): Range {
  const width = tabWidth(tab);
  const range = sheet.getRange(1, 1, tab.cells.length, width);
  // Formats first: Sheets would otherwise read a text input such as "0123" as a number.
  const formats = numberFormatMatrix(tab, width);
  if (formats.used) range.setNumberFormats(formats.matrix);
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
  return range;
}

/**
 * Gives a new sheet the plan's cells, rules and layout. The values, with the marker cell that makes the
 * tab count as prepared, go last: a run stopped halfway leaves a tab without content, which the next
 * run replaces (see prepare-leftovers.ts), never one taken as complete.
 */
export function fillTab(sheet: Sheet, tab: TabPlan, styles: TextStyles): void {
  const range = applyCells(sheet, tab, styles);
  applyLayout(sheet, tab);
  range.setValues(valueMatrix(tab, tabWidth(tab)));
}

/**
 * Workbook-level names of the cells on the given sheets (fld_… inputs, ind_… indicators), defined
 * again on every run. A name may exist already: from an earlier run, or left pointing at #REF! by a
 * deleted tab. Such a name is moved with NamedRange.setRange, whether setNamedRange would refuse it
 * or not; `existing` says names are expected, so they are listed once up front.
 */
export function applyNames(
  ss: Spreadsheet,
  names: readonly NamedCell[],
  sheets: ReadonlyMap<string, Sheet>,
  existing: boolean,
) {
  type Defined = Map<string, GoogleAppsScript.Spreadsheet.NamedRange>;
  let defined: Defined | undefined;
  const lookup = (): Defined => {
    defined ??= new Map(ss.getNamedRanges().map((n) => [n.getName(), n]));
    return defined;
  };
  if (existing) lookup();
  for (const n of names) {
    const sheet = sheets.get(n.tab);
    if (!sheet) continue;
    const range = sheet.getRange(n.row + 1, n.col + 1);
    const known = (defined as Defined | undefined)?.get(n.name);
    if (known) {
      known.setRange(range);
      continue;
    }
    try {
      ss.setNamedRange(n.name, range);
    } catch (error) {
      const stale = lookup().get(n.name);
      if (!stale) throw error;
      stale.setRange(range);
    }
  }
}
