// A workbook as plain grids of values: what every adapter (exceljs, SpreadsheetApp) hands to the pure importer.
import type { RawCell } from "../values/parse.ts";

export type Cell = RawCell;

/** A rectangle of cells, 0-based and inclusive. */
export interface Range0 {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  /**
   * Row-major values (rows may be ragged). Formulas appear as their cached result; a merged area holds
   * its value in its top-left cell only; dates are Date objects whose UTC day is the calendar day.
   */
  rows: Cell[][];
  /** 0-based indexes of hidden rows. */
  hiddenRows?: readonly number[];
  merges?: readonly Range0[];
  /** The sheet itself is hidden. */
  hidden?: boolean;
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
}

/** "A", "B", … "Z", "AA" for a 0-based column index. */
export function columnLetter(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "D12" for 0-based row 11, column 3. */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** The cell reference of a finding (docs/domain.md): "'Finances'!D12" (quotes doubled inside the sheet name). */
export function cellRef(sheet: string, row: number, col: number): string {
  return `'${sheet.replace(/'/g, "''")}'!${a1(row, col)}`;
}

/** Reads "'Finances'!D12" back into a sheet name and 0-based coordinates. */
export function parseCellRef(ref: string): { sheet: string; row: number; col: number } | null {
  const m = /^'((?:[^']|'')+)'!([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!m) return null;
  const letters = m[2] as string;
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { sheet: (m[1] as string).replace(/''/g, "'"), row: Number(m[3]) - 1, col: col - 1 };
}
