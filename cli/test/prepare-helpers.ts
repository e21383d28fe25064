// Helpers of the prepare tests: temporary folders, a decorated legacy workbook, and sheet snapshots to compare.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fixture } from "@barometre/testing/legacy-fixtures";
import ExcelJS from "exceljs";
import { afterAll } from "vitest";

/** A fresh temporary folder, removed after the test file. */
export async function tempFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "barometre-prepare-"));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/**
 * Everything a user sees in a sheet, as plain data: each cell's value (formulas with their cached
 * result), style, note and validation, merges, column widths, row heights and visibility, views,
 * conditional formats and protection.
 */
export function sheetSnapshot(ws: ExcelJS.Worksheet): unknown {
  const cells: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells[cell.address] = {
        value: cell.value,
        style: cell.style,
        note: cell.note ?? null,
        validation: cell.dataValidation ?? null,
      };
    });
  });
  const rows: Record<number, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n] = { height: row.height ?? null, hidden: row.hidden };
  });
  // exceljs keeps these in the sheet's model without typing them.
  const model = ws.model as unknown as {
    merges?: string[];
    conditionalFormattings?: unknown;
    sheetProtection?: unknown;
  };
  return {
    name: ws.name,
    state: ws.state,
    cells,
    rows,
    merges: [...(model.merges ?? [])].sort(),
    columns: (ws.columns ?? []).map((c) => ({ width: c.width ?? null, hidden: c.hidden })),
    views: ws.views,
    conditionalFormats: model.conditionalFormattings ?? null,
    protection: model.sheetProtection ?? null,
  };
}

/**
 * The Lyon sample decorated with what real workbooks hold: styles, merged cells, formulas across
 * tabs with cached results, a note, the user's own validation and defined name, a frozen pane and a
 * hidden tab. Preparing it must keep all of it.
 */
export async function decoratedLegacyWorkbook(path: string): Promise<void> {
  const wb = await loadWorkbook(fixture("01").xlsx);
  const finance = wb.getWorksheet("Données financières") as ExcelJS.Worksheet;
  finance.getCell("A1").font = { bold: true, color: { argb: "FFC00000" } };
  finance.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
  finance.getCell("D1").value = "Contrôle";
  finance.mergeCells("D1:E2");
  finance.getCell("D4").value = { formula: "B1-B5", result: 38355.53 };
  finance.getCell("D5").value = { formula: "'Données sociales'!B1*2", result: 42 };
  finance.getCell("D4").numFmt = '#,##0.00 "€"';
  finance.getCell("B2").note = "Montant issu du compte de résultat certifié.";
  finance.getCell("E6").dataValidation = {
    type: "list",
    allowBlank: true,
    formulae: ['"a,b"'],
  };
  finance.getColumn(1).width = 48;
  finance.views = [{ state: "frozen", ySplit: 1 }];
  wb.definedNames.add("'Données financières'!$B$1", "totalProduits");
  const notes = wb.addWorksheet("Notes de la direction", { state: "hidden" });
  notes.getCell("A1").value = "Ne pas diffuser.";
  notes.getCell("A2").value = {
    richText: [{ text: "Gras", font: { bold: true } }, { text: " et normal" }],
  };
  await wb.xlsx.writeFile(path);
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const root = join(import.meta.dirname, "../..");

/** Runs the installed `barometre` as a user would, with this test's Node first on the PATH. */
export function runBarometre(...args: string[]): Promise<CliRun> {
  const env = {
    ...process.env,
    PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}`,
  };
  return new Promise((resolve) => {
    execFile(
      join(root, "node_modules/.bin/barometre"),
      args,
      { cwd: root, env },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

export const sha256 = async (path: string): Promise<string> =>
  createHash("sha256")
    .update(await readFile(path))
    .digest("hex");
