// A half-prepared workbook: the fields of its missing validated tabs come from the user's legacy tabs, as in a first preparation.
import {
  FIELDS,
  getValue,
  type ImportResult,
  inputPosition,
  type PreparedTab,
  readLegacyWorkbook,
  setValue,
  type TabKind,
} from "@barometre/shared";
import { addLayout, type ReadWorkbook } from "./read-workbook.ts";

/** Fills `result.ret`'s fields that belong to a `missing` tab from the tabs that are not validated ones. */
export function completeFromLegacy(
  read: ReadWorkbook,
  prepared: readonly PreparedTab[],
  missing: readonly TabKind[],
  result: ImportResult,
): void {
  addLayout(read);
  const validated = new Set(prepared.map((t) => t.sheet));
  const legacy = readLegacyWorkbook({
    sheets: read.grid.sheets.filter((s) => !validated.has(s.name)),
  });
  for (const f of FIELDS) {
    if (missing.includes(inputPosition(f).kind)) setValue(result.ret, f, getValue(legacy.ret, f));
  }
}
