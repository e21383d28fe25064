// A plan's validation rule as a Sheets data validation: dropdowns, number bounds, dates, e-mails, text length.
import type { ValidationRule } from "@barometre/shared";

type Builder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type NumberRule = Extract<ValidationRule, { kind: "number" }>;

/**
 * Sheets has no "whole number" criterion: a custom formula on the cell itself checks it, with the
 * bounds; decimals use the number criteria Sheets shows in its own dialog.
 */
function requireNumber(builder: Builder, rule: NumberRule, cell: string): Builder {
  const { min, max } = rule;
  if (rule.integer) {
    const checks = [`ISNUMBER(${cell})`, `${cell}=INT(${cell})`];
    if (min !== undefined) checks.push(`${cell}${rule.exclusiveMin ? ">" : ">="}${min}`);
    if (max !== undefined) checks.push(`${cell}<=${max}`);
    return builder.requireFormulaSatisfied(`=AND(${checks.join(",")})`);
  }
  if (min !== undefined && rule.exclusiveMin) {
    return max === undefined
      ? builder.requireNumberGreaterThan(min)
      : builder.requireFormulaSatisfied(`=AND(ISNUMBER(${cell}),${cell}>${min},${cell}<=${max})`);
  }
  if (min !== undefined && max !== undefined) return builder.requireNumberBetween(min, max);
  if (min !== undefined) return builder.requireNumberGreaterThanOrEqualTo(min);
  if (max !== undefined) return builder.requireNumberLessThanOrEqualTo(max);
  return builder.requireFormulaSatisfied(`=ISNUMBER(${cell})`);
}

/** The validation of the input cell at `cell` ("B7"); invalid entries are refused, the help is shown on selection. */
export function dataValidation(
  rule: ValidationRule,
  cell: string,
): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = SpreadsheetApp.newDataValidation().setAllowInvalid(false).setHelpText(rule.help);
  switch (rule.kind) {
    case "list":
      return builder.requireValueInList([...rule.values], true).build();
    case "number":
      return requireNumber(builder, rule, cell).build();
    case "date":
      return builder.requireDate().build();
    case "email":
      return builder.requireTextIsEmail().build();
    case "text":
      return rule.maxLength === undefined
        ? builder.requireFormulaSatisfied(`=ISTEXT(${cell})`).build()
        : builder.requireFormulaSatisfied(`=LEN(${cell})<=${rule.maxLength}`).build();
  }
}
