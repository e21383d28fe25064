// Turns exceljs worksheets into plain grids: cached formula results, flattened rich text, UTC-day dates, merges, hidden rows.
import type { Cell, Range0, SheetGrid } from "@barometre/shared";
import type { CellValue, Cell as ExcelCell, Worksheet } from "exceljs";

/** The calendar day of an exceljs date (built from the serial number in UTC), without its time of day. */
function utcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** A plain value as the pure reader expects it: rich text flattened, a link's text, an error's code ("#REF!"). */
export function plainValue(value: CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : utcDay(value);
  if (typeof value !== "object") return value;
  if ("error" in value) return value.error;
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("hyperlink" in value) return plainValue(value.text as CellValue);
  return null;
}

/** A cell's value; a formula gives its cached result, read through `result` because `value` drops a cached 0 or false. */
function cellValue(cell: ExcelCell): Cell {
  const value = cell.value;
  const formula =
    value !== null && typeof value === "object" && ("formula" in value || "sharedFormula" in value);
  return plainValue(formula ? ((cell.result as CellValue) ?? null) : value);
}

export function sheetGrid(ws: Worksheet): SheetGrid {
  const rows: Cell[][] = [];
  const hiddenRows: number[] = [];
  const merges = new Map<string, Range0>();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.push(r);
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      if (cell.isMerged) {
        const master = cell.master;
        const key = master.address;
        const range = merges.get(key) ?? {
          top: Number(master.row) - 1,
          left: Number(master.col) - 1,
          bottom: r,
          right: c,
        };
        range.bottom = Math.max(range.bottom, r);
        range.right = Math.max(range.right, c);
        merges.set(key, range);
        // Only the top-left cell of a merged area holds the value, as in Google Sheets.
        if (master !== cell) return;
      }
      cells[c] = cellValue(cell);
    });
    rows[r] = cells;
  });
  return {
    name: ws.name,
    rows,
    hiddenRows,
    merges: [...merges.values()],
    hidden: ws.state !== "visible",
  };
}
