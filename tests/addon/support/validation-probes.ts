// Data validations compared by behaviour: which typed values each one accepts, in Sheets (harness) and in Excel (exceljs).
import type { DataValidation } from "exceljs";
import { HyperFormula, type RawCellContent } from "hyperformula";
import type { HarnessDataValidation } from "../../harness/data-validation.ts";

type Probe = number | string | Date;

const DAY_MS = 86_400_000;
const serial = (d: Date) => d.getTime() / DAY_MS + 25_569;

/** Values a user might type, by the kind of rule (told by the Excel rule's type). */
const PROBES: Record<string, Probe[]> = {
  list: [
    "Oui",
    "Non",
    "Urbain QPV",
    "Urbain hors QPV",
    "Rural",
    "Non engagée",
    "En cours",
    "Certifiée",
    "Peut-être",
  ],
  number: [
    -1,
    0,
    0.5,
    1,
    2,
    31,
    365,
    366,
    367,
    2009,
    2010,
    2018,
    2100,
    2101,
    123_456.78,
    1e9,
    "douze",
  ],
  date: [new Date(Date.UTC(2019, 3, 12)), "pas une date"],
  email: ["direction@exemple.fr", "pas un courriel", "nom prenom@exemple.fr"],
  text: ["PIMMS Rennes", "x".repeat(200), "x".repeat(201)],
};

const KIND: Record<string, string> = {
  list: "list",
  whole: "number",
  decimal: "number",
  date: "date",
  custom: "email",
  textLength: "text",
};

/** Custom formulas evaluated with the typed value in the cell they are written for. */
const engine = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
const scratch = engine.getSheetId(engine.addSheet("probe")) as number;

function formulaAccepts(formula: string, address: string, value: Probe): boolean {
  const m = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
  const col = [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const content: RawCellContent =
    value instanceof Date ? serial(value) : typeof value === "string" ? `'${value}` : value;
  engine.setCellContents({ sheet: scratch, row: Number(m[2]) - 1, col }, content);
  return (
    engine.calculateFormula(formula.startsWith("=") ? formula : `=${formula}`, scratch) === true
  );
}

function compare(op: string | undefined, n: number, a: number, b?: number): boolean {
  switch (op ?? "between") {
    case "between":
      return n >= a && n <= (b as number);
    case "greaterThan":
      return n > a;
    case "greaterThanOrEqual":
      return n >= a;
    case "lessThanOrEqual":
      return n <= a;
    default:
      throw new Error(`Operator ${op} not probed`);
  }
}

function excelAccepts(v: DataValidation, address: string, value: Probe): boolean {
  const [a, b] = (v.formulae ?? []).map((f) => (f instanceof Date ? serial(f) : Number(f)));
  switch (v.type) {
    case "list":
      return String(v.formulae?.[0]).replace(/^"|"$/g, "").split(",").includes(String(value));
    case "whole":
    case "decimal":
      return (
        typeof value === "number" &&
        (v.type === "decimal" || Number.isInteger(value)) &&
        compare(v.operator, value, a as number, b)
      );
    case "date":
      return value instanceof Date && compare(v.operator, serial(value), a as number, b);
    case "textLength":
      return compare(v.operator, String(value).length, a as number, b);
    case "custom":
      return formulaAccepts(String(v.formulae?.[0]), address, value);
    default:
      throw new Error(`Excel rule ${v.type} not probed`);
  }
}

function sheetsAccepts(v: HarnessDataValidation, address: string, value: Probe): boolean {
  const [a, b] = v.values as number[];
  const n = typeof value === "number" ? value : Number.NaN;
  switch (v.criteria) {
    case "VALUE_IN_LIST":
      return (v.values[0] as string[]).includes(String(value));
    case "NUMBER_BETWEEN":
      return n >= (a as number) && n <= (b as number);
    case "NUMBER_GREATER_THAN":
      return n > (a as number);
    case "NUMBER_GREATER_THAN_OR_EQUAL_TO":
      return n >= (a as number);
    case "NUMBER_LESS_THAN_OR_EQUAL_TO":
      return n <= (a as number);
    case "DATE_IS_VALID_DATE":
      return value instanceof Date;
    case "TEXT_IS_VALID_EMAIL":
      return typeof value === "string" && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
    case "CUSTOM_FORMULA":
      return formulaAccepts(String(v.values[0]), address, value);
  }
}

/** The probes of the rule's kind with, for each, whether Excel's rule and Sheets' rule accept it. */
export function probeBoth(
  excel: DataValidation,
  sheets: HarnessDataValidation | undefined,
  address: string,
): { excel: boolean[]; sheets: boolean[] | null } {
  const probes = PROBES[KIND[excel.type] as string] as Probe[];
  return {
    excel: probes.map((p) => excelAccepts(excel, address, p)),
    sheets: sheets ? probes.map((p) => sheetsAccepts(sheets, address, p)) : null,
  };
}
