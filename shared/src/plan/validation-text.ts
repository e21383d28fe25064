// French title and refusal message of an input cell's data validation, derived from its rule.
import { formatNumber } from "../values/index.ts";
import type { ValidationRule } from "./types.ts";

/** Short enough for Excel's 32-character prompt and error titles. */
export function validationTitle(rule: ValidationRule): string {
  switch (rule.kind) {
    case "list":
      return "Choisissez dans la liste";
    case "number":
      return rule.integer ? "Nombre entier" : "Nombre";
    case "date":
      return "Date (jj/mm/aaaa)";
    case "email":
      return "Adresse électronique";
    case "text":
      return "Texte";
  }
}

const show = (n: number) => formatNumber(n, Number.isInteger(n) ? 0 : 2);

function bounds(rule: Extract<ValidationRule, { kind: "number" }>): string {
  const { min, max } = rule;
  if (min !== undefined && max !== undefined) return ` compris entre ${show(min)} et ${show(max)}`;
  if (min !== undefined)
    return ` ${rule.exclusiveMin ? "supérieur à" : "supérieur ou égal à"} ${show(min)}`;
  if (max !== undefined) return ` inférieur ou égal à ${show(max)}`;
  return "";
}

/** The sentence shown when a typed value breaks the rule. */
export function validationError(rule: ValidationRule): string {
  switch (rule.kind) {
    case "list":
      return `Choisissez l'une des valeurs : ${rule.values.join(", ")}.`;
    case "number":
      return `Saisissez un nombre${rule.integer ? " entier" : ""}${bounds(rule)}.`;
    case "date":
      return "Saisissez une date au format jj/mm/aaaa.";
    case "email":
      return "Saisissez une adresse électronique, par exemple nom@exemple.fr.";
    case "text":
      return rule.maxLength === undefined
        ? "Saisissez un texte."
        : `Saisissez un texte de ${rule.maxLength} caractères au plus.`;
  }
}
