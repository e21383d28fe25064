// A validated tab as plain data, read from the harness (the add-on's work) or from an .xlsx (barometre prepare's).
import { a1 } from "@barometre/shared";
import type { Cell, DataValidation, Workbook, Worksheet } from "exceljs";
import { type Book, DEFAULT_COLUMN_WIDTH, type SheetModel } from "../../harness/book.ts";
import type { HarnessDataValidation } from "../../harness/data-validation.ts";
import { isEditable } from "../../harness/protection.ts";
import { probeBoth } from "./validation-probes.ts";

export interface CellView {
  content: string | number | boolean | null;
  format: string | null;
  bold: boolean;
  italic: boolean;
  /** Null at each program's own default size. */
  fontSize: number | null;
  fontColor: string | null;
  background: string | null;
  wrap: boolean;
  horizontal: string | null;
  vertical: string | null;
  /** Not covered by a protection: the user types here without a warning. */
  editable: boolean;
  /** Which probe values the cell's validation accepts; null without validation. */
  accepts: boolean[] | null;
}

export interface TabView {
  cells: Record<string, CellView>;
  /** Pixels, one per column. */
  widths: number[];
  merges: string[];
  frozenRows: number;
  conditional: string[];
}

const DAY_MS = 86_400_000;
/** exceljs's default font size (write-cell.ts); a new Google sheet's is its own. */
const EXCEL_FONT_SIZE = 11;
/** Pixels of an Excel column width, the inverse of write-plan.ts's conversion. */
const excelPixels = (width: number | undefined) =>
  width === undefined ? null : Math.round(width * 7 + 5);
const hex = (argb: string | undefined) => (argb ? `#${argb.slice(2).toLowerCase()}` : null);
const inside = (
  r: { top: number; left: number; bottom: number; right: number },
  row: number,
  col: number,
) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
const range = (r: { top: number; left: number; bottom: number; right: number }) =>
  `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;

function excelContent(cell: Cell): CellView["content"] {
  if (cell.formula) return `=${cell.formula}`;
  const v = cell.value;
  if (v instanceof Date) return v.getTime() / DAY_MS + 25_569;
  return v === undefined || v === null || typeof v === "object" ? null : v;
}

export function excelTab(ws: Worksheet, rows: number, cols: number): TabView {
  const cells: Record<string, CellView> = {};
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const cell = ws.getCell(r + 1, c + 1);
      // exceljs shows a merged area's content in each of its cells; Sheets keeps it in the first one only.
      if (cell.isMerged && cell.master !== cell) continue;
      const fill = cell.fill as { fgColor?: { argb?: string } } | undefined;
      cells[a1(r, c)] = {
        content: excelContent(cell),
        format: cell.numFmt || null,
        bold: cell.font?.bold === true,
        italic: cell.font?.italic === true,
        fontSize: cell.font?.size === EXCEL_FONT_SIZE ? null : (cell.font?.size ?? null),
        fontColor: hex(cell.font?.color?.argb),
        background: hex(fill?.fgColor?.argb),
        wrap: cell.alignment?.wrapText === true,
        horizontal: cell.alignment?.horizontal ?? null,
        vertical: cell.alignment?.vertical ?? null,
        editable: cell.protection?.locked === false,
        accepts: cell.dataValidation
          ? probeBoth(cell.dataValidation as DataValidation, undefined, a1(r, c)).excel
          : null,
      };
    }
  }
  const frozen = ws.views.find((v) => v.state === "frozen") as { ySplit?: number } | undefined;
  return {
    cells,
    widths: Array.from({ length: cols }, (_, c) => excelPixels(ws.getColumn(c + 1).width) ?? 0),
    merges: [...(ws.model.merges as string[])].sort(),
    frozenRows: frozen?.ySplit ?? 0,
    conditional: (
      ws as unknown as { conditionalFormattings: ConditionalFormattings }
    ).conditionalFormattings.flatMap((cf) =>
      cf.rules.map((rule) => {
        const style = (
          rule as {
            style?: {
              fill?: { bgColor?: { argb?: string } };
              font?: { color?: { argb?: string } };
            };
          }
        ).style;
        const text = String((rule as { formulae?: unknown[] }).formulae?.[0]).replace(/^"|"$/g, "");
        return `${cf.ref} = ${text} → ${hex(style?.fill?.bgColor?.argb)} ${hex(style?.font?.color?.argb)}`;
      }),
    ),
  };
}

/** The harness tab; validations probed against the Excel rule of the same cell (same probe values). */
export function sheetsTab(
  book: Book,
  sheet: SheetModel,
  excel: Worksheet,
  rows: number,
  cols: number,
): TabView {
  const cells: Record<string, CellView> = {};
  const attr = (name: Parameters<Book["attribute"]>[1], r: number, c: number) =>
    book.attribute(sheet, name, r, c);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (sheet.merges.some((m) => inside(m, r, c) && (m.top !== r || m.left !== c))) continue;
      const formula = book.formula(sheet, r, c);
      const raw = book.hf.getCellValue({ sheet: sheet.id, row: r, col: c });
      const format = attr("numberFormat", r, c) as string | undefined;
      const rule = excel.getCell(r + 1, c + 1).dataValidation as DataValidation | undefined;
      const mine = attr("validation", r, c) as HarnessDataValidation | undefined;
      cells[a1(r, c)] = {
        content: formula || (raw === null || typeof raw === "object" ? null : raw),
        format: format && format !== "General" ? format : null,
        bold: attr("fontWeight", r, c) === "bold",
        italic: attr("fontStyle", r, c) === "italic",
        fontSize: (attr("fontSize", r, c) as number | undefined) ?? null,
        fontColor: (attr("fontColor", r, c) as string | undefined) ?? null,
        background: (attr("background", r, c) as string | undefined) ?? null,
        wrap: attr("wrap", r, c) === true,
        horizontal: (attr("horizontalAlignment", r, c) as string | undefined) ?? null,
        vertical: (attr("verticalAlignment", r, c) as string | undefined) ?? null,
        editable: isEditable(sheet, r, c),
        accepts: mine && rule ? probeBoth(rule, mine, a1(r, c)).sheets : mine ? [] : null,
      };
    }
  }
  return {
    cells,
    widths: Array.from(
      { length: cols },
      (_, c) => sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH,
    ),
    merges: sheet.merges.map(range).sort(),
    frozenRows: sheet.frozenRows,
    conditional: sheet.conditionalRules.flatMap((rule) =>
      rule.ranges.map(
        (r) => `${range(r)} = ${rule.textEqualTo} → ${rule.background} ${rule.fontColor}`,
      ),
    ),
  };
}

type ConditionalFormattings = { ref: string; rules: unknown[] }[];

/** Workbook-level names as "name → Tab!B4" (exceljs quotes sheet names only when it must). */
export function excelNames(wb: Workbook): string[] {
  return wb.definedNames.model
    .map(({ name, ranges }) => `${name} → ${String(ranges[0]).replace(/[$']/g, "")}`)
    .sort();
}

export function sheetsNames(book: Book): string[] {
  return [...book.names.values()]
    .map((n) => `${n.name} → ${n.sheet}!${a1(n.range.top, n.range.left)}`)
    .sort();
}
