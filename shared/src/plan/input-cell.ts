// An input cell derived from its schema field: the pre-filled value, number format and data validation.
import { type Field, type FieldValue, getValue, type PimmsReturn } from "../schema/index.ts";
import { isoToSerial } from "../values/index.ts";
import { STYLES } from "./styles.ts";
import type { CellPlan, ValidationRule } from "./types.ts";

/** Invariant number formats (a French-locale workbook shows them "1 024 140,50 €", "15,26", "12/04/2019"). */
export const FORMATS = {
  eur: '#,##0.00 "€"',
  int: "#,##0",
  /** Whole numbers that never reach 10 000 (a year, days) read better without a thousands separator. */
  small: "0",
  dec: "#,##0.00",
  date: "dd/mm/yyyy",
  text: "@",
} as const;

/** Longest text accepted in a text input: names and codes, never paragraphs. */
export const TEXT_MAX_LENGTH = 200;

export const YES = "Oui";
export const NO = "Non";

export function numberFormatOf(f: Field): string | undefined {
  switch (f.type) {
    case "eur":
      return FORMATS.eur;
    case "int":
      return f.max !== undefined && f.max < 10_000 ? FORMATS.small : FORMATS.int;
    case "dec":
      return FORMATS.dec;
    case "date":
      return FORMATS.date;
    case "text":
    case "email":
      return FORMATS.text;
    default:
      return undefined;
  }
}

type NumberRule = Extract<ValidationRule, { kind: "number" }>;

function numberRule(f: Field): NumberRule {
  const integer = f.type === "int";
  const min = f.min ?? (f.signed ? undefined : 0);
  const rule: NumberRule = { kind: "number", integer, help: f.help };
  if (min !== undefined) {
    // A strict bound on whole numbers is the next whole number; decimals keep it strict.
    if (f.exclusiveMin && integer) rule.min = min + 1;
    else {
      rule.min = min;
      if (f.exclusiveMin) rule.exclusiveMin = true;
    }
  }
  if (f.max !== undefined) rule.max = f.max;
  return rule;
}

export function validationOf(f: Field): ValidationRule {
  switch (f.type) {
    case "bool":
      return { kind: "list", values: [YES, NO], help: f.help };
    case "enum":
      return { kind: "list", values: f.options ?? [], help: f.help };
    case "int":
    case "dec":
    case "eur":
      return numberRule(f);
    case "date":
      return { kind: "date", help: f.help };
    case "email":
      return { kind: "email", help: f.help };
    case "text":
      return { kind: "text", maxLength: TEXT_MAX_LENGTH, help: f.help };
  }
}

/** How a value of the return is written in its cell: Oui/Non for booleans, serial days for dates. */
export function cellValueOf(f: Field, value: FieldValue): string | number | null {
  if (value === null) return null;
  if (typeof value === "boolean") return value ? YES : NO;
  if (f.type === "date" && typeof value === "string") return isoToSerial(value);
  return value;
}

export function inputCell(f: Field, ret: PimmsReturn | null): CellPlan {
  const cell: CellPlan = {
    value: ret ? cellValueOf(f, getValue(ret, f)) : null,
    style: STYLES.input,
    validation: validationOf(f),
  };
  const format = numberFormatOf(f);
  if (format) cell.numberFormat = format;
  return cell;
}
