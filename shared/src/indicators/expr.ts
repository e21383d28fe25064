// A tiny expression language for indicators: one definition is evaluated in TypeScript and printed as a sheet formula.
import { field as fieldOf, getValue, type PimmsReturn } from "../schema/index.ts";

export type Expr =
  | { k: "field"; key: string }
  | { k: "const"; value: number }
  | { k: "add" | "sub" | "mul" | "div"; a: Expr; b: Expr }
  /** Sum where empty inputs count as 0, as the spreadsheet SUM does. */
  | { k: "sum"; keys: readonly string[] }
  /** 1 when a Oui/Non field is Oui, else 0. */
  | { k: "yes"; key: string }
  /** `held` when the date field is filled, else `notHeld`. */
  | { k: "ifDate"; key: string; held: Expr; notHeld: Expr };

/** A condition that must hold for the indicator to be computable, with the French reason when it does not. */
export type Guard =
  | { k: "filled"; key: string }
  | { k: "anyFilled"; keys: readonly string[]; reason: string }
  | { k: "positive"; expr: Expr; reason: string };

export const f = (key: string): Expr => ({ k: "field", key });
export const c = (value: number): Expr => ({ k: "const", value });
export const add = (a: Expr, b: Expr): Expr => ({ k: "add", a, b });
export const sub = (a: Expr, b: Expr): Expr => ({ k: "sub", a, b });
export const mul = (a: Expr, b: Expr): Expr => ({ k: "mul", a, b });
export const div = (a: Expr, b: Expr): Expr => ({ k: "div", a, b });

/** The reason shown when a required input is empty. */
export const missingReason = (key: string): string => `${fieldOf(key).label} : donnée manquante`;

// ---- TypeScript evaluation -------------------------------------------------------------------

const read = (ret: PimmsReturn, key: string) => getValue(ret, fieldOf(key));

export function evaluate(e: Expr, ret: PimmsReturn): number {
  switch (e.k) {
    case "field": {
      const v = read(ret, e.key);
      return typeof v === "number" ? v : Number.NaN;
    }
    case "const":
      return e.value;
    case "add":
      return evaluate(e.a, ret) + evaluate(e.b, ret);
    case "sub":
      return evaluate(e.a, ret) - evaluate(e.b, ret);
    case "mul":
      return evaluate(e.a, ret) * evaluate(e.b, ret);
    case "div":
      return evaluate(e.a, ret) / evaluate(e.b, ret);
    case "sum":
      return e.keys.reduce((acc, key) => {
        const v = read(ret, key);
        return acc + (typeof v === "number" ? v : 0);
      }, 0);
    case "yes":
      return read(ret, e.key) === true ? 1 : 0;
    case "ifDate":
      return read(ret, e.key) !== null ? evaluate(e.held, ret) : evaluate(e.notHeld, ret);
  }
}

/** The reason of the first guard that fails, or null when all hold. */
export function failedGuard(guards: readonly Guard[], ret: PimmsReturn): string | null {
  for (const g of guards) {
    if (g.k === "filled" && read(ret, g.key) === null) return missingReason(g.key);
    if (g.k === "anyFilled" && g.keys.every((key) => read(ret, key) === null)) return g.reason;
    if (g.k === "positive" && !(evaluate(g.expr, ret) > 0)) return g.reason;
  }
  return null;
}

// ---- Sheet formulas (English function names, comma separators: Sheets and Excel agree) -------

/** How a formula refers to a field: its defined name. */
export type Ref = (key: string) => string;

export function toFormula(e: Expr, ref: Ref): string {
  switch (e.k) {
    case "field":
      return ref(e.key);
    case "const":
      return String(e.value);
    case "add":
      return `(${toFormula(e.a, ref)}+${toFormula(e.b, ref)})`;
    case "sub":
      return `(${toFormula(e.a, ref)}-${toFormula(e.b, ref)})`;
    case "mul":
      return `(${toFormula(e.a, ref)}*${toFormula(e.b, ref)})`;
    case "div":
      return `(${toFormula(e.a, ref)}/${toFormula(e.b, ref)})`;
    case "sum":
      return `SUM(${e.keys.map(ref).join(",")})`;
    case "yes":
      return `IF(${ref(e.key)}="Oui",1,0)`;
    case "ifDate":
      return `IF(ISNUMBER(${ref(e.key)}),${toFormula(e.held, ref)},${toFormula(e.notHeld, ref)})`;
  }
}

/** A sheet test that is TRUE when the field is empty (or holds something of the wrong kind). */
export function emptyTest(key: string, ref: Ref): string {
  const type = fieldOf(key).type;
  if (type === "bool") return `AND(${ref(key)}<>"Oui",${ref(key)}<>"Non")`;
  if (type === "int" || type === "dec" || type === "eur" || type === "date")
    return `NOT(ISNUMBER(${ref(key)}))`;
  return `LEN(${ref(key)})=0`;
}

/** The sheet test that is TRUE when the guard fails. */
export function guardFailsFormula(g: Guard, ref: Ref): string {
  if (g.k === "filled") return emptyTest(g.key, ref);
  if (g.k === "anyFilled") return `AND(${g.keys.map((key) => emptyTest(key, ref)).join(",")})`;
  return `NOT(${toFormula(g.expr, ref)}>0)`;
}

export function guardReason(g: Guard): string {
  return g.k === "filled" ? missingReason(g.key) : g.reason;
}
