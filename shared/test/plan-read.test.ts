// readPrepared: a prepared workbook's validated tabs read back, with findings on their cells.

import { fixture } from "@barometre/testing/legacy-fixtures";
import { returnArbitrary } from "@barometre/testing/return-arbitrary";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildWorkbookPlan,
  type Cell,
  CLASH_SUFFIX,
  FIELDS,
  FORMATS,
  field,
  importWorkbook,
  inputPosition,
  plannedCell,
  readPrepared,
  type SheetGrid,
  validateReturn,
  type WorkbookGrid,
  type WorkbookPlan,
} from "../src/index.ts";

const DAY_MS = 86_400_000;

/** The grid an adapter reads from a workbook the plan was applied to; dates as Date objects when asked. */
function gridOf(plan: WorkbookPlan, dates: "serial" | "Date" = "Date"): WorkbookGrid {
  return {
    sheets: plan.tabs.map((tab) => ({
      name: tab.name,
      rows: tab.cells.map((row) =>
        row.map((cell): Cell => {
          const value = cell?.value ?? null;
          if (
            dates === "Date" &&
            cell?.numberFormat === FORMATS.date &&
            typeof value === "number"
          ) {
            return new Date((value - 25569) * DAY_MS);
          }
          return value;
        }),
      ),
    })),
  };
}

const sheet = (grid: WorkbookGrid, name: string) =>
  grid.sheets.find((s) => s.name === name) as SheetGrid;

const lyon = fixture("01").ret;

describe("readPrepared", () => {
  it("is null for a workbook without validated tabs", () => {
    expect(readPrepared({ sheets: [] })).toBeNull();
    expect(
      readPrepared({
        sheets: [
          { name: "Identification", rows: [["Identification"], ["Code structure", "PIMMS-X"]] },
        ],
      }),
    ).toBeNull();
  });

  it("reads back every value the plan wrote, with the findings of validateReturn on the planned cells", () => {
    fc.assert(
      fc.property(
        returnArbitrary,
        fc.constantFrom("serial", "Date") as fc.Arbitrary<"serial" | "Date">,
        (ret, dates) => {
          const result = readPrepared(gridOf(buildWorkbookPlan(ret), dates));
          expect(result?.ret).toEqual(ret);
          for (const f of FIELDS) expect(result?.cells[f.key]).toBe(plannedCell(f.key));
          const want = validateReturn(ret, plannedCell);
          expect(result?.findings).toHaveLength(want.length);
          expect(result?.findings).toEqual(expect.arrayContaining(want));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("is what importWorkbook gives for a prepared workbook", () => {
    const grid = gridOf(buildWorkbookPlan(lyon));
    expect(importWorkbook(grid)).toEqual(readPrepared(grid));
  });

  it("reads the validated tabs beside the user's tabs of the same names, never the user's", () => {
    const plan = buildWorkbookPlan(lyon, { occupied: ["Identification", "Données financières"] });
    const grid = gridOf(plan);
    grid.sheets.unshift(
      { name: "Identification", rows: [["Code structure", "AUTRE-CODE"]] },
      { name: "Données financières", rows: [["Total des charges", 1]] },
    );
    const result = readPrepared(grid);
    expect(result?.ret).toEqual(lyon);
    expect(result?.cells["finance.chargesTotal"]).toBe(`'Données financières${CLASH_SUFFIX}'!B8`);
  });

  it("follows a row the user inserted above a field", () => {
    const grid = gridOf(buildWorkbookPlan(lyon));
    const finance = sheet(grid, "Données financières");
    finance.rows.splice(5, 0, ["Ligne ajoutée par l'utilisateur", 123]);
    const result = readPrepared(grid);
    expect(result?.ret.finance).toEqual(lyon.finance);
    expect(result?.cells["finance.chargesTotal"]).toBe("'Données financières'!B9");
  });

  it("reports a value that does not parse once, on its cell, in French", () => {
    const grid = gridOf(buildWorkbookPlan(lyon));
    const at = inputPosition(field("finance.chargesTotal"));
    const row = sheet(grid, "Données financières").rows[at.row] as Cell[];
    row[at.col] = "beaucoup";
    const result = readPrepared(grid);
    const onField = result?.findings.filter((f) => f.field === "finance.chargesTotal") ?? [];
    expect(onField).toEqual([
      {
        severity: "error",
        field: "finance.chargesTotal",
        cell: "'Données financières'!B8",
        message: expect.stringMatching(
          /^Valeur illisible pour « Total des charges » : « beaucoup »/,
        ),
      },
    ]);
    expect(result?.ret.finance.chargesTotal).toBeNull();
  });

  it("reads a missing validated tab as empty and says so", () => {
    const grid = gridOf(buildWorkbookPlan(lyon));
    grid.sheets = grid.sheets.filter((s) => s.name !== "Gouvernance");
    const result = readPrepared(grid);
    expect(result?.ret.governance.caValidation).toEqual({
      date: null,
      president: false,
      treasurer: false,
      secretary: false,
    });
    expect(result?.findings).toContainEqual({
      severity: "warning",
      field: null,
      cell: null,
      message:
        "L'onglet validé « Gouvernance » est absent du classeur : ses champs sont lus comme vides.",
    });
  });

  it("reads the first of two validated tabs of the same kind and warns about the other", () => {
    const grid = gridOf(buildWorkbookPlan(lyon));
    const copy = structuredClone(sheet(grid, "Activité"));
    grid.sheets.push({ ...copy, name: "Activité (copie)" });
    const result = readPrepared(grid);
    expect(result?.cells["activity.visitors"]).toBe("'Activité'!B4");
    expect(result?.findings.some((f) => f.message.includes("2 onglets validés « Activité »"))).toBe(
      true,
    );
  });
});
