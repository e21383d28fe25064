// barometre import on the legacy-2018 sample workbooks gives each one's truth.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  computeIndicators,
  hasErrors,
  INDICATOR_KEYS,
  importWorkbook,
  type PimmsReturn,
} from "@barometre/shared";
import { runCli } from "@barometre/testing/run-cli";
import { describe, expect, it } from "vitest";
import { readWorkbookFile } from "../src/xlsx/read.ts";

const DIR = join(import.meta.dirname, "../../testing/fixtures/legacy-2018");
const fixtures = readdirSync(DIR)
  .filter((n) => n.endsWith(".xlsx"))
  .sort()
  .map((file) => {
    const truth = JSON.parse(
      readFileSync(join(DIR, file.replace(/\.xlsx$/, ".truth.json")), "utf8"),
    );
    return {
      file,
      ...(truth as { return: PimmsReturn; indicators: Record<string, number | boolean | null> }),
    };
  });

const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

function expectIndicators(
  got: Record<string, { value: unknown }>,
  want: Record<string, unknown>,
): void {
  for (const key of INDICATOR_KEYS) {
    const value = got[key]?.value;
    const expected = want[key];
    if (typeof expected === "number")
      expect(Math.abs((value as number) - expected), key).toBeLessThan(1e-9);
    else expect(value, key).toBe(expected);
  }
}

describe("the 2018 sample workbooks", () => {
  it("are six, in the three layouts", () => {
    expect(fixtures.map((f) => f.file.slice(-6, -5))).toEqual(["A", "B", "C", "A", "B", "C"]);
  });

  it.each(fixtures)("$file imports with every field equal to its truth", async (fixture) => {
    const result = importWorkbook(await readWorkbookFile(join(DIR, fixture.file)));
    expect(result.ret).toEqual(fixture.return);
    expect(hasErrors(result.findings)).toBe(false);
    expectIndicators(computeIndicators(result.ret), fixture.indicators);
  });
});

describe("barometre import on the samples (real command)", () => {
  it("prints the JSON of docs/cli.md, exits 0 and leaves the file unchanged", async () => {
    const fixture = fixtures[2] as (typeof fixtures)[number];
    const path = join(DIR, fixture.file);
    const before = sha256(path);
    const run = await runCli(["import", path, "--json"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(["return", "indicators", "findings"]);
    expect(out.return).toEqual(fixture.return);
    expectIndicators(out.indicators, fixture.indicators);
    expect(out.indicators.financialBalance).toEqual({
      value: expect.any(Number),
      status: "green",
      reason: null,
    });
    expect(sha256(path)).toBe(before);
  });

  it("imports a whole folder, one result per workbook in name order", async () => {
    const run = await runCli(["import", DIR, "--json"]);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { file: string; return: PimmsReturn }[];
    expect(out.map((o) => o.file)).toEqual(fixtures.map((f) => f.file));
    out.forEach((o, i) => {
      expect(Object.keys(o)).toEqual(["file", "return", "indicators", "findings"]);
      expect(o.return).toEqual(fixtures[i]?.return);
    });
    // stderr is not a terminal here: no progress line.
    expect(run.stderr).toBe("");
  });

  it("prints a French summary without --json", async () => {
    const run = await runCli(["import", join(DIR, fixtures[1]?.file as string)]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("PIMMS Artois Gohelle (PIMMS-ARTOIS-GOHELLE), exercice 2018");
    expect(run.stdout).toContain("champs trouvés sur");
    expect(run.stdout).toContain("Régularité des instances");
    expect(run.stdout).toMatch(/\d+,\d\u00a0%/);
    expect(run.stdout).toContain("'Activité KeepPlace'!D2");
  });

  it("ends a folder's French summary with the count of each outcome", async () => {
    const run = await runCli(["import", DIR]);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe(
      "6 classeurs : 6 sans erreur, 0 avec des erreurs, 0 illisible.",
    );
  });

  it("benchmarks a folder of workbooks as it does the same returns in JSON", async () => {
    const [fromFolder, fromJson] = await Promise.all([
      runCli(["benchmark", DIR, "--json", "--min-group", "1"]),
      runCli(["benchmark", join(DIR, "network.json"), "--json", "--min-group", "1"]),
    ]);
    expect(fromFolder.code).toBe(0);
    expect(JSON.parse(fromFolder.stdout)).toEqual(JSON.parse(fromJson.stdout));
  });
});
