// Parses one raw cell for one schema field: the typed value, or a French explanation of why it cannot be read.
import type { Field, FieldValue } from "../schema/index.ts";
import { emptyValue } from "../schema/index.ts";
import { asciiUpperCase } from "./ascii-case.ts";
import { formatRaw } from "./format.ts";
import {
  fold,
  isEmptyCell,
  parseBool,
  parseDate,
  parseNumber,
  parseText,
  type RawCell,
} from "./parse.ts";

export type FieldParse = { value: FieldValue; problem: string | null };

/**
 * Rounds an amount to the cent, half away from zero as accountants do. The product is taken to 15
 * significant digits first so binary noise does not decide (1.005 × 100 is 100.49999999999999).
 */
export function roundCents(value: number): number {
  const cents = Math.round(Number((Math.abs(value) * 100).toPrecision(15))) / 100;
  return value < 0 && cents !== 0 ? -cents : cents;
}

/** Words only: case, accents, hyphens and punctuation aside ("Urbain hors-QPV" → "urbain hors qpv"). */
const words = (text: string) =>
  fold(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** The option a typed word stands for, ignoring case, accents and punctuation ("urbain hors-qpv" → "Urbain hors QPV"). */
export function matchOption(options: readonly string[], raw: string): string | null {
  const wanted = words(raw);
  return wanted === "" ? null : (options.find((o) => words(o) === wanted) ?? null);
}

export function parseFieldValue(field: Field, raw: RawCell): FieldParse {
  if (isEmptyCell(raw)) return { value: emptyValue(field), problem: null };
  const fail = (expected: string): FieldParse => ({
    value: emptyValue(field),
    problem: `Valeur illisible pour « ${field.label} » : « ${formatRaw(raw)} » (attendu : ${expected}).`,
  });
  switch (field.type) {
    case "int":
    case "dec":
    case "eur": {
      const parsed = parseNumber(raw);
      if (!parsed.ok) return fail(field.type === "int" ? "un nombre entier" : "un nombre");
      return {
        value: field.type === "eur" ? roundCents(parsed.value) : parsed.value,
        problem: null,
      };
    }
    case "bool": {
      const parsed = parseBool(raw);
      if (!parsed.ok) return fail("Oui ou Non");
      return { value: parsed.value ?? emptyValue(field), problem: null };
    }
    case "date": {
      const parsed = parseDate(raw);
      return parsed.ok ? { value: parsed.value, problem: null } : fail("une date jj/mm/aaaa");
    }
    case "enum": {
      const text = parseText(raw) ?? "";
      const option = matchOption(field.options ?? [], text);
      return option
        ? { value: option, problem: null }
        : fail(`l'une des valeurs ${(field.options ?? []).join(", ")}`);
    }
    case "email": {
      const text = parseText(raw);
      return { value: text?.replace(/^mailto:/i, "") || null, problem: null };
    }
    case "text": {
      const text = parseText(raw);
      return { value: field.upperCase && text ? asciiUpperCase(text) : text, problem: null };
    }
  }
}
