// Legacy workbooks in every mix of the known variations import to the return they were written from.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importWorkbook, type PimmsReturn } from "@barometre/shared";
import { legacyStyleArbitrary } from "@barometre/testing/legacy-variations";
import { returnArbitrary } from "@barometre/testing/return-arbitrary";
import { normalisedGrid, toGrid } from "@barometre/testing/workbook-spec";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LAYOUTS, type LegacyStyle, legacyWorkbook } from "../src/demo/legacy-workbook.ts";
import { writeWorkbook } from "../src/demo/workbook-spec.ts";
import { readWorkbookFile } from "../src/xlsx/read.ts";

const unknownOutsideJunk = (findings: { message: string; cell: string | null }[]) =>
  findings.filter(
    (f) => f.message.startsWith("Libellé non reconnu") && !f.cell?.startsWith("'Données brutes'"),
  );

describe("legacy workbooks in any mix of the variations", () => {
  it("give back every field of the return they were written from", () => {
    fc.assert(
      fc.property(returnArbitrary, legacyStyleArbitrary, (ret, style) => {
        const result = importWorkbook(toGrid(legacyWorkbook(ret, style)));
        expect(result.ret).toEqual(ret);
        expect(unknownOutsideJunk(result.findings)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe("generated .xlsx files read through exceljs", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "barometre-import-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const sample = fc.sample(returnArbitrary, { numRuns: 1, seed: 2018 })[0] as PimmsReturn;
  const mixes: [string, LegacyStyle][] = [
    ["layout A", LAYOUTS.A],
    ["layout B", LAYOUTS.B],
    ["layout C", LAYOUTS.C],
    [
      "layout A tab names with layout C labels, values and formulas",
      { ...LAYOUTS.C, tabNames: LAYOUTS.A.tabNames },
    ],
    [
      "identification on top of a tab named otherwise, shuffled governance, serial dates",
      {
        ...LAYOUTS.A,
        identification: "top-of-first",
        tabNames: { ...LAYOUTS.A.tabNames, governance: "Feuil1" },
        governanceColumns: ["secretary", "treasurer", "date", "president"],
        dates: "serial",
      },
    ],
    [
      "values as text with narrow no-break spaces, bullets, 1/0 presences and a junk tab",
      {
        ...LAYOUTS.B,
        numbers: "frenchText",
        space: "\u202f",
        decoration: "bullet",
        presence: [1, 0],
        junkRows: 500,
      },
    ],
    [
      "labels merged up to their value, blank rows",
      { ...LAYOUTS.C, mergedLabels: true, blankRows: true },
    ],
    [
      "empty values left out, dashes and hidden notes",
      { ...LAYOUTS.A, empty: "omit", hiddenNotes: true, labelColumn: 1, valueGap: 4 },
    ],
  ];

  it.each(mixes)("%s", async (name, style) => {
    const spec = legacyWorkbook(sample, style);
    const path = join(dir, `${name.replace(/\W+/g, "-")}.xlsx`);
    await writeWorkbook(spec, path);
    const grid = await readWorkbookFile(path);
    expect(normalisedGrid(grid)).toEqual(normalisedGrid(toGrid(spec)));
    const result = importWorkbook(grid);
    expect(result.ret).toEqual(sample);
    expect(unknownOutsideJunk(result.findings)).toEqual([]);
  });
});
