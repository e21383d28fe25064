// Reading any workbook the Baromètre accepts: the one entry point of the CLI, the add-on and the server.
import type { WorkbookGrid } from "./grid/index.ts";
import type { ImportResult } from "./import-result.ts";
import { readLegacyWorkbook } from "./legacy/index.ts";

/** The return held by a workbook, with its findings and the cell of each field. */
export function importWorkbook(grid: WorkbookGrid): ImportResult {
  return readLegacyWorkbook(grid);
}
