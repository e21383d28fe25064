// Opens an .xlsx into the harness as Google Sheets would import it: values, formulas, date formats, merges, hidden rows.
import ExcelJS from "exceljs";
import { parseA1 } from "./a1-notation.ts";
import type { Book } from "./book.ts";

const DAY_MS = 86_400_000;
const EPOCH_OFFSET = 25_569;

type Loaded = string | number | boolean | null;

/**
 * "recalculated": formulas stay formulas and the engine computes them, as Google Sheets does on import;
 * "cached": the result Excel saved, for comparisons with readers of the .xlsx (which use that result).
 */
export type FormulaResults = "recalculated" | "cached";

/** A cell of exceljs as the content Sheets keeps: formulas (or their results), rich text as its text. */
function content(
  cell: ExcelJS.Cell,
  formulas: FormulaResults,
): { value: Loaded; dateFormat: boolean } {
  const v = cell.value;
  if (v === null || v === undefined) return { value: null, dateFormat: false };
  if (v instanceof Date) return { value: v.getTime() / DAY_MS + EPOCH_OFFSET, dateFormat: true };
  if (typeof v !== "object") return { value: v, dateFormat: false };
  if ("formula" in v && v.formula) {
    if (formulas === "recalculated") return { value: `=${v.formula}`, dateFormat: false };
    const result = v.result;
    return {
      value: typeof result === "object" || result === undefined ? null : result,
      dateFormat: false,
    };
  }
  if ("richText" in v) return { value: v.richText.map((r) => r.text).join(""), dateFormat: false };
  if ("text" in v && "hyperlink" in v) return { value: String(v.text), dateFormat: false };
  if ("error" in v) return { value: String(v.error), dateFormat: false };
  throw new Error(`Unsupported xlsx cell ${cell.address}: ${JSON.stringify(v)}`);
}

export async function loadXlsx(
  book: Book,
  path: string,
  formulas: FormulaResults = "recalculated",
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  for (const ws of workbook.worksheets) {
    const sheet = book.addSheet(ws.name);
    sheet.hidden = ws.state !== "visible";
    const rows: Loaded[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      if (row.hidden) sheet.hiddenRows.add(rowNumber - 1);
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        const { value, dateFormat } = content(cell, formulas);
        const line = rows[rowNumber - 1] ?? [];
        rows[rowNumber - 1] = line;
        line[colNumber - 1] = value;
        const format = dateFormat ? cell.numFmt || "dd/mm/yyyy" : cell.numFmt;
        if (format) book.setAttribute(sheet, "numberFormat", rowNumber - 1, colNumber - 1, format);
      });
    });
    const width = Math.max(0, ...Array.from(rows, (r) => r?.length ?? 0));
    const dense = Array.from({ length: rows.length }, (_, r) =>
      Array.from({ length: width }, (_, c) => rows[r]?.[c] ?? null),
    );
    if (dense.length > 0 && width > 0) book.write(sheet, 0, 0, dense);
    for (const notation of ws.model.merges) {
      const { sheet: _none, ...rect } = parseA1(notation);
      sheet.merges.push(rect);
    }
  }
}
