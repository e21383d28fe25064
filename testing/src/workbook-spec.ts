// A workbook spec (cli/src/demo/workbook-spec.ts) as tests read it: the grid an adapter would give, normalised to compare.

import type { SpecValue, WorkbookSpec } from "@barometre/cli/demo";
import type { Cell, WorkbookGrid } from "@barometre/shared";

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
