// A workbook described as plain data for tests: turned into the grid an adapter would give, or written as a real .xlsx.
import type { Cell, Range0, WorkbookGrid } from "@barometre/shared";
import ExcelJS from "exceljs";

/** A cell as a test writes it: a plain value, or what exceljs can store beyond one. */
type ErrorValue = { error: "#REF!" | "#DIV/0!" | "#VALUE!" | "#N/A" };

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

/** What reading the cell must give: a formula's cached result, rich text flattened, a link's text, an error's code. */
export function expectedCell(value: SpecValue): Cell {
  if (value === null || value === undefined || value instanceof Date || typeof value !== "object")
    return value;
  if ("formula" in value) return expectedCell(value.result);
  if ("richText" in value) return value.richText.join("");
  if ("hyperlink" in value) return value.text;
  return value.error;
}

/** The grid an adapter gives for this workbook (merged cells keep their value in the top-left cell only). */
export function toGrid(spec: WorkbookSpec): WorkbookGrid {
  return {
    sheets: spec.sheets.map((s) => ({
      name: s.name,
      rows: s.rows.map((row) => row.map(expectedCell)),
      hiddenRows: s.hiddenRows ?? [],
      merges: s.merges ?? [],
      hidden: s.hidden ?? false,
    })),
  };
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

/** A grid with holes and undefined read as null and trailing empty cells and rows dropped, to compare two readings. */
export function normalisedGrid(grid: WorkbookGrid): WorkbookGrid {
  const trim = <T>(items: T[], empty: (item: T) => boolean) => {
    let end = items.length;
    while (end > 0 && empty(items[end - 1] as T)) end--;
    return items.slice(0, end);
  };
  return {
    sheets: grid.sheets.map((s) => ({
      ...s,
      rows: trim(
        Array.from(s.rows, (row) =>
          trim(
            Array.from(row ?? [], (c) => c ?? null),
            (c) => c === null,
          ),
        ),
        (row) => row.length === 0,
      ),
    })),
  };
}
