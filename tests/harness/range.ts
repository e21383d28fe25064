// Range of the harness: batched reads and writes over a rectangle, counted and size-checked like Apps Script.
import type { Range0 } from "@barometre/shared";
import { formatA1 } from "./a1-notation.ts";
import { asGas } from "./as-gas.ts";
import type { Book, CellAttribute, SheetModel } from "./book.ts";
import type { CallKind } from "./call-log.ts";
import { HarnessProtection } from "./protection.ts";
import type { HarnessTextStyle } from "./text-style.ts";

type GasRange = GoogleAppsScript.Spreadsheet.Range;

type Used =
  | "getValues"
  | "setValues"
  | "getValue"
  | "setValue"
  | "getFormulas"
  | "setFormulas"
  | "getNumberFormats"
  | "setNumberFormats"
  | "getDataValidations"
  | "setDataValidations"
  | "setFontWeights"
  | "setFontStyles"
  | "setFontSizes"
  | "setFontColors"
  | "setBackgrounds"
  | "setWraps"
  | "setHorizontalAlignments"
  | "setVerticalAlignments"
  | "setTextStyles"
  | "setNotes"
  | "getNotes"
  | "getMergedRanges"
  | "merge"
  | "mergeAcross"
  | "protect"
  | "activate"
  | "getA1Notation"
  | "getRow"
  | "getColumn"
  | "getNumRows"
  | "getNumColumns"
  | "getSheet";

export class HarnessRange implements Pick<GasRange, Used> {
  constructor(
    private readonly book: Book,
    readonly model: SheetModel,
    readonly rect: Range0,
    private readonly sheetHandle: () => GoogleAppsScript.Spreadsheet.Sheet,
  ) {}

  private get rows() {
    return this.rect.bottom - this.rect.top + 1;
  }

  private get cols() {
    return this.rect.right - this.rect.left + 1;
  }

  private call(kind: CallKind, method: string): void {
    this.book.calls.record(kind, `Range.${method}`);
  }

  private self(): GasRange {
    return asGas<GasRange>(this);
  }

  private matrix<T>(read: (row: number, col: number) => T): T[][] {
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from({ length: this.cols }, (_, c) => read(this.rect.top + r, this.rect.left + c)),
    );
  }

  /** Apps Script refuses a matrix whose size differs from the range's. */
  private checkSize(data: readonly (readonly unknown[])[]): void {
    if (data.length !== this.rows) {
      throw new Error(
        `Exception: The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${this.rows}.`,
      );
    }
    for (const row of data) {
      if (row.length !== this.cols) {
        throw new Error(
          `Exception: The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.cols}.`,
        );
      }
    }
  }

  private setAttributes(
    method: string,
    name: CellAttribute,
    data: readonly (readonly unknown[])[],
  ) {
    this.call("write", method);
    this.checkSize(data);
    data.forEach((row, r) => {
      row.forEach((v, c) => {
        this.book.setAttribute(this.model, name, this.rect.top + r, this.rect.left + c, v);
      });
    });
    return this.self();
  }

  private attributes(method: string, name: CellAttribute, empty: unknown) {
    this.call("read", method);
    return this.matrix((r, c) => this.book.attribute(this.model, name, r, c) ?? empty);
  }

  getValues(): unknown[][] {
    this.call("read", "getValues");
    return this.matrix((r, c) => this.book.value(this.model, r, c));
  }

  getValue(): unknown {
    this.call("read", "getValue");
    return this.book.value(this.model, this.rect.top, this.rect.left);
  }

  setValues(values: unknown[][]): GasRange {
    this.call("write", "setValues");
    this.checkSize(values);
    this.book.enter(this.model, this.rect.top, this.rect.left, values);
    return this.self();
  }

  setValue(value: unknown): GasRange {
    this.call("write", "setValue");
    this.book.enter(this.model, this.rect.top, this.rect.left, [[value]]);
    return this.self();
  }

  getFormulas(): string[][] {
    this.call("read", "getFormulas");
    return this.matrix((r, c) => this.book.formula(this.model, r, c));
  }

  setFormulas(formulas: string[][]): GasRange {
    this.call("write", "setFormulas");
    this.checkSize(formulas);
    formulas.forEach((row, r) => {
      row.forEach((f, c) => {
        if (f !== "") this.book.write(this.model, this.rect.top + r, this.rect.left + c, [[f]]);
      });
    });
    return this.self();
  }

  getNumberFormats(): string[][] {
    return this.attributes("getNumberFormats", "numberFormat", "General") as string[][];
  }

  setNumberFormats(formats: string[][]): GasRange {
    return this.setAttributes("setNumberFormats", "numberFormat", formats);
  }

  getDataValidations(): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
    return this.attributes("getDataValidations", "validation", null) as never;
  }

  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]): GasRange {
    return this.setAttributes("setDataValidations", "validation", rules);
  }

  setFontWeights(weights: (GoogleAppsScript.Spreadsheet.FontWeight | null)[][]): GasRange {
    return this.setAttributes("setFontWeights", "fontWeight", weights);
  }

  setFontStyles(styles: (GoogleAppsScript.Spreadsheet.FontStyle | null)[][]): GasRange {
    return this.setAttributes("setFontStyles", "fontStyle", styles);
  }

  setFontSizes(sizes: number[][]): GasRange {
    return this.setAttributes("setFontSizes", "fontSize", sizes);
  }

  setFontColors(colors: unknown[][]): GasRange {
    return this.setAttributes("setFontColors", "fontColor", colors);
  }

  setBackgrounds(colors: (string | null)[][]): GasRange {
    return this.setAttributes("setBackgrounds", "background", colors);
  }

  setWraps(wraps: boolean[][]): GasRange {
    return this.setAttributes("setWraps", "wrap", wraps);
  }

  setHorizontalAlignments(
    alignments: ("left" | "center" | "normal" | "right" | null)[][],
  ): GasRange {
    return this.setAttributes("setHorizontalAlignments", "horizontalAlignment", alignments);
  }

  setVerticalAlignments(alignments: ("top" | "middle" | "bottom" | null)[][]): GasRange {
    return this.setAttributes("setVerticalAlignments", "verticalAlignment", alignments);
  }

  /** Each style sets the attributes it holds; the others stay as they are (the add-on styles new sheets only). */
  setTextStyles(styles: GoogleAppsScript.Spreadsheet.TextStyle[][]): GasRange {
    this.call("write", "setTextStyles");
    this.checkSize(styles);
    const set = (name: CellAttribute, r: number, c: number, value: unknown) => {
      if (value !== null)
        this.book.setAttribute(this.model, name, this.rect.top + r, this.rect.left + c, value);
    };
    styles.forEach((row, r) => {
      row.forEach((style, c) => {
        const m = (style as unknown as HarnessTextStyle).model;
        set("fontWeight", r, c, m.bold === null ? null : m.bold ? "bold" : "normal");
        set("fontStyle", r, c, m.italic === null ? null : m.italic ? "italic" : "normal");
        set("fontSize", r, c, m.fontSize);
        set("fontColor", r, c, m.foregroundColor);
      });
    });
    return this.self();
  }

  setNotes(notes: (string | null)[][]): GasRange {
    return this.setAttributes("setNotes", "note", notes);
  }

  getNotes(): string[][] {
    return this.attributes("getNotes", "note", "") as string[][];
  }

  getMergedRanges(): GasRange[] {
    this.call("read", "getMergedRanges");
    const r = this.rect;
    return this.model.merges
      .filter(
        (m) => m.top <= r.bottom && m.bottom >= r.top && m.left <= r.right && m.right >= r.left,
      )
      .map((m) => asGas<GasRange>(new HarnessRange(this.book, this.model, m, this.sheetHandle)));
  }

  /** Merging keeps the top-left value only, as Sheets does. */
  merge(): GasRange {
    this.call("write", "merge");
    this.mergeArea(this.rect);
    return this.self();
  }

  /** One merged area per row of the range, in one call. */
  mergeAcross(): GasRange {
    this.call("write", "mergeAcross");
    for (let row = this.rect.top; row <= this.rect.bottom; row++) {
      this.mergeArea({ ...this.rect, top: row, bottom: row });
    }
    return this.self();
  }

  private mergeArea(r: Range0): void {
    const overlaps = this.model.merges.some(
      (m) => m.top <= r.bottom && m.bottom >= r.top && m.left <= r.right && m.right >= r.left,
    );
    if (overlaps)
      throw new Error(
        "Exception: You must select all cells in a merged range to merge or unmerge them.",
      );
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        if (row !== r.top || col !== r.left) this.book.write(this.model, row, col, [[""]]);
      }
    }
    this.model.merges.push({ ...r });
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.call("write", "protect");
    return asGas(HarnessProtection.add(this.book, this.model, { ...this.rect }));
  }

  activate(): GasRange {
    this.call("handle", "activate");
    this.book.active = { sheet: this.model.name, range: { ...this.rect } };
    return this.self();
  }

  getA1Notation(): string {
    this.call("handle", "getA1Notation");
    return formatA1(this.rect);
  }

  getRow(): number {
    this.call("handle", "getRow");
    return this.rect.top + 1;
  }

  getColumn(): number {
    this.call("handle", "getColumn");
    return this.rect.left + 1;
  }

  getNumRows(): number {
    this.call("handle", "getNumRows");
    return this.rows;
  }

  getNumColumns(): number {
    this.call("handle", "getNumColumns");
    return this.cols;
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    this.call("handle", "getSheet");
    return this.sheetHandle();
  }
}
