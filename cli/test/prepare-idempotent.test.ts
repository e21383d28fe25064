// Preparing a prepared workbook again: same tabs, same names, no duplicates, and the user's edits kept.
import { join } from "node:path";
import { FIELDS, field, type PimmsReturn, plannedCell, setValue } from "@barometre/shared";
import { excelWorkbook } from "@barometre/testing/formula-engine";
import { expectIndicatorsAgree } from "@barometre/testing/indicator-agreement";
import { fixture, LEGACY_FIXTURES } from "@barometre/testing/legacy-fixtures";
import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareWorkbook } from "../src/xlsx/write-prepared.ts";
import { loadWorkbook, sheetSnapshot, tempFolder } from "./prepare-helpers.ts";

let dir: string;
beforeAll(async () => {
  dir = await tempFolder();
});

const workbookSnapshot = (wb: ExcelJS.Workbook) => ({
  tabs: wb.worksheets.map(sheetSnapshot),
  names: [...wb.definedNames.model].sort((a, b) => a.name.localeCompare(b.name)),
});

describe.each(LEGACY_FIXTURES)("preparing $name twice", (fx) => {
  it("gives the same workbook: same tabs in the same order, same cells, same names", async () => {
    const once = join(dir, `${fx.name}-1.xlsx`);
    const twice = join(dir, `${fx.name}-2.xlsx`);
    const thrice = join(dir, `${fx.name}-3.xlsx`);
    const first = await prepareWorkbook(fx.xlsx, once);
    const second = await prepareWorkbook(once, twice);
    await prepareWorkbook(twice, thrice);
    expect(second.result.ret).toEqual(first.result.ret);
    expect(second.replaced).toBe(first.plan.tabs.length);
    const [a, b, c] = await Promise.all([once, twice, thrice].map(loadWorkbook));
    const snapshot = workbookSnapshot(a as ExcelJS.Workbook);
    const names = snapshot.tabs.map((t) => (t as { name: string }).name);
    expect(new Set(names).size).toBe(names.length);
    expect(workbookSnapshot(b as ExcelJS.Workbook)).toEqual(snapshot);
    expect(workbookSnapshot(c as ExcelJS.Workbook)).toEqual(snapshot);
  });
});

describe("preparing a workbook the user has edited since", () => {
  it("keeps the values typed in the validated tabs, wherever the tabs were moved", async () => {
    const once = join(dir, "edited-1.xlsx");
    const edited = join(dir, "edited-2.xlsx");
    const again = join(dir, "edited-3.xlsx");
    const first = await prepareWorkbook(fixture("01").xlsx, once);
    const wb = await loadWorkbook(once);
    const cellOf = (key: string) => {
      const n = first.plan.names.find((x) => x.name === field(key).name);
      if (!n) throw new Error(`${key} has no name`);
      return (wb.getWorksheet(n.tab) as ExcelJS.Worksheet).getCell(n.row + 1, n.col + 1);
    };
    const ret: PimmsReturn = structuredClone(first.result.ret);
    for (const [key, typed, value] of [
      ["finance.chargesTotal", 700000.5, 700000.5],
      ["governance.caOrientation.secretary", "Non", false],
      ["identification.territory", "Rural", "Rural"],
      ["activity.prevReasonsDigital", 4100, 4100],
    ] as const) {
      cellOf(key).value = typed;
      setValue(ret, field(key), value);
    }
    // The user also moved the Indicateurs tab first; it must come back in place, not twice.
    const indicators = wb.getWorksheet(first.names.indicators) as unknown as { orderNo: number };
    indicators.orderNo = -1;
    await wb.xlsx.writeFile(edited);

    const second = await prepareWorkbook(edited, again);
    expect(second.result.ret).toEqual(ret);
    const written = await loadWorkbook(again);
    const tabs = written.worksheets.map((ws) => ws.name);
    expect(tabs[0]).toBe(first.names.indicators);
    expect(tabs.filter((t) => t === first.names.indicators)).toHaveLength(1);
    expect(tabs).toHaveLength(6 + first.plan.tabs.length);
    expectIndicatorsAgree(excelWorkbook(written), ret);
    for (const f of FIELDS)
      expect(second.result.cells[f.key]).toBe(plannedCell(f.key, second.names));
  });
});
