// Generated returns through a real .xlsx: the written formulas agree with TypeScript, and the inputs read back.
import { buildWorkbookPlan, readPrepared } from "@barometre/shared";
import { excelWorkbook } from "@barometre/testing/formula-engine";
import { expectIndicatorsAgree } from "@barometre/testing/indicator-agreement";
import { returnArbitrary } from "@barometre/testing/return-arbitrary";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sheetGrid } from "../src/xlsx/read-grid.ts";
import { applyPlan } from "../src/xlsx/write-plan.ts";

describe("a plan written by exceljs and read back", () => {
  it("computes every indicator as TypeScript does and gives back the same return", async () => {
    await fc.assert(
      fc.asyncProperty(returnArbitrary, async (ret) => {
        const written = new ExcelJS.Workbook();
        await applyPlan(written, buildWorkbookPlan(ret));
        const loaded = new ExcelJS.Workbook();
        await loaded.xlsx.load(await written.xlsx.writeBuffer());
        expectIndicatorsAgree(excelWorkbook(loaded), ret);
        expect(readPrepared({ sheets: loaded.worksheets.map(sheetGrid) })?.ret).toEqual(ret);
      }),
      { numRuns: 25 },
    );
  });
});
