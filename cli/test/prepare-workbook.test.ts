// prepareWorkbook on the legacy samples: originals untouched, validated tabs after them, live formulas that agree.
import { join } from "node:path";
import {
  CANONICAL_TABS,
  FIELDS,
  field,
  type PimmsReturn,
  setValue,
  type WorkbookPlan,
} from "@barometre/shared";
import { excelWorkbook } from "@barometre/testing/formula-engine";
import { expectIndicatorsAgree } from "@barometre/testing/indicator-agreement";
import { LEGACY_FIXTURES } from "@barometre/testing/legacy-fixtures";
import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { type Prepared, prepareWorkbook } from "../src/xlsx/write-prepared.ts";
import {
  decoratedLegacyWorkbook,
  loadWorkbook,
  sha256,
  sheetSnapshot,
  tempFolder,
} from "./prepare-helpers.ts";

let dir: string;
beforeAll(async () => {
  dir = await tempFolder();
});

/** Prepares `input` and loads both workbooks back, checking the input's bytes did not change. */
async function prepareAndLoad(input: string, name: string) {
  const hash = await sha256(input);
  const out = join(dir, `${name}.xlsx`);
  const prepared = await prepareWorkbook(input, out);
  expect(await sha256(input)).toBe(hash);
  return { prepared, original: await loadWorkbook(input), written: await loadWorkbook(out) };
}

function expectOriginalsKept(
  original: ExcelJS.Workbook,
  written: ExcelJS.Workbook,
  plan: WorkbookPlan,
) {
  const names = original.worksheets.map((ws) => ws.name);
  expect(written.worksheets.map((ws) => ws.name)).toEqual([
    ...names,
    ...plan.tabs.map((t) => t.name),
  ]);
  for (const ws of original.worksheets) {
    expect(sheetSnapshot(written.getWorksheet(ws.name) as ExcelJS.Worksheet), ws.name).toEqual(
      sheetSnapshot(ws),
    );
  }
}

function expectInputsPlanned(written: ExcelJS.Workbook, plan: WorkbookPlan) {
  const names = new Map(written.definedNames.model.map((n) => [n.name, n.ranges]));
  expect([...names.keys()].filter((n) => /^(fld|ind)_/.test(n)).sort()).toEqual(
    plan.names.map((n) => n.name).sort(),
  );
  for (const n of plan.names) {
    const ws = written.getWorksheet(n.tab) as ExcelJS.Worksheet;
    const cell = ws.getCell(n.row + 1, n.col + 1);
    // exceljs quotes a sheet name only when it must.
    const unquoted = names
      .get(n.name)
      ?.map((r) => r.replace(/^'(.*)'!/, "$1!").replace(/''/g, "'"));
    expect(unquoted, n.name).toEqual([`${n.tab}!$${cell.address.replace(/(\d+)$/, "$$$1")}`]);
    if (!n.name.startsWith("fld_")) continue;
    const f = FIELDS.find((x) => x.name === n.name);
    expect(cell.dataValidation?.prompt, n.name).toBe(f?.help);
    expect(cell.dataValidation?.showInputMessage, n.name).toBe(true);
    expect(cell.dataValidation?.promptTitle, n.name).toBeTruthy();
    expect(cell.protection?.locked, n.name).toBe(false);
    const planned = plan.tabs.find((t) => t.name === n.tab)?.cells[n.row]?.[n.col];
    if (planned?.numberFormat) expect(cell.numFmt, n.name).toBe(planned.numberFormat);
  }
}

describe.each(LEGACY_FIXTURES)("barometre prepare on $name", (fx) => {
  let result: { prepared: Prepared; original: ExcelJS.Workbook; written: ExcelJS.Workbook };
  beforeAll(async () => {
    result = await prepareAndLoad(fx.xlsx, fx.name);
  });

  it("keeps every original tab as it was and adds the validated tabs after them", () => {
    expectOriginalsKept(result.original, result.written, result.prepared.plan);
  });

  it("gives every input a defined name, a validation with its help, its format, and leaves it editable", () => {
    expectInputsPlanned(result.written, result.prepared.plan);
  });

  it("pre-fills the validated tabs with the imported return", () => {
    const { ret } = result.prepared.result;
    const engine = excelWorkbook(result.written);
    expect(engine.named("fld_finance_chargesTotal")).toBe(ret.finance.chargesTotal);
    expect(engine.named("fld_identification_structureCode")).toBe(ret.identification.structureCode);
  });

  it("computes, in a formula engine, the indicators of the TypeScript engine", () => {
    expectIndicatorsAgree(excelWorkbook(result.written), result.prepared.result.ret);
  });

  it("recomputes the indicators when an input changes", () => {
    const engine = excelWorkbook(result.written);
    const edited: PimmsReturn = structuredClone(result.prepared.result.ret);
    for (const [key, value] of [
      ["finance.associationFunds", -1200.5],
      ["social.exitsDurableJob", 7],
      ["activity.prevReasonsPartners", 900],
      ["activity.prevReasonsNonPartners", 800],
      ["activity.prevReasonsDigital", 300],
    ] as const) {
      setValue(edited, field(key), value);
      engine.setNamed(field(key).name, value);
      expectIndicatorsAgree(engine, edited);
    }
  });

  it("protects the validated tabs without a password and colours the statuses", () => {
    for (const tab of result.prepared.plan.tabs) {
      const model = (result.written.getWorksheet(tab.name) as ExcelJS.Worksheet)
        .model as unknown as {
        sheetProtection?: { sheet?: boolean; hashValue?: string };
      };
      expect(model.sheetProtection?.sheet, tab.name).toBe(true);
      expect(model.sheetProtection?.hashValue, tab.name).toBeUndefined();
    }
    const indicators = result.written.getWorksheet(result.prepared.names.indicators) as unknown as {
      conditionalFormattings: { rules: { formulae: string[] }[] }[];
    };
    expect(indicators.conditionalFormattings.map((c) => c.rules[0]?.formulae[0])).toEqual([
      '"Vert"',
      '"Orange"',
      '"Rouge"',
    ]);
  });
});

describe("barometre prepare on a workbook with styles, merges, formulas, notes and hidden tabs", () => {
  it("keeps all of them, the user's own defined names too", async () => {
    const input = join(dir, "decorated-input.xlsx");
    await decoratedLegacyWorkbook(input);
    const { prepared, original, written } = await prepareAndLoad(input, "decorated");
    expectOriginalsKept(original, written, prepared.plan);
    expect(written.definedNames.model).toContainEqual({
      name: "totalProduits",
      ranges: ["'Données financières'!$B$1"],
    });
    expect(written.getWorksheet("Notes de la direction")?.state).toBe("hidden");
    // The user's tabs named like validated tabs are kept; the validated ones take a suffix.
    expect(prepared.names.finance).not.toBe(CANONICAL_TABS.finance);
    expectIndicatorsAgree(excelWorkbook(written), prepared.result.ret);
  });
});
