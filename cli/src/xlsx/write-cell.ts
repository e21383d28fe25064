// One planned cell onto an exceljs cell: value or formula, number format, style and data validation.
import {
  a1,
  type CellPlan,
  type CellStyle,
  type ValidationRule,
  validationError,
  validationTitle,
} from "@barometre/shared";
import type { Cell, DataValidation, Fill, Font } from "exceljs";

/** "#1f4e79" → exceljs's "FF1F4E79". */
export const argb = (hex: string): string => `FF${hex.replace("#", "").toUpperCase()}`;

/** The first date Excel knows: a date rule accepts any real date after it. */
const FIRST_DAY = new Date(Date.UTC(1899, 11, 31));
/** An unbounded number still refuses text; amounts stay far inside this. */
const HUGE = 1e15;

function criteria(
  rule: ValidationRule,
  address: string,
): Pick<DataValidation, "type" | "operator" | "formulae"> {
  switch (rule.kind) {
    case "list":
      return { type: "list", formulae: [`"${rule.values.join(",")}"`] };
    case "number": {
      const type = rule.integer ? "whole" : "decimal";
      const { min, max } = rule;
      if (min !== undefined && max !== undefined)
        return { type, operator: "between", formulae: [min, max] };
      if (min !== undefined)
        return {
          type,
          operator: rule.exclusiveMin ? "greaterThan" : "greaterThanOrEqual",
          formulae: [min],
        };
      if (max !== undefined) return { type, operator: "lessThanOrEqual", formulae: [max] };
      return { type, operator: "between", formulae: [-HUGE, HUGE] };
    }
    case "date":
      return { type: "date", operator: "greaterThan", formulae: [FIRST_DAY] };
    case "email":
      // Something@something.something without spaces; Excel has no e-mail rule of its own.
      return {
        type: "custom",
        formulae: [`AND(ISERROR(FIND(" ",${address})),COUNTIF(${address},"?*@?*.?*")=1)`],
      };
    case "text":
      return {
        type: "textLength",
        operator: "lessThanOrEqual",
        formulae: [rule.maxLength ?? 32_767],
      };
  }
}

export function dataValidation(rule: ValidationRule, address: string): DataValidation {
  const title = validationTitle(rule);
  return {
    ...criteria(rule, address),
    allowBlank: true,
    showInputMessage: true,
    promptTitle: title,
    prompt: rule.help,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: title,
    error: validationError(rule),
  };
}

export function font(style: CellStyle): Partial<Font> {
  const out: Partial<Font> = { name: "Calibri", size: style.fontSize ?? 11 };
  if (style.bold) out.bold = true;
  if (style.italic) out.italic = true;
  if (style.fontColor) out.color = { argb: argb(style.fontColor) };
  return out;
}

export const solidFill = (hex: string): Fill => ({
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: argb(hex) },
});

export function writeCell(cell: Cell, plan: CellPlan, row: number, col: number): void {
  cell.value = plan.formula ? { formula: plan.formula } : (plan.value ?? null);
  if (plan.numberFormat) cell.numFmt = plan.numberFormat;
  const style = plan.style;
  if (style) {
    cell.font = font(style);
    if (style.background) cell.fill = solidFill(style.background);
    cell.alignment = {
      ...(style.wrap ? { wrapText: true } : {}),
      ...(style.horizontalAlignment ? { horizontal: style.horizontalAlignment } : {}),
      ...(style.verticalAlignment ? { vertical: style.verticalAlignment } : {}),
    };
  }
  if (plan.validation) cell.dataValidation = dataValidation(plan.validation, a1(row, col));
  if (plan.note) cell.note = plan.note;
}
