// A workbook described as plain data (sheets of rows, merges, hidden rows), and its writing as a real .xlsx file.
import type { Cell, Range0 } from "@barometre/shared";
import ExcelJS from "exceljs";

/** An Excel error value, as a cell may hold one. */
type ErrorValue = { error: "#REF!" | "#DIV/0!" | "#VALUE!" | "#N/A" };

/** A cell as written: a plain value, or what exceljs can store beyond one. */
export type SpecValue =
  | Cell
  | { formula: string; result: number | string | boolean | Date | ErrorValue }
  | { richText: string[] }
  | { hyperlink: string; text: string }
  | ErrorValue;

export interface SheetSpec {
  name: string;
  rows: SpecValue[][];
  merges?: Range0[];
  hiddenRows?: number[];
  hidden?: boolean;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
}

function excelValue(value: SpecValue): ExcelJS.CellValue {
  if (value === null || value === undefined || value instanceof Date || typeof value !== "object")
    return value;
  if ("richText" in value) return { richText: value.richText.map((text) => ({ text })) };
  return value as ExcelJS.CellValue;
}

/** Writes the workbook with exceljs, as Excel would store it (dates with a date format). */
export async function writeWorkbook(spec: WorkbookSpec, path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const s of spec.sheets) {
    const ws = workbook.addWorksheet(s.name, { state: s.hidden ? "hidden" : "visible" });
    s.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null || value === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = excelValue(value);
        if (value instanceof Date) cell.numFmt = "dd/mm/yyyy";
      });
    });
    for (const m of s.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    for (const r of s.hiddenRows ?? []) ws.getRow(r + 1).hidden = true;
  }
  await workbook.xlsx.writeFile(path);
}
