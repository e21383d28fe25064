// The harness's document: cells and formulas in HyperFormula, plus everything else a Google Sheet holds.
import { columnLetter, type Range0 } from "@barometre/shared";
import { type CellValue, DetailedCellError, HyperFormula, type RawCellContent } from "hyperformula";
import { CallLog } from "./call-log.ts";
import { instantToSerial, isDateFormat, serialToInstant } from "./sheet-dates.ts";
import { TYPED_DATE_FORMAT, typedInput } from "./typed-input.ts";

/** Per-cell presentation attributes, keyed like the Range setters that write them. */
export type CellAttribute =
  | "numberFormat"
  | "fontWeight"
  | "fontStyle"
  | "fontSize"
  | "fontColor"
  | "background"
  | "wrap"
  | "horizontalAlignment"
  | "verticalAlignment"
  | "note"
  | "validation";

export interface ProtectionModel {
  /** Null for the protection of the whole sheet (Sheet.protect). */
  range: Range0 | null;
  description: string;
  warningOnly: boolean;
  /** Areas of a protected sheet left editable. */
  unprotected: Range0[];
}

export interface ConditionalRuleModel {
  ranges: Range0[];
  textEqualTo: string;
  background: string | null;
  fontColor: string | null;
}

export interface SheetModel {
  /** HyperFormula's id of the sheet. */
  id: number;
  name: string;
  hidden: boolean;
  frozenRows: number;
  columnWidths: Map<number, number>;
  hiddenRows: Set<number>;
  attributes: Map<CellAttribute, Map<string, unknown>>;
  merges: Range0[];
  protections: ProtectionModel[];
  conditionalRules: ConditionalRuleModel[];
}

export interface NamedRangeModel {
  name: string;
  /** Null once its sheet is deleted: Sheets keeps the name, pointing at #REF!. */
  sheet: string | null;
  range: Range0;
}

const key = (row: number, col: number) => `${row},${col}`;
const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/** Column width of a new Google sheet, in pixels. */
export const DEFAULT_COLUMN_WIDTH = 100;

export class Book {
  readonly hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", smartRounding: false });
  readonly sheets: SheetModel[] = [];
  readonly names = new Map<string, NamedRangeModel>();
  readonly calls = new CallLog();
  active: { sheet: string; range: Range0 } | null = null;

  /** `makeDate` builds Dates in the script's realm so `instanceof Date` holds inside the vm. */
  constructor(
    readonly timeZone: string,
    private readonly makeDate: (ms: number) => Date = (ms) => new Date(ms),
    /** The spreadsheet's locale: how a string a script writes is read (see enter). */
    readonly locale = "fr_FR",
  ) {}

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  requireSheet(name: string): SheetModel {
    const found = this.sheet(name);
    if (!found) throw new Error(`Exception: Sheet not found: ${name}`);
    return found;
  }

  addSheet(name: string, index = this.sheets.length): SheetModel {
    // Sheets compares tab names without case.
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(
        `Exception: A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
    const id = this.hf.getSheetId(this.hf.addSheet(name)) as number;
    const model: SheetModel = {
      id,
      name,
      hidden: false,
      frozenRows: 0,
      columnWidths: new Map(),
      hiddenRows: new Set(),
      attributes: new Map(),
      merges: [],
      protections: [],
      conditionalRules: [],
    };
    this.sheets.splice(index, 0, model);
    return model;
  }

  /** Deletes a sheet as Sheets does: its names stay defined, pointing at #REF!, and formulas using them say #REF!. */
  removeSheet(model: SheetModel): void {
    if (this.sheets.length === 1) {
      throw new Error("Exception: You can't remove all the sheets in a document.");
    }
    this.hf.removeSheet(model.id);
    this.sheets.splice(this.sheets.indexOf(model), 1);
    for (const named of this.names.values()) {
      if (named.sheet === model.name) {
        named.sheet = null;
        this.hf.changeNamedExpression(named.name, "=#REF!");
      }
    }
  }

  /** Rows and columns holding content (what getDataRange covers), at least 1 × 1. */
  extent(sheet: SheetModel): { rows: number; cols: number } {
    const { width, height } = this.hf.getSheetDimensions(sheet.id);
    return { rows: Math.max(height, 1), cols: Math.max(width, 1) };
  }

  attribute(sheet: SheetModel, name: CellAttribute, row: number, col: number): unknown {
    return sheet.attributes.get(name)?.get(key(row, col));
  }

  setAttribute(sheet: SheetModel, name: CellAttribute, row: number, col: number, value: unknown) {
    let map = sheet.attributes.get(name);
    if (!map) {
      map = new Map();
      sheet.attributes.set(name, map);
    }
    if (value === null || value === undefined || value === "") map.delete(key(row, col));
    else map.set(key(row, col), value);
  }

  /** The value Apps Script's getValues returns: numbers, strings, booleans, Dates, "" when empty. */
  value(sheet: SheetModel, row: number, col: number): unknown {
    const raw: CellValue = this.hf.getCellValue({ sheet: sheet.id, row, col });
    if (raw === null) return "";
    if (raw instanceof DetailedCellError) return raw.value;
    const format = this.attribute(sheet, "numberFormat", row, col) as string | undefined;
    if (typeof raw === "number" && isDateFormat(format)) {
      return this.makeDate(serialToInstant(raw, this.timeZone));
    }
    return raw;
  }

  /** The formula of a cell with its leading "=", or "". */
  formula(sheet: SheetModel, row: number, col: number): string {
    return this.hf.getCellFormula({ sheet: sheet.id, row, col }) ?? "";
  }

  /**
   * What setValue(s) does with the values a script gives: a string is read as if typed, in the
   * spreadsheet's locale ("1 024,5" a number, "12/04/2019" a date, which also takes a date format), unless
   * its cell is plain text ("@"); "=…" is a formula.
   */
  enter(sheet: SheetModel, top: number, left: number, values: readonly (readonly unknown[])[]) {
    const contents = Array.from(values, (row, r) =>
      Array.from(row, (v, c): unknown => {
        if (typeof v !== "string" || v === "" || v.startsWith("=")) return v;
        if (this.attribute(sheet, "numberFormat", top + r, left + c) === "@") return v;
        const typed = typedInput(v, this.locale);
        if (typed.kind !== "date") return typed.value;
        if (!this.attribute(sheet, "numberFormat", top + r, left + c)) {
          this.setAttribute(sheet, "numberFormat", top + r, left + c, TYPED_DATE_FORMAT);
        }
        return this.makeDate(serialToInstant(typed.serial, this.timeZone));
      }),
    );
    this.write(sheet, top, left, contents);
  }

  /** Writes the document's content as given: "=…" is a formula, any other string is text (as an .xlsx holds it). */
  write(sheet: SheetModel, top: number, left: number, values: readonly (readonly unknown[])[]) {
    // Array.from builds arrays of this realm: HyperFormula refuses the script's (vm) arrays.
    const contents: RawCellContent[][] = Array.from(values, (row) =>
      Array.from(row, (v): RawCellContent => {
        if (v === null || v === undefined || v === "") return null;
        if (v instanceof Date || Object.prototype.toString.call(v) === "[object Date]") {
          return instantToSerial((v as Date).getTime(), this.timeZone);
        }
        if (typeof v === "string") return v.startsWith("=") ? v : `'${v}`;
        if (typeof v === "number" || typeof v === "boolean") return v;
        throw new Error(`Exception: Unsupported value in setValues: ${String(v)}`);
      }),
    );
    this.hf.setCellContents({ sheet: sheet.id, row: top, col: left }, contents);
  }

  /** Why Sheets would refuse `formula` as a custom formula (not "=…", not parsable, unknown function), or null. */
  formulaProblem(formula: string): string | null {
    if (!formula.startsWith("=")) return "it does not start with =";
    if (!this.hf.validateFormula(formula)) return "it does not parse";
    const known = new Set(HyperFormula.getRegisteredFunctionNames("enGB"));
    const unknown = [...formula.matchAll(/([A-Z][A-Z0-9.]*)\s*\(/gi)]
      .map((m) => (m[1] as string).toUpperCase())
      .filter((f) => !known.has(f));
    return unknown.length > 0 ? `unknown function ${unknown.join(", ")}` : null;
  }

  defineName(name: string, sheet: SheetModel, range: Range0): void {
    const ref = (r: number, c: number) => `$${columnLetter(c)}$${r + 1}`;
    const target =
      range.top === range.bottom && range.left === range.right
        ? ref(range.top, range.left)
        : `${ref(range.top, range.left)}:${ref(range.bottom, range.right)}`;
    const expression = `=${quoteSheet(sheet.name)}!${target}`;
    if (this.hf.getNamedExpression(name)) this.hf.changeNamedExpression(name, expression);
    else this.hf.addNamedExpression(name, expression);
    this.names.set(name, { name, sheet: sheet.name, range });
  }
}
