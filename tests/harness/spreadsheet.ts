// Spreadsheet and SpreadsheetApp of the harness: the active document, its sheets, named ranges and builders.
import { parseA1 } from "./a1-notation.ts";
import { asGas } from "./as-gas.ts";
import type { AuthGate } from "./auth-gate.ts";
import type { Book } from "./book.ts";
import { HarnessConditionalFormatRuleBuilder } from "./conditional-format.ts";
import { HarnessDataValidationBuilder } from "./data-validation.ts";
import type { HarnessRange } from "./range.ts";
import { HarnessSheet } from "./sheet.ts";
import { HarnessTextStyleBuilder } from "./text-style.ts";

type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

type Used =
  | "getSheets"
  | "getSheetByName"
  | "insertSheet"
  | "getSpreadsheetTimeZone"
  | "setNamedRange"
  | "getRangeByName"
  | "getRange";

export class HarnessSpreadsheet implements Pick<GasSpreadsheet, Used> {
  constructor(readonly book: Book) {}

  private sheetHandle(name: string): HarnessSheet {
    return new HarnessSheet(this.book, this.book.requireSheet(name));
  }

  getSheets(): GasSheet[] {
    this.book.calls.record("meta", "Spreadsheet.getSheets");
    return this.book.sheets.map((m) => asGas<GasSheet>(new HarnessSheet(this.book, m)));
  }

  getSheetByName(name: string): GasSheet | null {
    this.book.calls.record("meta", "Spreadsheet.getSheetByName");
    const model = this.book.sheet(name);
    return model ? asGas(new HarnessSheet(this.book, model)) : null;
  }

  insertSheet(name?: unknown, index?: unknown): GasSheet {
    this.book.calls.record("write", "Spreadsheet.insertSheet");
    if (typeof name !== "string") throw new Error("The harness inserts named sheets only.");
    const at = typeof index === "number" ? index : this.book.sheets.length;
    return asGas(new HarnessSheet(this.book, this.book.addSheet(name, at)));
  }

  getSpreadsheetTimeZone(): string {
    this.book.calls.record("meta", "Spreadsheet.getSpreadsheetTimeZone");
    return this.book.timeZone;
  }

  setNamedRange(name: string, range: GasRange): void {
    this.book.calls.record("write", "Spreadsheet.setNamedRange");
    const r = range as unknown as HarnessRange;
    this.book.defineName(name, r.model, r.rect);
  }

  getRangeByName(name: string): GasRange | null {
    this.book.calls.record("handle", "Spreadsheet.getRangeByName");
    const named = this.book.names.get(name);
    return named ? this.sheetHandle(named.sheet).rangeAt(named.range) : null;
  }

  /** A1 notation with the sheet name ("'Finances'!D12"), as Spreadsheet.getRange takes it. */
  getRange(a1Notation: string): GasRange {
    this.book.calls.record("handle", "Spreadsheet.getRange");
    const { sheet, ...rect } = parseA1(a1Notation);
    if (sheet === null) throw new Error(`Exception: Range not found: ${a1Notation}`);
    return this.sheetHandle(sheet).rangeAt(rect);
  }
}

export function spreadsheetApp(
  book: Book,
  auth: AuthGate,
  ui: GoogleAppsScript.Base.Ui,
): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
  const app: Pick<
    GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    | "getActiveSpreadsheet"
    | "getUi"
    | "newDataValidation"
    | "newConditionalFormatRule"
    | "newTextStyle"
    | "flush"
  > = {
    getActiveSpreadsheet() {
      auth.require("SpreadsheetApp.getActiveSpreadsheet");
      book.calls.record("handle", "SpreadsheetApp.getActiveSpreadsheet");
      return asGas(new HarnessSpreadsheet(book));
    },
    getUi() {
      return ui;
    },
    newDataValidation() {
      return asGas(new HarnessDataValidationBuilder(book));
    },
    newConditionalFormatRule() {
      return asGas(new HarnessConditionalFormatRuleBuilder(book));
    },
    newTextStyle() {
      return asGas(new HarnessTextStyleBuilder(book));
    },
    flush() {
      book.calls.record("handle", "SpreadsheetApp.flush");
    },
  };
  return asGas(app);
}
