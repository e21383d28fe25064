// Reading any workbook the Baromètre accepts: the one entry point of the CLI, the add-on and the server.
import type { WorkbookGrid } from "./grid/index.ts";
import type { ImportResult } from "./import-result.ts";
import { readLegacyWorkbook } from "./legacy/index.ts";
import { readPrepared } from "./plan/read-prepared.ts";

/**
 * The return held by a workbook, with its findings and the cell of each field: read from its validated
 * tabs when it has been prepared (each input at its planned cell), otherwise by the legacy reader.
 */
export function importWorkbook(grid: WorkbookGrid): ImportResult {
  return readPrepared(grid) ?? readLegacyWorkbook(grid);
}
