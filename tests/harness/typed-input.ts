// What Sheets makes of a string a script writes with setValue(s): it reads it as if typed, in the spreadsheet's
// locale ("1 024,5" is a number and "12/04/2019" a date in fr_FR), unless the cell is plain text (format "@").
import { isoDate, isoToSerial } from "@barometre/shared";

export type Typed =
  | { kind: "number"; value: number }
  | { kind: "date"; serial: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "text"; value: string };

/** Format Sheets gives a cell where a date is typed, when it has none. */
export const TYPED_DATE_FORMAT = "dd/MM/yyyy";

/** fr_FR: groups of three digits parted by a space (plain, no-break or narrow no-break), a decimal comma. */
const FR_NUMBER = /^([+-]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?(\s?%)?$/;
const FR_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export function typedInput(text: string, locale: string): Typed {
  if (locale !== "fr_FR")
    throw new Error(`The harness reads typed input in fr_FR only, not ${locale}.`);
  const t = text.trim();
  if (/^vrai$/i.test(t)) return { kind: "boolean", value: true };
  if (/^faux$/i.test(t)) return { kind: "boolean", value: false };
  const n = FR_NUMBER.exec(t);
  if (n) {
    const value = Number(`${n[1]}${(n[2] as string).replace(/\D/g, "")}.${n[3] ?? "0"}`);
    return { kind: "number", value: n[4] ? value / 100 : value };
  }
  const d = FR_DATE.exec(t);
  if (d) {
    const iso = isoDate(Number(d[3]), Number(d[2]), Number(d[1]));
    if (iso) return { kind: "date", serial: isoToSerial(iso) };
  }
  return { kind: "text", value: text };
}
