// Loads sheets, a workbook plan or an .xlsx file into HyperFormula (GPL-3, tests only) to evaluate the product's formulas.
import { columnLetter, parseCellRef, type WorkbookPlan } from "@barometre/shared";
import ExcelJS from "exceljs";
import { type CellValue, HyperFormula, type RawCellContent } from "hyperformula";

export interface EngineSheet {
  name: string;
  /** Row-major contents: a formula is a string starting with "=". */
  cells: RawCellContent[][];
}

/** A workbook-level defined name pointing at one cell (0-based), like the plan's NamedCell. */
export interface EngineName {
  name: string;
  tab: string;
  row: number;
  col: number;
}

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;
const DAY_MS = 86_400_000;
/** Serial day of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25569;

/** A workbook held by a real formula engine, addressed by sheet name and by defined name. */
export class FormulaWorkbook {
  readonly hf: HyperFormula;
  private readonly names = new Map<string, EngineName>();

  constructor(sheets: readonly EngineSheet[], names: readonly EngineName[]) {
    this.hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", smartRounding: false });
    // Sheets first, contents after: a formula may refer to a sheet or a name defined later.
    for (const sheet of sheets) this.hf.addSheet(sheet.name);
    for (const n of names) {
      this.names.set(n.name, n);
      this.hf.addNamedExpression(
        n.name,
        `=${quoteSheet(n.tab)}!$${columnLetter(n.col)}$${n.row + 1}`,
      );
    }
    for (const sheet of sheets) {
      if (sheet.cells.length > 0)
        this.hf.setCellContents(this.address(sheet.name, 0, 0), sheet.cells);
    }
  }

  get sheetNames(): string[] {
    return this.hf.getSheetNames();
  }

  get definedNames(): EngineName[] {
    return [...this.names.values()];
  }

  private address(sheet: string, row: number, col: number) {
    const id = this.hf.getSheetId(sheet);
    if (id === undefined) throw new Error(`No sheet named ${sheet}`);
    return { sheet: id, row, col };
  }

  private target(name: string): EngineName {
    const n = this.names.get(name);
    if (!n) throw new Error(`No defined name ${name}`);
    return n;
  }

  value(sheet: string, row: number, col: number): CellValue {
    return this.hf.getCellValue(this.address(sheet, row, col));
  }

  /** The value of the cell a defined name points at. */
  named(name: string): CellValue {
    const n = this.target(name);
    return this.value(n.tab, n.row, n.col);
  }

  set(sheet: string, row: number, col: number, content: RawCellContent): void {
    this.hf.setCellContents(this.address(sheet, row, col), content);
  }

  /** Writes the cell a defined name points at, as a user typing in it would. */
  setNamed(name: string, content: RawCellContent): void {
    const n = this.target(name);
    this.set(n.tab, n.row, n.col, content);
  }
}

/** A workbook plan as the engine sees it once an adapter has applied it. */
export function planWorkbook(plan: WorkbookPlan): FormulaWorkbook {
  const sheets = plan.tabs.map((tab) => ({
    name: tab.name,
    cells: tab.cells.map((row) =>
      row.map(
        (cell): RawCellContent => (cell?.formula ? `=${cell.formula}` : (cell?.value ?? null)),
      ),
    ),
  }));
  return new FormulaWorkbook(sheets, plan.names);
}

function cellContent(cell: ExcelJS.Cell): RawCellContent {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.getTime() / DAY_MS + UNIX_EPOCH_SERIAL;
  if (cell.formula) return `=${cell.formula}`;
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("text" in v) return String(v.text);
  if ("error" in v) return v.error;
  return null;
}

/** Reads "'Données financières'!$B$8" or "Finances!$B$8" (exceljs's one-cell defined names). */
function parseRange(range: string): { tab: string; row: number; col: number } | null {
  const plain = range.replace(/\$/g, "");
  const at = parseCellRef(plain.startsWith("'") ? plain : `'${plain.replace("!", "'!")}`);
  return at && { tab: at.sheet, row: at.row, col: at.col };
}

/** An exceljs workbook (as loaded from an .xlsx) with its cells, sheet names and one-cell defined names. */
export function excelWorkbook(wb: ExcelJS.Workbook): FormulaWorkbook {
  const sheets = wb.worksheets.map((ws) => {
    const cells: RawCellContent[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const out: RawCellContent[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        out[c - 1] = cellContent(cell);
      });
      cells[r - 1] = Array.from(out, (x) => x ?? null);
    });
    return { name: ws.name, cells: Array.from(cells, (row) => row ?? []) };
  });
  const names: EngineName[] = [];
  for (const { name, ranges } of wb.definedNames.model) {
    const at = ranges.length === 1 ? parseRange(ranges[0] as string) : null;
    if (at) names.push({ name, ...at });
  }
  return new FormulaWorkbook(sheets, names);
}

export async function loadXlsx(source: string | Buffer): Promise<FormulaWorkbook> {
  const wb = new ExcelJS.Workbook();
  if (typeof source === "string") await wb.xlsx.readFile(source);
  else await wb.xlsx.load(source as unknown as ArrayBuffer);
  return excelWorkbook(wb);
}
