// A schema field described in French words: its type, its rule and how it reads in a table.
import type { Field, FieldType } from "../../src/index.ts";
import { formatBound } from "../../src/validation/field-rules.ts";

export const TYPE_WORDS: Record<FieldType, string> = {
  int: "entier",
  dec: "décimal",
  eur: "montant",
  bool: "Oui/Non",
  date: "date",
  text: "texte",
  enum: "liste",
  email: "courriel",
};

function numberRule(f: Field): string {
  const show = (n: number) => formatBound(f, n);
  if (f.min !== undefined && f.max !== undefined) return `de ${show(f.min)} à ${show(f.max)}`;
  if (f.min !== undefined) return `${f.exclusiveMin ? ">" : "≥"} ${show(f.min)}`;
  return f.signed ? "peut être négatif" : "≥ 0";
}

/** The rule a value must follow, in French. */
export function ruleWords(f: Field): string {
  switch (f.type) {
    case "int":
      return `nombre entier ${numberRule(f)}`;
    case "dec":
      return `nombre ${numberRule(f)}`;
    case "eur":
      return `euros, arrondi au centime, ${numberRule(f)}`;
    case "bool":
      return f.emptyMeansNo ? "Oui ou Non ; vide = Non" : "Oui ou Non";
    case "date":
      return "jj/mm/aaaa (AAAA-MM-JJ en JSON) ; vide = instance non tenue";
    case "enum":
      return `une valeur parmi : ${(f.options ?? []).join(", ")}`;
    case "email":
      return "adresse électronique valide";
    case "text":
      return f.pattern
        ? `${f.patternHint ?? "format imposé"} (\`${f.pattern.source}\`${f.upperCase ? ", mis en majuscules" : ""})`
        : "texte libre";
  }
}

/** A table cell: pipes escaped, line breaks removed. */
export const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
