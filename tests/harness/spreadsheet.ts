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
  | "getNamedRanges"
  | "deleteSheet"
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

  deleteSheet(sheet: GasSheet): void {
    this.book.calls.record("write", "Spreadsheet.deleteSheet");
    this.book.removeSheet((sheet as unknown as HarnessSheet).model);
  }

  /**
   * Refuses a name that exists, even one left pointing at #REF! by a deleted tab: the reference does
   * not say whether setNamedRange replaces or refuses, so the harness takes the stricter behaviour.
   */
  setNamedRange(name: string, range: GasRange): void {
    this.book.calls.record("write", "Spreadsheet.setNamedRange");
    if (this.book.names.has(name)) {
      throw new Error(`Exception: A named range with the name "${name}" already exists.`);
    }
    const r = range as unknown as HarnessRange;
    this.book.defineName(name, r.model, r.rect);
  }

  getRangeByName(name: string): GasRange | null {
    this.book.calls.record("handle", "Spreadsheet.getRangeByName");
    const named = this.book.names.get(name);
    return named?.sheet ? this.sheetHandle(named.sheet).rangeAt(named.range) : null;
  }

  getNamedRanges(): GoogleAppsScript.Spreadsheet.NamedRange[] {
    this.book.calls.record("meta", "Spreadsheet.getNamedRanges");
    return [...this.book.names.keys()].map((name) => asGas(new HarnessNamedRange(this.book, name)));
  }

  /** A1 notation with the sheet name ("'Finances'!D12"), as Spreadsheet.getRange takes it. */
  getRange(a1Notation: string): GasRange {
    this.book.calls.record("handle", "Spreadsheet.getRange");
    const { sheet, ...rect } = parseA1(a1Notation);
    if (sheet === null) throw new Error(`Exception: Range not found: ${a1Notation}`);
    return this.sheetHandle(sheet).rangeAt(rect);
  }
}

/** A workbook-level name; its name and range come with getNamedRanges, so reading them is not counted. */
class HarnessNamedRange
  implements Pick<GoogleAppsScript.Spreadsheet.NamedRange, "getName" | "setRange">
{
  constructor(
    private readonly book: Book,
    private readonly name: string,
  ) {}

  getName(): string {
    this.book.calls.record("handle", "NamedRange.getName");
    return this.name;
  }

  setRange(range: GasRange): GoogleAppsScript.Spreadsheet.NamedRange {
    this.book.calls.record("write", "NamedRange.setRange");
    const r = range as unknown as HarnessRange;
    this.book.defineName(this.name, r.model, r.rect);
    return asGas(this);
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
