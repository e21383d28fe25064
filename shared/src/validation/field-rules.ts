// Checks each field on its own against the schema: required, whole numbers, sign, bounds, pattern, options, email.
import {
  FIELDS,
  type Field,
  type FieldValue,
  getValue,
  type PimmsReturn,
} from "../schema/index.ts";
import { asciiUpperCase } from "../values/ascii-case.ts";
import { formatNumber } from "../values/format.ts";
import type { CellLocator, Finding } from "./finding.ts";

/** A pragmatic address check: one @, a dotted domain, no spaces (RFC 5322 in full is not what users need). */
export const EMAIL = /^[^\s@"<>(),;:]+@([^\s@"<>(),;:.]+\.)+[A-Za-z]{2,}$/;

/** A bound as a reader expects it: years are never grouped ("2010", not "2 010"). */
export const formatBound = (f: Field, n: number) =>
  f.key === "identification.year" ? String(n) : formatNumber(n);

function fieldProblem(f: Field, value: FieldValue): string | null {
  const label = `« ${f.label} »`;
  // A blank text from JSON is as empty as null.
  if (value === null || (typeof value === "string" && value.trim() === ""))
    return f.required ? `${label} est obligatoire.` : null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return `${label} doit être un nombre.`;
    if (f.type === "int" && !Number.isInteger(value)) return `${label} doit être un nombre entier.`;
    if (!f.signed && value < 0 && f.min === undefined) return `${label} ne peut pas être négatif.`;
    const between = () =>
      `${label} doit être compris entre ${formatBound(f, f.min ?? 0)} et ${formatBound(f, f.max ?? 0)}.`;
    if (f.min !== undefined && (f.exclusiveMin ? value <= f.min : value < f.min)) {
      if (f.max !== undefined) return between();
      return `${label} doit être ${f.exclusiveMin ? "supérieur à" : "au moins égal à"} ${formatBound(f, f.min)}.`;
    }
    return f.max !== undefined && value > f.max ? between() : null;
  }
  if (typeof value !== "string") return null;
  if (f.pattern && !f.pattern.test(f.upperCase ? asciiUpperCase(value) : value)) {
    return `${label} n'est pas valide : ${f.patternHint ?? "format inattendu"}.`;
  }
  if (f.type === "enum" && !(f.options ?? []).includes(value)) {
    return `${label} doit être l'une des valeurs : ${(f.options ?? []).join(", ")}.`;
  }
  if (f.type === "email" && !EMAIL.test(value))
    return `${label} n'est pas une adresse électronique valide.`;
  return null;
}

export function checkFields(ret: PimmsReturn, cellOf: CellLocator): Finding[] {
  const findings: Finding[] = [];
  for (const f of FIELDS) {
    const message = fieldProblem(f, getValue(ret, f));
    if (message) findings.push({ severity: "error", field: f.key, cell: cellOf(f.key), message });
  }
  return findings;
}
