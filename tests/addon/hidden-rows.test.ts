// A legacy workbook holding a field twice, the stale copy in a hidden row: the add-on keeps the visible copy, as
// `barometre import` does, asking Apps Script about those two rows only.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importWorkbookFile, readWorkbookFile } from "@barometre/cli/xlsx";
import { field, importWorkbook, parseCellRef } from "@barometre/shared";
import { fixture } from "@barometre/testing/legacy-fixtures";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { openWorkbook } from "./support/addon-session.ts";
import { namedReturn } from "./support/sheet-values.ts";

const fx = fixture("01");
const FIELD = field("finance.chargesTotal");
const STALE = 1_234;

/**
 * The fixture with the field's row hidden and holding a stale figure, and a visible copy of that row, with the
 * right figure, further down the same tab: read in workbook order, the stale one would come first.
 */
async function withHiddenStaleCopy(): Promise<string> {
  const cell = importWorkbook(await readWorkbookFile(fx.xlsx)).cells[FIELD.key] as string;
  const at = parseCellRef(cell);
  if (!at) throw new Error(`No cell for ${FIELD.key}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fx.xlsx);
  const ws = wb.getWorksheet(at.sheet) as ExcelJS.Worksheet;
  const original = ws.getRow(at.row + 1);
  const copy = ws.getRow(ws.rowCount + 2);
  original.eachCell((c, col) => {
    copy.getCell(col).value = c.value;
  });
  original.getCell(at.col + 1).value = STALE;
  original.hidden = true;
  const path = join(await mkdtemp(join(tmpdir(), "barometre-hidden-")), "hidden-row.xlsx");
  await wb.xlsx.writeFile(path);
  return path;
}

describe("a field found twice, one copy in a hidden row", () => {
  it("is read from the visible copy by the add-on as by barometre import, two rows asked about", async () => {
    const path = await withHiddenStaleCopy();
    const cli = await importWorkbookFile(path);
    expect(cli.ret).toEqual(fx.ret);

    const rt = await openWorkbook(path, { formulaResults: "cached" });
    expect(rt.run("runPrepare")).toMatchObject({ ok: true });
    expect(namedReturn(rt.book)).toEqual(fx.ret);
    expect(rt.book.calls.byMethod("meta")["Sheet.isRowHiddenByUser"]).toBe(2);
  });
});
