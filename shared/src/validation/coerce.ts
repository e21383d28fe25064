// Reads a return received as JSON (any shape at all) into a typed return, reporting every value of the wrong type.
import {
  emptyReturn,
  FIELDS,
  type Field,
  type FieldValue,
  type PimmsReturn,
  setValue,
} from "../schema/index.ts";
import { asciiUpperCase } from "../values/ascii-case.ts";
import { isoDate } from "../values/parse.ts";
import type { Finding } from "./finding.ts";

function readPath(input: unknown, f: Field): unknown {
  let node: unknown = input;
  for (const part of [f.section, ...f.path]) {
    if (node === null || typeof node !== "object" || Array.isArray(node)) return undefined;
    if (!Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function isIsoDay(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === value;
}

/** The JSON value for a field, or undefined when its JSON type is wrong. */
function accept(f: Field, raw: unknown): FieldValue | undefined {
  if (raw === null || raw === undefined) return f.emptyMeansNo ? false : null;
  switch (f.type) {
    case "int":
    case "dec":
    case "eur":
      return typeof raw === "number" && Number.isFinite(raw) ? raw : undefined;
    case "bool":
      return typeof raw === "boolean" ? raw : undefined;
    case "date":
      return typeof raw === "string" && isIsoDay(raw) ? raw : undefined;
    default:
      // Structure codes are stored in capitals whichever way they arrive, as from a workbook.
      return typeof raw === "string" ? (f.upperCase ? asciiUpperCase(raw) : raw) : undefined;
  }
}

const EXPECTED: Record<Field["type"], string> = {
  int: "un nombre entier",
  dec: "un nombre",
  eur: "un montant en euros",
  bool: "true ou false",
  date: "une date AAAA-MM-JJ",
  text: "un texte",
  enum: "un texte",
  email: "un texte",
};

export function coerceReturn(input: unknown): { ret: PimmsReturn; findings: Finding[] } {
  const ret = emptyReturn();
  const findings: Finding[] = [];
  for (const f of FIELDS) {
    const raw = readPath(input, f);
    const value = accept(f, raw);
    if (value === undefined) {
      findings.push({
        severity: "error",
        field: f.key,
        cell: null,
        message: `« ${f.label} » doit être ${EXPECTED[f.type]}.`,
      });
    } else setValue(ret, f, value);
  }
  return { ret, findings };
}
