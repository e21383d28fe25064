// The add-on and `barometre prepare` apply the same plan: same tabs, cells, formats, rules, protections and names.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { prepareWorkbook } from "@barometre/cli/xlsx";
import { LEGACY_FIXTURES } from "@barometre/testing/legacy-fixtures";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { openWorkbook } from "./support/addon-session.ts";
import { excelNames, excelTab, sheetsNames, sheetsTab } from "./support/tab-views.ts";

describe("same as barometre prepare", () => {
  it.each(LEGACY_FIXTURES.map((f) => [f.name, f] as const))("%s", async (_name, fx) => {
    const out = join(await mkdtemp(join(tmpdir(), "barometre-cli-")), "prepare.xlsx");
    const cli = await prepareWorkbook(fx.xlsx, out);
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(out);

    // Both read the formula results Excel saved (Google Sheets would recompute them on import).
    const rt = await openWorkbook(fx.xlsx, { formulaResults: "cached" });
    const answer = rt.run("runPrepare") as { value: { created: string[] } };
    expect(rt.book.sheets.map((s) => s.name)).toEqual(excel.worksheets.map((w) => w.name));
    expect(answer.value.created).toEqual(cli.plan.tabs.map((t) => t.name));
    expect(sheetsNames(rt.book)).toEqual(excelNames(excel));

    let probed = 0;
    let conditional = 0;
    for (const tab of cli.plan.tabs) {
      const ws = excel.getWorksheet(tab.name) as ExcelJS.Worksheet;
      const rows = tab.cells.length;
      const cols = Math.max(...tab.cells.map((r) => r.length));
      const mine = sheetsTab(rt.book, rt.book.requireSheet(tab.name), ws, rows, cols);
      expect(mine, tab.name).toEqual(excelTab(ws, rows, cols));
      probed += Object.values(mine.cells).filter((c) => c.accepts?.includes(true)).length;
      conditional += mine.conditional.length;
    }
    // Not a comparison of two empty sets: every input's rule was probed, the bands are coloured.
    expect(probed).toBe(cli.plan.names.filter((n) => n.name.startsWith("fld_")).length);
    expect(conditional).toBeGreaterThan(0);
  });
});
