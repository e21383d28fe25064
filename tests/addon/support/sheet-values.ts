// Reading the harness document as a user would see it: named cells as field values, and as a formula workbook.
import {
  emptyReturn,
  FIELDS,
  type Field,
  type FieldValue,
  type PimmsReturn,
  parseFieldValue,
  setValue,
} from "@barometre/shared";
import { FormulaWorkbook } from "@barometre/testing/formula-engine";
import type { Book } from "../../harness/book.ts";

/** The calendar day a date cell shows in the spreadsheet's time zone. */
function dayOf(date: Date, timeZone: string): Date {
  const [y, m, d] = new Intl.DateTimeFormat("en-CA", { timeZone })
    .format(date)
    .split("-")
    .map(Number);
  return new Date(Date.UTC(y as number, (m as number) - 1, d as number));
}

/** The raw value of the cell a defined name points at. */
export function namedRaw(book: Book, name: string): unknown {
  const named = book.names.get(name);
  if (!named?.sheet) throw new Error(`No named range ${name} (or it points at #REF!)`);
  const value = book.value(book.requireSheet(named.sheet), named.range.top, named.range.left);
  return value instanceof Date || Object.prototype.toString.call(value) === "[object Date]"
    ? dayOf(value as Date, book.timeZone)
    : value;
}

export function namedField(book: Book, f: Field): FieldValue {
  return parseFieldValue(f, namedRaw(book, f.name) as never).value;
}

/** The return the fld_ names hold, read cell by cell. */
export function namedReturn(book: Book): PimmsReturn {
  const ret = emptyReturn();
  for (const f of FIELDS) setValue(ret, f, namedField(book, f));
  return ret;
}

/** The same cells and names in a fresh formula engine, for the shared formula checks. */
export function formulaWorkbook(book: Book): FormulaWorkbook {
  const sheets = book.sheets.map((s) => ({
    name: s.name,
    cells: book.hf.getSheetSerialized(s.id) as never,
  }));
  const names = [...book.names.values()].flatMap((n) =>
    n.sheet === null ? [] : [{ name: n.name, tab: n.sheet, row: n.range.top, col: n.range.left }],
  );
  return new FormulaWorkbook(sheets, names);
}
