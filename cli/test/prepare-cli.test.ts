// barometre prepare run as a real subprocess: exit codes, French messages, the input never written.
import { existsSync } from "node:fs";
import { copyFile, link, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fixture } from "@barometre/testing/legacy-fixtures";
import type ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { type CliRun, loadWorkbook, runBarometre, sha256, tempFolder } from "./prepare-helpers.ts";

let dir: string;
beforeAll(async () => {
  dir = await tempFolder();
});

/** One French sentence on stderr, nothing on stdout, never a stack trace. */
function expectRefused(run: CliRun, message: RegExp) {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
}

describe("barometre prepare", () => {
  it("writes the prepared copy and summarises it in French", async () => {
    const out = join(dir, "lyon.xlsx");
    const run = await runBarometre("prepare", fixture("01").xlsx, "-o", out);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Classeur préparé : ${out}`);
    expect(run.stdout).toContain("6 onglets d'origine conservés tels quels.");
    expect((await loadWorkbook(out)).worksheets).toHaveLength(14);
  });

  it("refuses to write over its input, however the path is spelt, and leaves it untouched", async () => {
    const input = join(dir, "input.xlsx");
    await copyFile(fixture("02").xlsx, input);
    const hash = await sha256(input);
    const hardLink = join(dir, "same-file.xlsx");
    await link(input, hardLink);
    // The command runs from the repository root: a relative spelling names the same file.
    const spelt = `./${relative(join(import.meta.dirname, "../.."), dir)}/./input.xlsx`;
    for (const output of [input, spelt, hardLink]) {
      expectRefused(
        await runBarometre("prepare", input, "-o", output),
        /^Le fichier de sortie doit être différent du classeur d'origine/,
      );
    }
    expect(await sha256(input)).toBe(hash);
  });

  it("explains a missing output, a wrong extension, a missing folder and an unreadable input", async () => {
    const input = fixture("03").xlsx;
    expectRefused(await runBarometre("prepare", input), /^Indiquez le classeur à écrire avec -o\./);
    expectRefused(
      await runBarometre("prepare", input, "-o", join(dir, "out.xls")),
      /doit avoir l'extension \.xlsx\./,
    );
    expectRefused(
      await runBarometre("prepare", input, "-o", join(dir, "absent", "out.xlsx")),
      /^Le dossier de « .* » n'existe pas\./,
    );
    const notAWorkbook = join(dir, "notes.xlsx");
    await writeFile(notAWorkbook, "Ceci n'est pas un classeur.");
    const out = join(dir, "never.xlsx");
    expectRefused(await runBarometre("prepare", notAWorkbook, "-o", out), /n'est pas un classeur/);
    expect(existsSync(out)).toBe(false);
    expectRefused(
      await runBarometre("prepare", join(dir, "missing.xlsx"), "-o", out),
      /introuvable/,
    );
  });

  it("still writes the copy when the return has errors, lists them on the validated cells, and exits 1", async () => {
    const input = join(dir, "negative-charges.xlsx");
    const wb = await loadWorkbook(fixture("01").xlsx);
    const finance = wb.getWorksheet("Données financières") as ExcelJS.Worksheet;
    finance.eachRow((row) => {
      if (row.getCell(1).value === "Total des charges") row.getCell(2).value = -5;
    });
    await wb.xlsx.writeFile(input);
    const out = join(dir, "negative-charges-prepared.xlsx");
    const run = await runBarometre("prepare", input, "-o", out);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /Erreur : 'Données financières ✓'!B8 : .*Total des charges.* \(lu en 'Données financières'!B\d+\)/,
    );
    expect(existsSync(out)).toBe(true);
  });

  it("has a French help", async () => {
    const run = await runBarometre("prepare", "--help");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Usage : barometre prepare FICHIER.xlsx -o SORTIE.xlsx");
  });
});
