// The legacy workbook reader: grid → return, findings and cells.
export { normaliseLabel, normaliseTabName } from "./normalise.ts";
export { readLegacyWorkbook, rowsWhereVisibilityMatters } from "./read.ts";
export { sheetRole } from "./vocabulary.ts";
