// Checks each field on its own against the schema: required, whole numbers, sign, bounds, pattern, options, email.
import {
  FIELDS,
  type Field,
  type FieldValue,
  getValue,
  type PimmsReturn,
} from "../schema/index.ts";
import { formatNumber } from "../values/format.ts";
import type { CellLocator, Finding } from "./finding.ts";

/** A pragmatic address check: one @, a dotted domain, no spaces (RFC 5322 in full is not what users need). */
const EMAIL = /^[^\s@"<>(),;:]+@[^\s@"<>(),;:]+\.[a-z]{2,}$/i;

function fieldProblem(f: Field, value: FieldValue): string | null {
  const label = `« ${f.label} »`;
  if (value === null) return f.required ? `${label} est obligatoire.` : null;
  if (typeof value === "number") {
    if (f.type === "int" && !Number.isInteger(value)) return `${label} doit être un nombre entier.`;
    if (!f.signed && value < 0 && f.min === undefined) return `${label} ne peut pas être négatif.`;
    if (f.min !== undefined && (f.exclusiveMin ? value <= f.min : value < f.min)) {
      if (f.max !== undefined)
        return `${label} doit être compris entre ${formatNumber(f.min)} et ${formatNumber(f.max)}.`;
      return `${label} doit être ${f.exclusiveMin ? "supérieur à" : "au moins égal à"} ${formatNumber(f.min)}.`;
    }
    if (f.max !== undefined && value > f.max) {
      return `${label} doit être compris entre ${formatNumber(f.min ?? 0)} et ${formatNumber(f.max)}.`;
    }
    return null;
  }
  if (typeof value !== "string") return null;
  if (f.type === "text" && value.trim() === "")
    return f.required ? `${label} est obligatoire.` : null;
  if (f.pattern && !f.pattern.test(f.upperCase ? value.toUpperCase() : value)) {
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
