// Spreadsheet error values (#REF!, #DIV/0!…) that a broken formula leaves as its cached result.
import type { RawCell } from "../values/parse.ts";

const ERROR_VALUE =
  /^#(?:REF!|DIV\/0!|VALUE!|N\/A|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!|GETTING_DATA)$/i;

/** The error code a cell holds ("#REF!"), or null for an ordinary value. */
export function spreadsheetError(raw: RawCell): string | null {
  return typeof raw === "string" && ERROR_VALUE.test(raw.trim()) ? raw.trim().toUpperCase() : null;
}
