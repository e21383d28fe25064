// Reads the open spreadsheet as the shared WorkbookGrid: one getValues() per tab, dates as calendar days.
import {
  type Cell,
  parseCellRef,
  type Range0,
  rowsWhereVisibilityMatters,
  type SheetGrid,
  type WorkbookGrid,
} from "@barometre/shared";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The workbook's grid and the live sheets it was read from, in the same order. */
export interface ReadWorkbook {
  grid: WorkbookGrid;
  sheets: Sheet[];
  timeZone: string;
}

/** A date cell as the day it shows in the spreadsheet's time zone, held as that UTC day (see SheetGrid). */
function toCell(value: unknown, timeZone: string): Cell {
  if (value instanceof Date) {
    const [y, m, d] = Utilities.formatDate(value, timeZone, "yyyy-MM-dd").split("-").map(Number);
    return new Date(Date.UTC(y as number, (m as number) - 1, d as number));
  }
  return value as Cell;
}

export function readWorkbook(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): ReadWorkbook {
  const timeZone = ss.getSpreadsheetTimeZone();
  const sheets = ss.getSheets();
  const grids: SheetGrid[] = sheets.map((sheet) => ({
    name: sheet.getName(),
    rows: sheet
      .getDataRange()
      .getValues()
      .map((row) => row.map((value) => toCell(value, timeZone))),
  }));
  return { grid: { sheets: grids }, sheets, timeZone };
}

/**
 * What the legacy reader also uses: hidden sheets, merged labels (one call per merged area, and legacy
 * templates merge their title row only) and hidden rows. Apps Script tells whether a row is hidden one row
 * at a time, so only the rows where it decides between two copies of a field are asked about (usually none).
 */
export function addLayout(read: ReadWorkbook): void {
  read.grid.sheets.forEach((grid, i) => {
    const sheet = read.sheets[i] as Sheet;
    grid.hidden = sheet.isSheetHidden();
    grid.merges = sheet
      .getDataRange()
      .getMergedRanges()
      .map((range): Range0 => {
        const [from, to = from] = range.getA1Notation().split(":") as [string, string?];
        const start = cellIndex(from);
        const end = cellIndex(to);
        return { top: start.row, left: start.col, bottom: end.row, right: end.col };
      });
  });
  for (const { sheet: i, row } of rowsWhereVisibilityMatters(read.grid)) {
    const sheet = read.sheets[i] as Sheet;
    if (sheet.isRowHiddenByUser(row + 1) || sheet.isRowHiddenByFilter(row + 1)) {
      const grid = read.grid.sheets[i] as SheetGrid;
      grid.hiddenRows = [...(grid.hiddenRows ?? []), row];
    }
  }
}

/** 0-based coordinates of "D12" (parseCellRef reads sheet-qualified references only). */
function cellIndex(a1: string): { row: number; col: number } {
  const ref = parseCellRef(`'_'!${a1}`);
  if (!ref) throw new Error(`Unexpected A1 notation: ${a1}`);
  return ref;
}
