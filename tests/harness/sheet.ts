// Sheet of the harness: ranges by position or A1 notation, layout settings and rules, every call counted.
import type { Range0 } from "@barometre/shared";
import { parseA1 } from "./a1-notation.ts";
import { asGas } from "./as-gas.ts";
import { type Book, DEFAULT_COLUMN_WIDTH, type SheetModel } from "./book.ts";
import type { CallKind } from "./call-log.ts";
import type { HarnessConditionalFormatRule } from "./conditional-format.ts";
import { HarnessProtection } from "./protection.ts";
import { HarnessRange } from "./range.ts";

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** A new Google sheet's grid. */
const MAX_ROWS = 1000;
const MAX_COLUMNS = 26;

type Used =
  | "getName"
  | "getIndex"
  | "getDataRange"
  | "getRange"
  | "getRangeList"
  | "isSheetHidden"
  | "setFrozenRows"
  | "getFrozenRows"
  | "setColumnWidth"
  | "setColumnWidths"
  | "getColumnWidth"
  | "setConditionalFormatRules"
  | "protect"
  | "activate"
  | "setActiveRange"
  | "getLastRow"
  | "getLastColumn"
  | "getMaxRows"
  | "getMaxColumns";

export class HarnessSheet implements Pick<GasSheet, Used> {
  constructor(
    private readonly book: Book,
    readonly model: SheetModel,
  ) {}

  private call(kind: CallKind, method: string): void {
    this.book.calls.record(kind, `Sheet.${method}`);
  }

  /** A range handle; the harness hands it out without counting (its creator already counted). */
  rangeAt(rect: Range0): GasRange {
    return asGas(new HarnessRange(this.book, this.model, rect, () => asGas(this)));
  }

  getName(): string {
    this.call("meta", "getName");
    return this.model.name;
  }

  getIndex(): number {
    this.call("meta", "getIndex");
    return this.book.sheets.indexOf(this.model) + 1;
  }

  getDataRange(): GasRange {
    this.call("handle", "getDataRange");
    const { rows, cols } = this.book.extent(this.model);
    return this.rangeAt({ top: 0, left: 0, bottom: rows - 1, right: cols - 1 });
  }

  getRange(a: string | number, column?: number, numRows = 1, numColumns = 1): GasRange {
    this.call("handle", "getRange");
    if (typeof a === "string") {
      const { sheet, ...rect } = parseA1(a);
      if (sheet !== null && sheet !== this.model.name)
        throw new Error(`Exception: Range not found: ${a}`);
      return this.rangeAt(rect);
    }
    if (column === undefined || a < 1 || column < 1 || numRows < 1 || numColumns < 1) {
      throw new Error(
        "Exception: The coordinates of the range are outside the dimensions of the sheet.",
      );
    }
    return this.rangeAt({
      top: a - 1,
      left: column - 1,
      bottom: a + numRows - 2,
      right: column + numColumns - 2,
    });
  }

  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    this.call("handle", "getRangeList");
    const ranges = a1Notations.map((n) => {
      const { sheet: _ignored, ...rect } = parseA1(n);
      return this.rangeAt(rect);
    });
    const book = this.book;
    return asGas({
      getRanges(): GasRange[] {
        book.calls.record("handle", "RangeList.getRanges");
        return [...ranges];
      },
    } satisfies Pick<GoogleAppsScript.Spreadsheet.RangeList, "getRanges">);
  }

  isSheetHidden(): boolean {
    this.call("meta", "isSheetHidden");
    return this.model.hidden;
  }

  isRowHiddenByUser(rowPosition: number): boolean {
    this.call("meta", "isRowHiddenByUser");
    return this.model.hiddenRows.has(rowPosition - 1);
  }

  /** The harness has no filters: rows are hidden by the user only. */
  isRowHiddenByFilter(_rowPosition: number): boolean {
    this.call("meta", "isRowHiddenByFilter");
    return false;
  }

  setFrozenRows(rows: number): void {
    this.call("write", "setFrozenRows");
    this.model.frozenRows = rows;
  }

  getFrozenRows(): number {
    this.call("meta", "getFrozenRows");
    return this.model.frozenRows;
  }

  setColumnWidth(columnPosition: number, width: number): GasSheet {
    return this.setColumnWidths(columnPosition, 1, width);
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): GasSheet {
    this.call("write", "setColumnWidths");
    for (let c = 0; c < numColumns; c++) this.model.columnWidths.set(startColumn - 1 + c, width);
    return asGas(this);
  }

  getColumnWidth(columnPosition: number): number {
    this.call("meta", "getColumnWidth");
    return this.model.columnWidths.get(columnPosition - 1) ?? DEFAULT_COLUMN_WIDTH;
  }

  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this.call("write", "setConditionalFormatRules");
    this.model.conditionalRules = rules.map(
      (r) => (r as unknown as HarnessConditionalFormatRule).model,
    );
  }

  /** The whole sheet's protection (its existing one, if any); editable areas are set on it. */
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.call("write", "protect");
    return asGas(HarnessProtection.ofSheet(this.book, this.model));
  }

  activate(): GasSheet {
    this.call("handle", "activate");
    this.book.active = { sheet: this.model.name, range: { top: 0, left: 0, bottom: 0, right: 0 } };
    return asGas(this);
  }

  setActiveRange(range: GasRange): GasRange {
    this.call("handle", "setActiveRange");
    const rect = (range as unknown as HarnessRange).rect;
    this.book.active = { sheet: this.model.name, range: { ...rect } };
    return range;
  }

  getLastRow(): number {
    this.call("meta", "getLastRow");
    return this.book.hf.getSheetDimensions(this.model.id).height;
  }

  getLastColumn(): number {
    this.call("meta", "getLastColumn");
    return this.book.hf.getSheetDimensions(this.model.id).width;
  }

  getMaxRows(): number {
    this.call("meta", "getMaxRows");
    return Math.max(MAX_ROWS, this.book.extent(this.model).rows);
  }

  getMaxColumns(): number {
    this.call("meta", "getMaxColumns");
    return Math.max(MAX_COLUMNS, this.book.extent(this.model).cols);
  }
}
