// Reading an .xlsx file gives the grid the workbook spec describes: values, merges, hidden rows.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { normalisedGrid, toGrid } from "@barometre/testing/workbook-spec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type WorkbookSpec, writeWorkbook } from "../src/demo/workbook-spec.ts";
import { readWorkbookFile } from "../src/xlsx/read.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "barometre-grid-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function roundTrip(spec: WorkbookSpec) {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.xlsx`);
  await writeWorkbook(spec, path);
  return readWorkbookFile(path);
}

describe("the exceljs adapter", () => {
  it("hands over plain values, cached formula results, flattened rich text and link texts", async () => {
    const spec: WorkbookSpec = {
      sheets: [
        {
          name: "Valeurs",
          rows: [
            ["texte", 12.5, true, new Date(Date.UTC(2019, 3, 12))],
            [
              { formula: "SUM(B1,1)", result: 13.5 },
              { formula: "B1*0", result: 0 },
              { formula: "1=2", result: false },
            ],
            [
              { formula: "A1", result: "texte" },
              { formula: "1/0", result: { error: "#DIV/0!" } },
              { error: "#REF!" },
            ],
            [
              { richText: ["Total ", "des ", "charges"] },
              { hyperlink: "mailto:d@pimms.example", text: "d@pimms.example" },
            ],
          ],
        },
      ],
    };
    expect(normalisedGrid(await roundTrip(spec))).toEqual(normalisedGrid(toGrid(spec)));
  });

  it("gives dates as the UTC calendar day, without the time of day", async () => {
    const grid = await roundTrip({
      sheets: [{ name: "D", rows: [[new Date(Date.UTC(2019, 3, 12, 23, 59))]] }],
    });
    expect(grid.sheets[0]?.rows[0]?.[0]).toEqual(new Date(Date.UTC(2019, 3, 12)));
  });

  it("keeps a merged area's value in its top-left cell only, and reports the merge", async () => {
    const grid = await roundTrip({
      sheets: [
        {
          name: "Fusions",
          rows: [
            ["Titre fusionné", "x", "y"],
            ["Total des charges", null, 10],
          ],
          merges: [
            { top: 0, left: 0, bottom: 0, right: 2 },
            { top: 1, left: 0, bottom: 1, right: 1 },
          ],
        },
      ],
    });
    const sheet = grid.sheets[0];
    expect(normalisedGrid(grid).sheets[0]?.rows).toEqual([
      ["Titre fusionné"],
      ["Total des charges", null, 10],
    ]);
    expect(sheet?.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 1, left: 0, bottom: 1, right: 1 },
    ]);
  });

  it("reports hidden rows and hidden sheets, in tab order", async () => {
    const grid = await roundTrip({
      sheets: [
        { name: "Visible", rows: [["a"], ["b"], ["c"]], hiddenRows: [1] },
        { name: "Cachée", rows: [["d"]], hidden: true },
      ],
    });
    expect(grid.sheets.map((s) => [s.name, s.hidden, s.hiddenRows])).toEqual([
      ["Visible", false, [1]],
      ["Cachée", true, []],
    ]);
  });
});
