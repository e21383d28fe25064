// One sheet as the legacy reader sees it: its role by tab name, its hidden rows and the right edge of merged labels.
import type { SheetGrid } from "../grid/index.ts";
import type { RawCell } from "../values/parse.ts";
import { type SheetRole, sheetRole } from "./vocabulary.ts";

export interface SheetView {
  grid: SheetGrid;
  /** Position of the sheet in the workbook: the first one may hold the identification block. */
  index: number;
  role: SheetRole;
  hiddenRows: ReadonlySet<number>;
  /** The last column of each merged area, keyed by its top-left cell ("row:col"). */
  mergeRight: ReadonlyMap<string, number>;
}

export function viewSheet(grid: SheetGrid, index: number): SheetView {
  return {
    grid,
    index,
    role: sheetRole(grid.name),
    hiddenRows: new Set(grid.hiddenRows ?? []),
    // An area ending before it starts is no merge (a grid not read from a real file may hold one).
    mergeRight: new Map(
      (grid.merges ?? [])
        .filter((m) => m.right >= m.left && m.bottom >= m.top)
        .map((m) => [`${m.top}:${m.left}`, m.right]),
    ),
  };
}

/** The last column a cell covers: its own, or the right edge of the merged area it starts. */
export function rightEdge(sheet: SheetView, row: number, col: number): number {
  return sheet.mergeRight.get(`${row}:${col}`) ?? col;
}

/** A row shown to the user: neither the row nor its sheet is hidden. */
export function isVisibleRow(sheet: SheetView, row: number): boolean {
  return !sheet.grid.hidden && !sheet.hiddenRows.has(row);
}

/** Nothing typed in the cell (an empty marker such as "-" or "N/A" is typed, and means an empty value). */
export function isBlank(raw: RawCell): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}
