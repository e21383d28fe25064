// CSV for French Excel: UTF-8 with a byte-order mark, ";" separators, CRLF lines, and no cell read as a formula.
import { formatDate } from "@barometre/shared";

const BOM = "\uFEFF";

/** A text starting like a formula is prefixed with an apostrophe so a spreadsheet shows it instead of running it. */
const FORMULA_START = /^[=+\-@\t\r]/;

function quote(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A value as French Excel reads it: decimal comma without grouping, Oui/Non, dd/mm/yyyy dates, empty for null. */
export function csvValue(value: string | number | boolean | null, isDate = false): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "Oui" : "Non";
  if (typeof value === "number") return String(value).replace(".", ",");
  return quote(isDate ? formatDate(value) : value);
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header.map(quote), ...rows].map((cells) => cells.join(";"));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
